package o2o.wallet.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import o2o.identity.CustomerPrincipal;
import o2o.identity.Customers;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Merchant;
import o2o.merchants.Merchants;
import o2o.shared.CustomerId;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.PhoneNumber;
import o2o.shared.Problem;
import o2o.wallet.OnlineTopUps;
import o2o.wallet.StoredValue;
import o2o.wallet.WalletBalance;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Stored value")
class WalletApi {

    private final StoredValue storedValue;
    private final OnlineTopUps onlineTopUps;
    private final Customers customers;
    private final Merchants merchants;

    WalletApi(StoredValue storedValue, OnlineTopUps onlineTopUps, Customers customers, Merchants merchants) {
        this.storedValue = storedValue;
        this.onlineTopUps = onlineTopUps;
        this.customers = customers;
        this.merchants = merchants;
    }

    @GetMapping("/api/v1/me/wallet")
    WalletBalance mine(CustomerPrincipal customer, @RequestParam UUID merchantId) {
        return storedValue.balance(customer.id(), new MerchantId(merchantId));
    }

    /** Every merchant where the member holds stored value, principal and bonus apart. */
    @GetMapping("/api/v1/me/wallet/balances")
    List<MerchantWallet> balances(CustomerPrincipal customer) {
        return storedValue.wallets(customer.customerId()).stream()
                .map(w -> new MerchantWallet(w.merchantId(),
                        merchants.find(w.merchantId()).map(Merchant::name).orElse(""), w.principal(), w.bonus(),
                        w.total()))
                .toList();
    }

    @GetMapping("/api/v1/me/wallet/history")
    List<StoredValue.Line> history(CustomerPrincipal customer, @RequestParam UUID merchantId) {
        return storedValue.history(customer.id(), new MerchantId(merchantId), 50);
    }

    /**
     * Buys stored value online: an order of channel TOP_UP and a sandbox payment to confirm at {@code redirectUrl}.
     * The balance (with the bonus) follows once the gateway reports the payment. Idempotency-Key is required.
     */
    @PostMapping("/api/v1/me/wallet/top-ups")
    @ResponseStatus(HttpStatus.CREATED)
    OnlineTopUps.TopUpStarted topUpOnline(CustomerPrincipal customer,
            @Parameter(required = true) @RequestHeader("Idempotency-Key") String key,
            @Valid @RequestBody OnlineTopUp topUp) {
        return onlineTopUps.start(customer, topUp.merchantId(), topUp.amount());
    }

    /** An online top-up of the member's: its amount and whether the balance has been credited yet. */
    @GetMapping("/api/v1/me/wallet/top-ups/{orderId}")
    OnlineTopUps.TopUpStatus topUpStatus(CustomerPrincipal customer, @PathVariable UUID orderId) {
        return onlineTopUps.status(customer, orderId);
    }

    /** Cash or card ({@code method} CASH, the default, or CARD) taken at the counter. Idempotency-Key required. */
    @PostMapping("/api/v1/merchant/wallet/top-ups")
    WalletBalance topUp(StaffPrincipal staff, @Parameter(required = true) @RequestHeader("Idempotency-Key") String key,
            @Valid @RequestBody TopUp topUp) {
        var customer = customers.byPhone(PhoneNumber.parse(topUp.phone()))
                .orElseThrow(() -> Problem.notFound("customer"));
        return storedValue.topUp(staff, customer.customerId(), topUp.amount(), key,
                topUp.method() == null ? "CASH" : topUp.method());
    }

    /** A member's stored value at the caller's merchant, looked up by phone at the counter. */
    @GetMapping("/api/v1/merchant/wallet/balances")
    MemberWallet memberWallet(StaffPrincipal staff, @RequestParam String phone) {
        var merchant = new MerchantId(StoredValue.counterOf(staff));
        var customer = new CustomerId(walletHolder(merchant.value(), phone));
        return new MemberWallet(PhoneNumber.parse(phone).toString(), storedValue.balance(customer, merchant),
                storedValue.history(customer, merchant, 20));
    }

    /**
     * A bill charged to the member's balance at the counter: principal first, then bonus; 409 when short. The
     * Idempotency-Key is required: the same key again charges once.
     */
    @PostMapping("/api/v1/merchant/wallet/charges")
    StoredValue.Charge charge(StaffPrincipal staff,
            @Parameter(required = true) @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @Valid @RequestBody ChargeRequest charge) {
        var customerId = walletHolder(counterMerchant(staff), charge.phone());
        return storedValue.charge(staff, customerId, charge.amount(), charge.note() == null ? "" : charge.note(),
                required(key));
    }

    /**
     * Pays back the member's unused principal under the merchant's refund rule (owners and managers); the bonus that
     * came with it is forfeited in proportion. The Idempotency-Key is required.
     */
    @PostMapping("/api/v1/merchant/wallet/refunds")
    StoredValue.PrincipalRefund refund(StaffPrincipal staff,
            @Parameter(required = true) @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @Valid @RequestBody RefundRequest refund) {
        var customerId = walletHolder(counterMerchant(staff), refund.phone());
        return storedValue.refundPrincipal(staff, customerId, required(key));
    }

    @PutMapping("/api/v1/merchant/wallet/rules")
    Map<Long, Long> rules(StaffPrincipal staff, @Valid @RequestBody Rules rules) {
        storedValue.setRules(staff, rules.bonusByThreshold());
        return rules.bonusByThreshold();
    }

    /** Whether unused principal may be refunded, and within how many days of its top-up (owners and managers). */
    @PutMapping("/api/v1/merchant/wallet/refund-rules")
    StoredValue.RefundRule refundRule(StaffPrincipal staff, @Valid @RequestBody RefundRuleRequest rule) {
        return storedValue.setRefundRule(staff, new StoredValue.RefundRule(rule.principalRefundable(),
                rule.withinDays()));
    }

    @GetMapping("/api/v1/merchant/wallet/rules")
    MerchantRules rules(StaffPrincipal staff) {
        var merchantId = counterMerchant(staff);
        return new MerchantRules(storedValue.rules(merchantId), storedValue.refundRule(merchantId));
    }

    private static UUID counterMerchant(StaffPrincipal staff) {
        if (staff.merchantId() == null) throw Problem.forbidden("merchant staff only");
        return staff.merchantId();
    }

    /** The member with this phone, if they hold stored value at this merchant; anybody else is "not found". */
    private UUID walletHolder(UUID merchantId, String phone) {
        var customer = customers.byPhone(PhoneNumber.parse(phone)).orElseThrow(() -> Problem.notFound("wallet"));
        if (!storedValue.hasWallet(customer.id(), new MerchantId(merchantId))) throw Problem.notFound("wallet");
        return customer.customerId();
    }

    private static String required(@Nullable String key) {
        if (key == null || key.isBlank()) throw new InvalidInput("Idempotency-Key", "this request needs one");
        return key;
    }
}
