package o2o.parking.persistence;

import static o2o.shared.Timestamps.utc;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Optional;

import o2o.malls.MallId;
import o2o.parking.ParkingRules;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of a mall's parking rules and its tiers' free hours. */
@Repository
public class RuleRows {

    private final JdbcClient jdbc;

    RuleRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ParkingRules> of(MallId mall) {
        var tiers = new LinkedHashMap<String, Integer>();
        jdbc.sql("select tier_name, hours from parking_tier_hours where mall_id = :m order by tier_name")
                .param("m", mall.value()).query(rs -> {
                    tiers.put(rs.getString(1), rs.getInt(2));
                });
        return jdbc.sql("""
                        select free_minutes, hourly_minor, daily_cap_minor, grace_minutes, spend_per_free_hour_minor,
                               max_purchase_free_hours
                          from parking_rules where mall_id = :m
                        """)
                .param("m", mall.value())
                .query((rs, row) -> new ParkingRules(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getInt(4),
                        rs.getLong(5), rs.getInt(6), tiers))
                .optional();
    }

    /** Replaces the mall's rules and its tiers' free hours. */
    public void save(MallId mall, ParkingRules rules, Instant at) {
        jdbc.sql("""
                        insert into parking_rules (mall_id, free_minutes, hourly_minor, daily_cap_minor, grace_minutes,
                                                   spend_per_free_hour_minor, max_purchase_free_hours, updated_at)
                        values (:m, :free, :hourly, :cap, :grace, :spend, :most, :at)
                        on conflict (mall_id) do update set free_minutes = excluded.free_minutes,
                            hourly_minor = excluded.hourly_minor, daily_cap_minor = excluded.daily_cap_minor,
                            grace_minutes = excluded.grace_minutes,
                            spend_per_free_hour_minor = excluded.spend_per_free_hour_minor,
                            max_purchase_free_hours = excluded.max_purchase_free_hours, updated_at = excluded.updated_at
                        """)
                .param("m", mall.value()).param("free", rules.freeMinutes()).param("hourly", rules.hourlyMinor())
                .param("cap", rules.dailyCapMinor()).param("grace", rules.graceMinutes())
                .param("spend", rules.spendPerFreeHourMinor()).param("most", rules.maxPurchaseFreeHours())
                .param("at", utc(at)).update();
        jdbc.sql("delete from parking_tier_hours where mall_id = :m").param("m", mall.value()).update();
        rules.tierFreeHours().forEach((tier, hours) -> jdbc.sql("""
                        insert into parking_tier_hours (mall_id, tier_name, hours) values (:m, :t, :h)
                        """)
                .param("m", mall.value()).param("t", tier).param("h", hours).update());
    }
}
