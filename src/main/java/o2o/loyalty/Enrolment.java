package o2o.loyalty;

import java.time.Clock;
import java.util.UUID;

import o2o.loyalty.persistence.Memberships;
import o2o.merchants.MerchantStatus;
import o2o.merchants.Merchants;
import o2o.shared.CustomerId;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
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

    private final Memberships memberships;
    private final Loyalty loyalty;
    private final Merchants merchants;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Enrolment(Memberships memberships, Loyalty loyalty, Merchants merchants, ApplicationEventPublisher events, Clock clock) {
        this.memberships = memberships;
        this.loyalty = loyalty;
        this.merchants = merchants;
        this.events = events;
        this.clock = clock;
    }

    /** True when the customer became a member now, false when they already were (and nothing changed). */
    @Transactional
    public boolean join(CustomerId customer, MerchantId merchant, String channel, @Nullable String displayName) {
        UUID customerId = customer.value();
        UUID merchantId = merchant.value();
        var name = displayName(displayName);
        merchants.find(merchantId).filter(m -> m.status() == MerchantStatus.APPROVED)
                .orElseThrow(() -> Problem.notFound("merchant"));
        var program = loyalty.programOf(merchantId);
        var now = clock.instant();
        boolean joined = memberships.insert(new Membership(merchantId, customerId, program, channel, now), name);
        if (joined) {
            events.publishEvent(new MemberJoined(merchant, customer, channel, now));
        }
        return joined;
    }

    /** Joins (as {@link #join}) and returns the membership, new or as it was. */
    @Transactional
    public Membership enrol(CustomerId customer, MerchantId merchant, String channel) {
        join(customer, merchant, channel, null);
        return memberships.membership(merchant.value(), customer.value()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public boolean isMember(CustomerId customer, MerchantId merchant) {
        return memberships.exists(merchant.value(), customer.value());
    }

    private static @Nullable String displayName(@Nullable String raw) {
        if (raw == null || raw.isBlank()) return null;
        var name = raw.strip();
        if (name.length() > 40) throw new InvalidInput("name", "at most 40 characters");
        return name;
    }
}
