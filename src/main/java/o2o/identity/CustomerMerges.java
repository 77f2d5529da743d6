package o2o.identity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import o2o.shared.CustomerId;
import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform operator merges two customers who are one person. The source stays as a row that points at the
 * target (its phone still signs in, as the target; its tokens act as the target), its WeChat openid and member cards
 * move, and {@link CustomersMerged} tells every module to move its own data.
 */
@Service
public class CustomerMerges {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerMerges(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    private record State(UUID id, @Nullable UUID mergedInto, @Nullable String openid) {}

    /** Merges source into target; merging the same pair again returns the earlier merge and changes nothing. */
    @Transactional
    public CustomerMerge merge(CustomerId sourceCustomer, CustomerId targetCustomer, UUID operatorId) {
        var sourceId = sourceCustomer.value();
        var targetId = targetCustomer.value();
        if (sourceId.equals(targetId)) throw new InvalidInput("targetCustomerId", "a customer cannot be merged into itself");
        // both rows locked in id order, so two merges of overlapping pairs queue instead of deadlocking
        var rows = jdbc.sql("""
                        select id, merged_into, wechat_openid from customer where id in (:source, :target)
                        order by id for update
                        """)
                .param("source", sourceId).param("target", targetId)
                .query((rs, row) -> new State(rs.getObject("id", UUID.class), rs.getObject("merged_into", UUID.class),
                        rs.getString("wechat_openid")))
                .list();
        var source = rows.stream().filter(r -> r.id().equals(sourceId)).findFirst()
                .orElseThrow(() -> Problem.notFound("customer"));
        var target = rows.stream().filter(r -> r.id().equals(targetId)).findFirst()
                .orElseThrow(() -> Problem.notFound("customer"));
        if (targetId.equals(source.mergedInto())) return recorded(sourceId).orElseThrow();
        if (source.mergedInto() != null) throw notMergeable("the source was merged into another customer already");
        if (target.mergedInto() != null) throw notMergeable("the target was merged into another customer");

        var now = clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        jdbc.sql("update customer set merged_into = :target, merged_at = :now where id = :source")
                .param("target", targetId).param("now", now).param("source", sourceId).update();
        // customers merged into the source earlier now point at the target directly: one hop, never a chain
        jdbc.sql("update customer set merged_into = :target where merged_into = :source")
                .param("target", targetId).param("source", sourceId).update();
        if (source.openid() != null && target.openid() == null) {
            // the source's whole WeChat binding moves: openid, unionid and profile together (rows are locked above)
            var moved = jdbc.sql("""
                            select wechat_openid, wechat_unionid, wechat_nickname, wechat_avatar_url
                            from customer where id = :source
                            """)
                    .param("source", sourceId)
                    .query((rs, row) -> new WechatAccount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                    .single();
            jdbc.sql("""
                            update customer set wechat_openid = null, wechat_unionid = null, wechat_nickname = null,
                                wechat_avatar_url = null
                            where id = :source
                            """)
                    .param("source", sourceId).update();
            jdbc.sql("""
                            update customer set wechat_openid = :openid, wechat_unionid = :unionid,
                                wechat_nickname = :nickname, wechat_avatar_url = :avatar
                            where id = :target
                            """)
                    .param("openid", moved.openid()).param("unionid", moved.unionid())
                    .param("nickname", moved.nickname()).param("avatar", moved.avatarUrl())
                    .param("target", targetId).update();
        }
        jdbc.sql("update member_card set customer_id = :target where customer_id = :source")
                .param("target", targetId).param("source", sourceId).update();
        jdbc.sql("""
                        insert into customer_merge (source_id, target_id, operator_id, merged_at)
                        values (:source, :target, :operator, :now)
                        """)
                .param("source", sourceId).param("target", targetId).param("operator", operatorId).param("now", now)
                .update();
        events.publishEvent(new CustomersMerged(new CustomerId(sourceId), new CustomerId(targetId), now.toInstant()));
        return new CustomerMerge(sourceId, targetId, operatorId, now.toInstant());
    }

    private Optional<CustomerMerge> recorded(UUID sourceId) {
        return jdbc.sql("select source_id, target_id, operator_id, merged_at from customer_merge where source_id = :s")
                .param("s", sourceId)
                .query((rs, row) -> new CustomerMerge(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getObject(4, OffsetDateTime.class).toInstant()))
                .optional();
    }

    private static Problem notMergeable(String detail) {
        return new Problem(HttpStatus.CONFLICT, "customer-not-mergeable", detail, Map.of());
    }
}
