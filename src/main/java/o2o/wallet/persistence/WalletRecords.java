package o2o.wallet.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import o2o.wallet.TopUpChannel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One member's wallet at one merchant beside its ledger accounts: the top-ups (stored_value_top_up) and principal
 * refunds (stored_value_refund) the refund window is read from, and the lock that queues the wallet's payments.
 */
@Repository
public class WalletRecords {

    private final JdbcClient jdbc;

    WalletRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Holds the wallet until the transaction ends: payments, charges and refunds of the same wallet queue here. */
    public void lock(UUID customerId, UUID merchantId) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "wallet:" + customerId + ":" + merchantId)
                .query(Integer.class).single();
    }

    public void recordTopUp(String reference, UUID merchantId, UUID customerId, TopUpChannel channel, long principalMinor,
            long bonusMinor, Instant now) {
        jdbc.sql("""
                        insert into stored_value_top_up (reference, merchant_id, customer_id, channel, principal_minor,
                                                         bonus_minor, created_at)
                        values (:ref, :m, :c, :channel, :principal, :bonus, :now) on conflict do nothing
                        """)
                .param("ref", reference).param("m", merchantId).param("c", customerId).param("channel", channel.name())
                .param("principal", principalMinor).param("bonus", bonusMinor)
                .param("now", now.atOffset(ZoneOffset.UTC)).update();
    }

    public void recordRefund(String reference, UUID merchantId, UUID customerId, long principalMinor,
            long bonusForfeitedMinor, Instant now) {
        jdbc.sql("""
                        insert into stored_value_refund (reference, merchant_id, customer_id, principal_minor,
                                                         bonus_forfeited_minor, created_at)
                        values (:ref, :m, :c, :principal, :bonus, :now)
                        """)
                .param("ref", reference).param("m", merchantId).param("c", customerId)
                .param("principal", principalMinor).param("bonus", bonusForfeitedMinor)
                .param("now", now.atOffset(ZoneOffset.UTC)).update();
    }

    public RefundWindow since(UUID merchantId, UUID customerId, Instant since) {
        var toppedUp = jdbc.sql("""
                        select coalesce(sum(principal_minor), 0), coalesce(sum(bonus_minor), 0) from stored_value_top_up
                        where merchant_id = :m and customer_id = :c and created_at >= :since
                        """)
                .param("m", merchantId).param("c", customerId).param("since", since.atOffset(ZoneOffset.UTC))
                .query((rs, row) -> new RefundWindow(rs.getLong(1), rs.getLong(2), 0))
                .single();
        long refunded = jdbc.sql("""
                        select coalesce(sum(principal_minor), 0) from stored_value_refund
                        where merchant_id = :m and customer_id = :c and created_at >= :since
                        """)
                .param("m", merchantId).param("c", customerId).param("since", since.atOffset(ZoneOffset.UTC))
                .query(Long.class).single();
        return new RefundWindow(toppedUp.principalToppedUp(), toppedUp.bonusToppedUp(), refunded);
    }
}
