package o2o.identity.web;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.identity.MemberCard;

@Schema(name = "MemberLinksCard")
record Card(String cardNumber, UUID customerId, String phone, Instant boundAt) {

    static Card of(MemberCard card) {
        return new Card(card.cardNumber(), card.customerId(), card.maskedPhone(), card.boundAt());
    }
}
