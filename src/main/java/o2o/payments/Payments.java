package o2o.payments;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.payments.persistence.PaymentTable;
import o2o.payments.persistence.RefundTable;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import o2o.shared.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API: start a payment of an order with a provider, refund part or all of what an order paid, and
 * apply what providers report. A provider's event is applied once: its id is recorded in the same transaction as the
 * state change it causes, so a webhook delivered five times, at once or a day apart, changes state once.
 */
@Service
public class Payments {

    private final PaymentTable table;
    private final RefundTable refundTable;
    private final Providers providers;
    private final Refunds refunds;
    private final Settlements settlements;
    private final ProviderAccounts accounts;
    private final PaymentsProperties properties;
    private final Clock clock;

    Payments(PaymentTable table, RefundTable refundTable, Providers providers, Refunds refunds,
            Settlements settlements, ProviderAccounts accounts, PaymentsProperties properties, Clock clock) {
        this.table = table;
        this.refundTable = refundTable;
        this.providers = providers;
        this.refunds = refunds;
        this.settlements = settlements;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A payment for an order, on a page, as a QR code to scan or inside WeChat ({@link StartPayment#scene}); one with
     * the same provider and amount that is unfinished, or already succeeded (the order not yet marked paid), is handed
     * out again instead of a second.
     */
    @Transactional
    public Payment start(StartPayment request) {
        var providerName = request.provider();
        var provider = providers.find(providerName)
                .orElseThrow(() -> new InvalidInput("provider", "unknown payment provider " + providerName));
        if (provider.perMerchantAccount() && !accounts.usable(request.merchantId().value(), providerName)) {
            throw new Problem(HttpStatus.CONFLICT, "payment-provider-unavailable",
                    "this merchant does not take payments by " + providerName, providerName);
        }
        table.lockPaymentsOf(request.orderId().value());
        for (var payment : table.notFailedOf(request.orderId().value())) {
            if (payment.answers(providerName, request.amount())) return payment;
            if (payment.status() == Payment.Status.SUCCEEDED) {
                throw new Problem(HttpStatus.CONFLICT, "order-already-paid", "this order is already paid");
            }
        }
        var id = Ids.next();
        var payer = request.customerId() == null ? null : request.customerId().value();
        var charge = provider.charge(new PaymentProvider.ChargeRequest(id, Payment.number(id),
                request.orderId().value(), request.merchantId().value(), payer, request.amount(), request.description(),
                request.returnUrl(), request.scene(), request.payerOpenid()));
        var now = clock.instant();
        table.insert(Payment.opened(id, request, charge, now), now.plus(properties.queryAfter()));
        if (charge.settled()) {
            settlements.apply(new ProviderEvent(providerName, "settled:" + id, ProviderEvent.Type.PAYMENT_SUCCEEDED,
                    id, charge.providerRef()));
        }
        return find(id).orElseThrow();
    }

    /** The gateways a merchant's customers may pay by now, in the order they are offered (the sandbox where on). */
    @Transactional(readOnly = true)
    public List<String> gatewaysOf(UUID merchantId) {
        return providers.gateways().stream()
                .filter(p -> !p.perMerchantAccount() || accounts.usable(merchantId, p.name()))
                .map(PaymentProvider::name)
                .sorted(OfferedGateways.ORDER)
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<Payment> find(UUID paymentId) {
        return table.find(paymentId);
    }

    /** The payment that paid an order, if one did. */
    @Transactional(readOnly = true)
    public Optional<Payment> succeeded(UUID orderId) {
        return table.succeededOf(orderId);
    }

    /**
     * Pays back part of an order's payment. The reference names what is refunded (e.g. {@code voucher:<id>}) and
     * makes the call idempotent; the total refunded never exceeds what was paid. Stored value pays back at once; a
     * gateway is asked by the refund relay once this transaction has committed.
     */
    @Transactional
    public void refund(UUID orderId, Money amount, String reference) {
        if (amount.isZero()) return;
        var payment = table.succeededOfForUpdate(orderId)
                .orElseThrow(() -> new Problem(HttpStatus.CONFLICT, "not-paid", "this order has no payment to refund"));
        if (refunds.exists(reference)) return;
        if (refunds.refundedOf(payment.id()) + amount.minor() > payment.amount().minor()) {
            throw new Problem(HttpStatus.CONFLICT, "refund-exceeds-payment", "more than was paid would be refunded");
        }
        refunds.open(payment, amount, reference, "refund");
    }

    /** What has been refunded of an order, settled or not. */
    @Transactional(readOnly = true)
    public long refundedMinor(UUID orderId) {
        return refundTable.refundedOfOrder(orderId);
    }

    /** Applies a verified provider event exactly once; returns false when it had been applied before. */
    @Transactional
    public boolean apply(ProviderEvent event) {
        return settlements.apply(event);
    }
}
