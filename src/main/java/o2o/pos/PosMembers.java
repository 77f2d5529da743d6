package o2o.pos;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import o2o.identity.PosPrincipal;
import o2o.loyalty.MemberSummary;
import o2o.loyalty.Members;
import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import o2o.shared.RateLimits;
import o2o.shared.RateLimits.Limit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Member lookup for a store's POS, by phone, member card number or member QR code. The card is found through
 * {@link Members}' {@code card} finder, which arrives with card numbers; until then a card lookup is a 400.
 */
@Service
public class PosMembers {

    private static final Limit LOOKUPS = new Limit("pos-member-lookup", 120, Duration.ofMinutes(1));

    private final Members members;
    private final RateLimits rateLimits;

    PosMembers(Members members, RateLimits rateLimits) {
        this.members = members;
        this.rateLimits = rateLimits;
    }

    /** The member of the POS's merchant named by exactly one identifier; 404 when nobody is a member by it. */
    public MemberSummary lookup(PosPrincipal pos, Sale.MemberRef by) {
        rateLimits.check(LOOKUPS, pos.keyId().toString());
        if (given(by) != 1) throw new InvalidInput("member", "give exactly one of phone, card, memberQr");
        return find(members, pos.merchantId(), by).orElseThrow(() -> Problem.notFound("member"));
    }

    static Optional<MemberSummary> find(Members members, UUID merchantId, Sale.MemberRef by) {
        if (present(by.phone())) return members.find(merchantId, "phone", by.phone());
        if (present(by.card())) return members.find(merchantId, "card", by.card());
        if (present(by.memberQr())) return members.find(merchantId, "qr", by.memberQr());
        return Optional.empty();
    }

    static long given(Sale.MemberRef by) {
        return Stream.of(by.phone(), by.card(), by.memberQr()).filter(PosMembers::present).count();
    }

    private static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
