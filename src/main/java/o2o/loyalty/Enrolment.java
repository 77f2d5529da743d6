package o2o.loyalty;

import java.sql.Types;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;

import o2o.merchants.MerchantStatus;
import o2o.merchants.Merchants;
import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joining a merchant's membership on one of its channels: on the store page, at checkout, or at the counter through
 * staff. The membership's key makes joining again (or twice at once) change nothing.
 */
@Service
public class Enrolment {

    public static final String PAGE = "page";
    public static final String CHECKOUT = "checkout";
    public static final String COUNTER = "counter";

    private final JdbcClient jdbc;
    private final Loyalty loyalty;
    private final Merchants merchants;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Enrolment(JdbcClient jdbc, Loyalty loyalty, Merchants merchants, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.loyalty = loyalty;
        this.merchants = merchants;
        this.events = events;
        this.clock = clock;
    }

    /** True when the customer became a member now, false when they already were (and nothing changed). */
    @Transactional
    public boolean join(UUID customerId, UUID merchantId, String channel, @Nullable String displayName) {
        var name = displayName(displayName);
        merchants.find(merchantId).filter(m -> m.status() == MerchantStatus.APPROVED)
                .orElseThrow(() -> Problem.notFound("merchant"));
        var program = loyalty.programOf(merchantId);
        var now = clock.instant();
        boolean joined = jdbc.sql("""
                        insert into membership (merchant_id, customer_id, program_id, channel, joined_at, display_name)
                        values (:m, :c, :p, :channel, :now, :name) on conflict do nothing
                        """)
                .param("m", merchantId).param("c", customerId).param("p", program).param("channel", channel)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("name", new SqlParameterValue(Types.VARCHAR, name))
                .update() == 1;
        if (joined) events.publishEvent(new MemberJoined(merchantId, customerId, channel, now));
        return joined;
    }

    /** Joins (as {@link #join}) and returns the membership, new or as it was. */
    @Transactional
    public Membership enrol(UUID customerId, UUID merchantId, String channel) {
        join(customerId, merchantId, channel, null);
        return loyalty.membership(customerId, merchantId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public boolean isMember(UUID customerId, UUID merchantId) {
        return jdbc.sql("select count(*) from membership where merchant_id = :m and customer_id = :c")
                .param("m", merchantId).param("c", customerId).query(Long.class).single() > 0;
    }

    private static @Nullable String displayName(@Nullable String raw) {
        if (raw == null || raw.isBlank()) return null;
        var name = raw.strip();
        if (name.length() > 40) throw new InvalidInput("name", "at most 40 characters");
        return name;
    }
}
