package o2o.wallet.persistence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A merchant's stored-value rules: top_up_rule (bonus by threshold) and stored_value_refund_rule. */
@Repository
public class MerchantWalletRules {

    private final JdbcClient jdbc;

    MerchantWalletRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void replaceBonusRules(UUID merchantId, Map<Long, Long> bonusByThreshold) {
        jdbc.sql("delete from top_up_rule where merchant_id = :m").param("m", merchantId).update();
        bonusByThreshold.forEach((pay, bonus) -> jdbc
                .sql("insert into top_up_rule (merchant_id, pay_minor, bonus_minor) values (:m, :p, :b)")
                .param("m", merchantId).param("p", pay).param("b", bonus).update());
    }

    /** Threshold to bonus, in minor units, smallest threshold first. */
    public Map<Long, Long> bonusRules(UUID merchantId) {
        var rules = new LinkedHashMap<Long, Long>();
        jdbc.sql("select pay_minor, bonus_minor from top_up_rule where merchant_id = :m order by pay_minor")
                .param("m", merchantId)
                .query((rs, row) -> rules.put(rs.getLong(1), rs.getLong(2)))
                .list();
        return rules;
    }

    /** The bonus of the rule with the highest threshold this payment reaches, in minor units; 0 for none. */
    public long bonusFor(UUID merchantId, long paidMinor) {
        return jdbc.sql("""
                        select coalesce(max(bonus_minor) filter (where pay_minor = (
                            select max(pay_minor) from top_up_rule where merchant_id = :m and pay_minor <= :paid)), 0)
                        from top_up_rule where merchant_id = :m
                        """)
                .param("m", merchantId).param("paid", paidMinor).query(Long.class).single();
    }

    public void saveRefundRule(UUID merchantId, RefundRuleRow rule) {
        jdbc.sql("""
                        insert into stored_value_refund_rule (merchant_id, principal_refundable, refund_within_days)
                        values (:m, :refundable, :days)
                        on conflict (merchant_id) do update set principal_refundable = excluded.principal_refundable,
                            refund_within_days = excluded.refund_within_days
                        """)
                .param("m", merchantId).param("refundable", rule.principalRefundable())
                .param("days", rule.withinDays()).update();
    }

    public Optional<RefundRuleRow> refundRule(UUID merchantId) {
        return jdbc.sql("""
                        select principal_refundable, refund_within_days from stored_value_refund_rule
                        where merchant_id = :m
                        """)
                .param("m", merchantId)
                .query((rs, row) -> new RefundRuleRow(rs.getBoolean(1), rs.getInt(2)))
                .optional();
    }
}
