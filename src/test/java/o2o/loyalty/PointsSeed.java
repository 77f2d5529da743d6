package o2o.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.ledger.AccountKey;
import o2o.ledger.Ledger;
import o2o.ledger.Posting;
import o2o.shared.Ids;
import o2o.testing.Api;
import o2o.testing.Fixtures;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Gives members points the way an import does (the merchant's ISSUED account to the member, with a lot), so that
 * spending tests start from exact balances whatever the earning rules are.
 */
final class PointsSeed {

    private final Api api;
    private final Loyalty loyalty;
    private final Ledger ledger;
    private final JdbcClient jdbc;

    PointsSeed(Api api, Loyalty loyalty, Ledger ledger, JdbcClient jdbc) {
        this.api = api;
        this.loyalty = loyalty;
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    record Member(String token, UUID customerId, String phone) {}

    /** A customer signed in who joined the merchant's membership. */
    Member member(Fixtures fixtures, UUID merchantId) {
        var phone = Fixtures.uniquePhone();
        var token = fixtures.customerToken(phone);
        var joined = api.post("/api/v1/me/memberships", Map.of("merchantId", merchantId), token);
        assertThat(joined.status()).as(joined.raw()).isEqualTo(200);
        return new Member(token, UUID.fromString(joined.text("customerId")), phone);
    }

    /** Credits points to the member as one lot expiring at {@code expires}. */
    UUID credit(UUID customerId, UUID merchantId, long points, Instant expires) {
        var program = loyalty.programOf(merchantId);
        var reference = "import:" + merchantId + ":" + Fixtures.unique("card") + ":points";
        var issued = ledger.account(new AccountKey("ISSUED", "merchant:" + merchantId, "program:" + program, "PTS"),
                merchantId, true);
        var member = ledger.account(Loyalty.memberKey(program, customerId), merchantId, false);
        ledger.post(reference, "导入积分", merchantId,
                List.of(new Posting(issued.id(), -points), new Posting(member.id(), points)));
        var lot = Ids.next();
        jdbc.sql("""
                        insert into points_lot (id, program_id, merchant_id, customer_id, reference, points, remaining,
                                                earned_at, expires_at)
                        values (:id, :p, :m, :c, :ref, :pts, :pts, :now, :expires)
                        """)
                .param("id", lot).param("p", program).param("m", merchantId).param("c", customerId)
                .param("ref", reference).param("pts", points).param("now", Instant.now().atOffset(ZoneOffset.UTC))
                .param("expires", expires.atOffset(ZoneOffset.UTC)).update();
        return lot;
    }

    long balance(Member member, UUID merchantId) {
        return api.get("/api/v1/me/points?merchantId=" + merchantId, member.token()).body().path("points").asLong();
    }

    long lotsRemaining(UUID customerId, UUID merchantId) {
        return jdbc.sql("select coalesce(sum(remaining), 0) from points_lot where customer_id = :c and program_id = :p")
                .param("c", customerId).param("p", loyalty.programOf(merchantId)).query(Long.class).single();
    }

    long remainingOf(UUID lotId) {
        return jdbc.sql("select remaining from points_lot where id = :id").param("id", lotId).query(Long.class).single();
    }

    /** The points an entry moved into (+) or out of (−) the member's account; 0 if there is no such entry. */
    long memberPostingOf(String reference, UUID customerId, UUID merchantId) {
        var account = ledger.find(Loyalty.memberKey(loyalty.programOf(merchantId), customerId)).orElseThrow().id();
        return ledger.entry(reference).stream().flatMap(e -> e.postings().stream())
                .filter(p -> p.accountId().equals(account)).mapToLong(Posting::amount).sum();
    }

    long entries(String reference) {
        return jdbc.sql("select count(*) from ledger_entry where reference = :r").param("r", reference)
                .query(Long.class).single();
    }

    void rules(Fixtures.MerchantFixture merchant, int pointsPerYuanOff, int capPercent, long minPointsPerUse) {
        var changed = api.put("/api/v1/merchant/points-program/redemption", Map.of("pointsPerYuanOff", pointsPerYuanOff,
                "capPercent", capPercent, "minPointsPerUse", minPointsPerUse), merchant.ownerToken());
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
    }
}
