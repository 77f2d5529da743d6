package o2o.loyalty;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import o2o.loyalty.persistence.Memberships;
import o2o.loyalty.persistence.Memberships.MemberRow;
import o2o.merchants.Merchant;
import o2o.merchants.Merchants;
import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's cards and the rotating member QR code staff scan at the counter. The code is all digits so that it can
 * be typed too: its expiry (epoch seconds, 10 digits), a signature (10 digits of an HMAC-SHA256 over the member's
 * number, customer, merchant and expiry) and the member's number. A screenshot stops working after
 * {@code o2o.loyalty.member-qr-ttl}; a changed digit fails the signature.
 */
@Service
public class MemberCards {

    /** One of the customer's cards: the merchant, since when, and the points there. */
    public record Card(UUID merchantId, String merchantName, Instant joinedAt, long points) {}

    /** A member QR code: what it carries (digits) and until when it is good. */
    public record CardToken(String token, Instant expiresAt) {

        /** The digits in groups of four, for reading out and typing. */
        public String grouped() {
            var out = new StringBuilder();
            for (int i = 0; i < token.length(); i += 4) {
                if (i > 0) out.append(' ');
                out.append(token, i, Math.min(i + 4, token.length()));
            }
            return out.toString();
        }
    }

    private final Memberships memberships;
    private final Loyalty loyalty;
    private final Merchants merchants;
    private final MembershipProperties properties;
    private final Clock clock;
    private final MemberQrCode codes;

    MemberCards(Memberships memberships, Loyalty loyalty, Merchants merchants, MembershipProperties properties, Clock clock) {
        this.memberships = memberships;
        this.loyalty = loyalty;
        this.merchants = merchants;
        this.properties = properties;
        this.clock = clock;
        this.codes = new MemberQrCode(properties.memberQrSecret());
    }

    /** The customer's cards, oldest membership first. */
    @Transactional
    public List<Card> of(UUID customerId) {
        return loyalty.memberships(customerId).stream()
                .map(m -> new Card(m.merchantId(), merchants.find(m.merchantId()).map(Merchant::name).orElse(""),
                        m.joinedAt(), loyalty.balance(new CustomerId(customerId), m.programId())))
                .toList();
    }

    /** The customer's card at one merchant; 404 when they are not a member there. */
    @Transactional
    public Card of(CustomerId customer, MerchantId merchant) {
        UUID customerId = customer.value();
        UUID merchantId = merchant.value();
        var membership = loyalty.membership(customer, merchant).orElseThrow(() -> Problem.notFound("membership"));
        return new Card(merchantId, merchants.find(merchantId).map(Merchant::name).orElse(""), membership.joinedAt(),
                loyalty.balance(customer, membership.programId()));
    }

    /** A fresh QR code for the customer's card at this merchant; 404 when they are not a member there. */
    @Transactional(readOnly = true)
    public CardToken issue(CustomerId customer, MerchantId merchant) {
        UUID customerId = customer.value();
        UUID merchantId = merchant.value();
        long number = memberships.find(merchantId, customerId).map(MemberRow::number)
                .orElseThrow(() -> Problem.notFound("membership"));
        var expires = clock.instant().plus(properties.memberQrTtl());
        var token = codes.token(new MemberQrCode.Holder(number, merchantId, customerId), expires.getEpochSecond());
        return new CardToken(token, Instant.ofEpochSecond(expires.getEpochSecond()));
    }

    /**
     * The customer a scanned or typed member QR code names, if it is good at this merchant: a code that was not
     * made here is {@code member-qr-invalid}, an old one {@code member-qr-expired}, another merchant's card
     * {@code member-qr-other-merchant} (404: not a member of this merchant by that card).
     */
    @Transactional(readOnly = true)
    public UUID holderAt(UUID merchantId, String typed) {
        return memberAt(merchantId, typed).customerId();
    }

    /** The membership a member QR code names, checked as {@link #holderAt} checks it. */
    @Transactional(readOnly = true)
    MemberRow memberAt(UUID merchantId, String typed) {
        var scanned = MemberQrCode.read(typed);
        var member = memberships.byNumber(scanned.number()).orElseThrow(MemberQrCode::invalid);
        var holder = new MemberQrCode.Holder(member.number(), member.merchantId(), member.customerId());
        if (!codes.signs(scanned, holder)) throw MemberQrCode.invalid();
        if (clock.instant().getEpochSecond() > scanned.expiry()) {
            throw new Problem(HttpStatus.BAD_REQUEST, "member-qr-expired",
                    "this member QR code has expired; ask the customer to refresh their card");
        }
        if (!holder.merchantId().equals(merchantId) && !memberships.inGroupProgram(merchantId, member.programId())) {
            throw new Problem(HttpStatus.NOT_FOUND, "member-qr-other-merchant",
                    "this member card belongs to another merchant");
        }
        return member;
    }

    /** Whether a token is this customer's current card at this merchant (for drawing it, not for the counter). */
    @Transactional(readOnly = true)
    public boolean belongsTo(String token, CustomerId customer, MerchantId merchant) {
        try {
            return holderAt(merchant.value(), token).equals(customer.value());
        } catch (Problem problem) {
            return false;
        }
    }
}
