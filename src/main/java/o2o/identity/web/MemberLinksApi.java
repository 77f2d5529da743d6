package o2o.identity.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import o2o.identity.CardNumber;
import o2o.identity.CustomerPrincipal;
import o2o.identity.Customers;
import o2o.identity.Role;
import o2o.identity.StaffPrincipal;
import o2o.identity.WechatAccount;
import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.Page;
import o2o.shared.PhoneNumber;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * What ties a person to their customer: a WeChat account (bound by signing in with WeChat and proving a phone, never
 * by a client's say-so) and member cards (bound at the counter).
 */
@RestController
@Tag(name = "Member links: WeChat and member cards")
class MemberLinksApi {

    private static final Set<Role> AT_THE_COUNTER = Set.of(Role.OWNER, Role.MANAGER, Role.CASHIER);

    private final Customers customers;

    MemberLinksApi(Customers customers) {
        this.customers = customers;
    }

    /** The caller's WeChat binding; it is made by signing in with WeChat ({@code /signin/wechat}, {@code /api/v1/auth/wechat}). */
    @GetMapping("/api/v1/me/wechat")
    WechatLink wechat(CustomerPrincipal customer) {
        var account = customers.wechatOf(customer.customerId());
        return new WechatLink(customer.customerId(), account.map(WechatAccount::openid).orElse(null),
                account.map(WechatAccount::unionid).orElse(null), account.map(WechatAccount::nickname).orElse(null),
                account.map(WechatAccount::avatarUrl).orElse(null));
    }

    @DeleteMapping("/api/v1/me/wechat")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unbindWechat(CustomerPrincipal customer, @Valid @RequestBody Wechat wechat) {
        customers.unbindWechat(customer.customerId(), wechat.openid());
    }

    /** Binds a physical card to the customer with this phone (registered if new): 201, or 200 if it was already theirs. */
    @PostMapping("/api/v1/merchant/member-cards")
    @ApiResponse(responseCode = "201", description = "The card, bound now")
    @ApiResponse(responseCode = "200", description = "The card, already this customer's")
    ResponseEntity<Card> bindCard(StaffPrincipal staff, @Valid @RequestBody BindCard request) {
        var merchant = counterMerchant(staff);
        var card = CardNumber.parse(request.cardNumber());
        var customer = customers.findOrRegister(PhoneNumber.parse(request.phone()));
        boolean bound = customers.bindCard(new MerchantId(merchant), card, customer.id());
        return ResponseEntity.status(bound ? HttpStatus.CREATED : HttpStatus.OK)
                .body(Card.of(customers.card(merchant, card).orElseThrow()));
    }

    @GetMapping("/api/v1/merchant/member-cards")
    Page<Card> cards(StaffPrincipal staff, @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String phone) {
        var merchant = counterMerchant(staff);
        if (phone != null) {
            var customer = customers.byPhone(PhoneNumber.parse(phone));
            return new Page<>(customer.map(c -> customers.cardsOf(new CustomerId(c.customerId()),
                    new MerchantId(merchant)).stream().map(Card::of).toList()).orElse(List.of()), null);
        }
        var page = customers.cardsOfMerchant(merchant, cursor, 50);
        return new Page<>(page.items().stream().map(Card::of).toList(), page.next());
    }

    @GetMapping("/api/v1/merchant/member-cards/{cardNumber}")
    Card card(StaffPrincipal staff, @PathVariable String cardNumber) {
        return customers.card(counterMerchant(staff), CardNumber.parse(cardNumber)).map(Card::of)
                .orElseThrow(() -> Problem.notFound("member card"));
    }

    @DeleteMapping("/api/v1/merchant/member-cards/{cardNumber}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unbindCard(StaffPrincipal staff, @PathVariable String cardNumber) {
        if (!customers.unbindCard(counterMerchant(staff), CardNumber.parse(cardNumber))) {
            throw Problem.notFound("member card");
        }
    }

    private static UUID counterMerchant(StaffPrincipal staff) {
        if (staff.merchantId() == null || !AT_THE_COUNTER.contains(staff.role())) {
            throw Problem.forbidden("member cards are handled by cashiers, managers and owners");
        }
        return staff.merchantId();
    }
}
