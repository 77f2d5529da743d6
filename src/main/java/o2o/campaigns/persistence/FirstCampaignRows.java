package o2o.campaigns.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each customer's first attribution (an order or a membership) to one of a merchant's campaigns. */
@Repository
public class FirstCampaignRows {

    public record FirstRow(UUID customer, UUID campaign, String name, Instant at) {}

    private final JdbcClient jdbc;

    FirstCampaignRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<FirstRow> firstOf(UUID merchant, List<UUID> customers) {
        return jdbc.sql("""
                        select distinct on (a.customer_id) a.customer_id, c.id, c.name, a.occurred_at
                        from attribution a join campaign c on c.id = a.campaign_id
                        where a.customer_id = any(cast(:cs as uuid[])) and c.merchant_id = :m
                          and a.kind in ('ORDER', 'MEMBERSHIP')
                        order by a.customer_id, a.occurred_at, a.id
                        """)
                .param("cs", customers.toArray(UUID[]::new)).param("m", merchant)
                .query((rs, row) -> new FirstRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getTimestamp(4).toInstant()))
                .list();
    }
}
