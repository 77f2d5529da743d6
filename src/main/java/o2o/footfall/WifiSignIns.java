package o2o.footfall;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import o2o.identity.CustomerSignIn;
import o2o.loyalty.MemberCards;
import o2o.malls.Mall;
import o2o.malls.MallId;
import o2o.malls.Malls;
import o2o.shared.CustomerId;
import o2o.shared.InvalidInput;
import o2o.shared.PhoneNumber;
import o2o.shared.Problem;
import o2o.shared.RateLimits;
import o2o.shared.RateLimits.Limit;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The mall's Wi-Fi portal: a customer proves who they are by phone and SMS code (the platform's sign-in codes, with
 * their rate limits) or by typing the mall's member code from their card, and their visit is recorded. The code is
 * checked before any transaction of ours opens, so a wrong guess is counted against the code even though it fails.
 */
@Service
public class WifiSignIns {

    /**
     * Member codes typed per client address: generous, since a mall's visitors share the Wi-Fi's one public address
     * (a code is a 10-digit signature, so guessing needs billions of tries anyway).
     */
    private static final Limit MEMBER_CODES_PER_CLIENT = new Limit("wifi-member-code", 600, Duration.ofMinutes(15));

    private final Malls malls;
    private final CustomerSignIn signIn;
    private final MemberCards cards;
    private final Visits visits;
    private final RateLimits rateLimits;

    WifiSignIns(Malls malls, CustomerSignIn signIn, MemberCards cards, Visits visits, RateLimits rateLimits) {
        this.malls = malls;
        this.signIn = signIn;
        this.cards = cards;
        this.visits = visits;
        this.rateLimits = rateLimits;
    }

    public Mall mall(MallId id) {
        return malls.get(id);
    }

    /** Texts a sign-in code to the phone, for this mall's portal. */
    public Duration sendCode(MallId mall, String phone, String client, Locale locale) {
        malls.get(mall);
        return signIn.sendCode(PhoneNumber.parse(phone), client, locale);
    }

    /**
     * Signs in by phone and code, signs the portal's browser in to the site as that customer too (the same session
     * {@code /signin} gives), and records the visit.
     */
    public Visit byCode(MallId mallId, String phone, String code, String client, @Nullable String mac,
            @Nullable String ap, HttpServletRequest request, HttpServletResponse response) {
        var mall = malls.get(mallId);
        var typed = code.strip();
        if (!typed.matches("\\d{6}")) throw new InvalidInput("code", "six digits");
        Visits.requireDevice(mac, ap);
        var customer = signIn.verifyAndSignIn(PhoneNumber.parse(phone), typed, client, request, response);
        return visits.record(mall, customer.id(), mac, ap);
    }

    /**
     * Signs in with the mall's member code (typed or scanned) and records the visit. This does not sign the browser in
     * to the site: the code proves only that someone holds it (it is shown on the member's card and passed around as a
     * picture), not that they are its member, so it may record a visit but must not open the member's account.
     */
    public Visit byMemberCode(MallId mallId, String memberCode, String client, @Nullable String mac,
            @Nullable String ap) {
        var mall = malls.get(mallId);
        rateLimits.check(MEMBER_CODES_PER_CLIENT, client);
        Visits.requireDevice(mac, ap);
        return visits.record(mall, new CustomerId(holderAt(mall, memberCode)), mac, ap);
    }

    /** The mall's member the code names; another merchant's card is a wrong code here (400), not a missing page. */
    private java.util.UUID holderAt(Mall mall, String memberCode) {
        try {
            return cards.holderAt(mall.owner().value(), memberCode);
        } catch (Problem problem) {
            if (problem.status() != HttpStatus.NOT_FOUND) throw problem;
            throw new Problem(HttpStatus.BAD_REQUEST, "wifi-card-not-mall", "this is not the mall's member card");
        }
    }
}
