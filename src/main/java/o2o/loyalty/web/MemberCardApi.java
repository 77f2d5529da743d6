package o2o.loyalty.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import o2o.identity.CustomerPrincipal;
import o2o.loyalty.MemberCards;
import o2o.shared.MerchantId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The customer's member cards and the rotating member QR code, for apps that draw their own card. */
@RestController
@Tag(name = "Membership and points")
class MemberCardApi {

    private final MemberCards cards;

    MemberCardApi(MemberCards cards) {
        this.cards = cards;
    }

    @GetMapping("/api/v1/me/cards")
    List<MemberCards.Card> cards(CustomerPrincipal customer) {
        return cards.of(customer.customerId());
    }

    /** A fresh member QR code (all digits, also typeable); ask again before {@code expiresAt}. */
    @GetMapping("/api/v1/me/memberships/{merchantId}/qr-token")
    MemberCards.CardToken qrToken(CustomerPrincipal customer, @PathVariable UUID merchantId) {
        return cards.issue(customer.id(), new MerchantId(merchantId));
    }
}
