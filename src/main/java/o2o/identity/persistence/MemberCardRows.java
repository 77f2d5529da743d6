package o2o.identity.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.identity.CustomerPrincipal;
import o2o.identity.MemberCard;
import o2o.shared.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The merchants' member cards and the customers they are bound to. */
@Repository
public class MemberCardRows {

    private static final String CARDS = """
            select m.merchant_id, m.card_number, m.customer_id, c.phone, m.bound_at
            from member_card m join customer c on c.id = m.customer_id""";

    private final JdbcClient jdbc;

    MemberCardRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CustomerPrincipal> holder(UUID merchantId, String cardNumber) {
        return jdbc.sql("""
                        select c.id, c.phone from member_card m join customer c on c.id = m.customer_id
                        where m.merchant_id = :merchant and m.card_number = :card
                        """)
                .param("merchant", merchantId).param("card", cardNumber)
                .query((rs, row) -> new CustomerPrincipal(rs.getObject("id", UUID.class),
                        new PhoneNumber(rs.getString("phone"))))
                .optional();
    }

    public List<MemberCard> of(UUID customerId, UUID merchantId) {
        return jdbc.sql(CARDS + " where m.customer_id = :customer and m.merchant_id = :merchant order by m.bound_at, m.card_number")
                .param("customer", customerId).param("merchant", merchantId)
                .query(MemberCardRows::card)
                .list();
    }

    public Optional<MemberCard> find(UUID merchantId, String cardNumber) {
        return jdbc.sql(CARDS + " where m.merchant_id = :merchant and m.card_number = :card")
                .param("merchant", merchantId).param("card", cardNumber)
                .query(MemberCardRows::card)
                .optional();
    }

    /** A merchant's cards numbered after {@code after}, by number. */
    public List<MemberCard> ofMerchant(UUID merchantId, String after, int limit) {
        return jdbc.sql(CARDS + " where m.merchant_id = :merchant and m.card_number > :after order by m.card_number limit :limit")
                .param("merchant", merchantId).param("after", after).param("limit", limit)
                .query(MemberCardRows::card)
                .list();
    }

    /** False when the card was bound already (to anybody). */
    public boolean insert(UUID merchantId, String cardNumber, UUID customerId, Instant at) {
        return jdbc.sql("""
                        insert into member_card (merchant_id, card_number, customer_id, bound_at)
                        values (:merchant, :card, :customer, :now) on conflict do nothing
                        """)
                .param("merchant", merchantId).param("card", cardNumber).param("customer", customerId)
                .param("now", at.atOffset(ZoneOffset.UTC))
                .update() == 1;
    }

    public boolean delete(UUID merchantId, String cardNumber) {
        return jdbc.sql("delete from member_card where merchant_id = :merchant and card_number = :card")
                .param("merchant", merchantId).param("card", cardNumber).update() == 1;
    }

    private static MemberCard card(ResultSet rs, int row) throws SQLException {
        return new MemberCard(rs.getObject("merchant_id", UUID.class), rs.getString("card_number"),
                rs.getObject("customer_id", UUID.class), new PhoneNumber(rs.getString("phone")).masked(),
                rs.getObject("bound_at", OffsetDateTime.class).toInstant());
    }
}
