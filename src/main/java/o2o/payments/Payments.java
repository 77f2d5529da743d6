package o2o.payments;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API: start a payment of an order with a provider, refund part or all of what an order paid, and
 * apply what providers report. A provider's event is applied once: its id is recorded in the same transaction as the
 * state change it causes, so a webhook delivered five times, at once or a day apart, changes state once.
 */
@Service
public class Payments {

    static final String COLUMNS = """
            id, order_id, merchant_id, customer_id, provider, status, amount_minor, currency, provider_ref,
            redirect_url, created_at, completed_at
            """;

    /** The order gateways are offered in; the sandbox leads where it exists (demo, dev and test runs). */
    private static final List<String> OFFERED_FIRST = List.of("sandbox", "wechatpay", "alipay");
    private static final Logger log = LoggerFactory.getLogger(Payments.class);

    private final JdbcClient jdbc;
    private final Providers providers;
    private final Refunds refunds;
    private final ProviderAccounts accounts;
    private final PaymentsProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Payments(JdbcClient jdbc, Providers providers, Refunds refunds, ProviderAccounts accounts,
            PaymentsProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.providers = providers;
        this.refunds = refunds;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A payment for an order; one with the same provider and amount that is unfinished, or already succeeded (the
     * order not yet marked paid), is handed out again instead of a second.
     */
    @Transactional
    public Payment start(UUID orderId, UUID merchantId, @Nullable UUID customerId, Money amount, String providerName,
            String description, String returnUrl) {
        return start(new StartPayment(orderId, merchantId, customerId, amount, providerName, description, returnUrl,
                PaymentProvider.Scene.PAGE, null));
    }

    /** As above, for a payment that starts in a scene of its own: a QR code to scan, or inside WeChat. */
    @Transactional
    public Payment start(StartPayment request) {
        var providerName = request.provider();
        var provider = providers.find(providerName)
                .orElseThrow(() -> new InvalidInput("provider", "unknown payment provider " + providerName));
        if (provider.perMerchantAccount() && !accounts.usable(request.merchantId(), providerName)) {
            throw new Problem(HttpStatus.CONFLICT, "payment-provider-unavailable",
                    "this merchant does not take payments by " + providerName, providerName);
        }
        var amount = request.amount();
        lockPaymentsOf(request.orderId());
        var open = jdbc.sql("select " + COLUMNS + " from payment where order_id = :order and status <> 'FAILED'")
                .param("order", request.orderId())
                .query(Payments::payment)
                .list();
        for (var payment : open) {
            if (payment.status() == Payment.Status.SUCCEEDED) {
                // the same request again (a double tap) while the order is being marked paid: the same payment
                if (payment.provider().equals(providerName) && payment.amount().equals(amount)) return payment;
                throw new Problem(HttpStatus.CONFLICT, "order-already-paid", "this order is already paid");
            }
            if (payment.status() == Payment.Status.PENDING && payment.provider().equals(providerName)
                    && payment.amount().equals(amount)) {
                return payment;
            }
        }
        var id = Ids.next();
        var outTradeNo = Payment.number(id);
        var charge = provider.charge(new PaymentProvider.ChargeRequest(id, outTradeNo, request.orderId(),
                request.merchantId(), request.customerId(), amount, request.description(), request.returnUrl(),
                request.scene(), request.payerOpenid()));
        jdbc.sql("""
                        insert into payment (id, order_id, merchant_id, customer_id, provider, status, amount_minor,
                                             currency, provider_ref, redirect_url, created_at, out_trade_no,
                                             next_query_at)
                        values (:id, :order, :merchant, :customer, :provider, 'PENDING', :amount, :currency, :ref,
                                :redirect, :now, :outTradeNo, :firstQuery)
                        """)
                .param("id", id)
                .param("order", request.orderId())
                .param("merchant", request.merchantId())
                .param("customer", request.customerId())
                .param("provider", providerName)
                .param("amount", amount.minor())
                .param("currency", amount.currency().getCurrencyCode())
                .param("ref", charge.providerRef())
                .param("redirect", charge.redirectUrl())
                .param("now", utc(clock.instant()))
                .param("outTradeNo", outTradeNo)
                .param("firstQuery", utc(clock.instant().plus(properties.queryAfter())))
                .update();
        if (charge.settled()) {
            apply(new ProviderEvent(providerName, "settled:" + id, ProviderEvent.Type.PAYMENT_SUCCEEDED, id,
                    charge.providerRef()));
        }
        return find(id).orElseThrow();
    }

    /** The gateways a merchant's customers may pay by now, in the order they are offered (the sandbox where on). */
    @Transactional(readOnly = true)
    public List<String> gatewaysOf(UUID merchantId) {
        return providers.gateways().stream()
                .filter(p -> !p.perMerchantAccount() || accounts.usable(merchantId, p.name()))
                .map(PaymentProvider::name)
                .sorted(Comparator.comparingInt((String name) -> OFFERED_FIRST.indexOf(name) < 0 ? 99
                        : OFFERED_FIRST.indexOf(name)).thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<Payment> find(UUID paymentId) {
        return jdbc.sql("select " + COLUMNS + " from payment where id = :id")
                .param("id", paymentId)
                .query(Payments::payment)
                .optional();
    }

    /** The payment that paid an order, if one did. */
    @Transactional(readOnly = true)
    public Optional<Payment> succeeded(UUID orderId) {
        return jdbc.sql("select " + COLUMNS + " from payment where order_id = :order and status = 'SUCCEEDED'")
                .param("order", orderId)
                .query(Payments::payment)
                .optional();
    }

    /**
     * Pays back part of an order's payment. The reference names what is refunded (e.g. {@code voucher:<id>}) and
     * makes the call idempotent; the total refunded never exceeds what was paid. Stored value pays back at once; a
     * gateway is asked by the refund relay once this transaction has committed.
     */
    @Transactional
    public void refund(UUID orderId, Money amount, String reference) {
        if (amount.isZero()) return;
        var payment = jdbc.sql("select " + COLUMNS + " from payment where order_id = :order and status = 'SUCCEEDED' for update")
                .param("order", orderId)
                .query(Payments::payment)
                .optional()
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
        return jdbc.sql("select coalesce(sum(amount_minor), 0) from refund where order_id = :order")
                .param("order", orderId)
                .query(Long.class)
                .single();
    }

    /** Applies a verified provider event exactly once; returns false when it had been applied before. */
    @Transactional
    public boolean apply(ProviderEvent event) {
        int fresh = jdbc.sql("""
                        insert into payment_webhook_event (provider, event_id, received_at) values (:p, :e, :now)
                        on conflict do nothing
                        """)
                .param("p", event.provider())
                .param("e", event.eventId())
                .param("now", utc(clock.instant()))
                .update();
        if (fresh == 0) return false;
        var now = clock.instant();
        switch (event.type()) {
            case PAYMENT_SUCCEEDED -> {
                var payment = find(event.subject()).orElse(null);
                if (payment == null) return true;
                lockPaymentsOf(payment.orderId());
                if (event.amount() != null && !event.amount().equals(payment.amount())) {
                    log.warn("{} says payment {} paid {}, not {}: not taken as paid, paid back", event.provider(),
                            payment.id(), event.amount(), payment.amount());
                    if (complete(payment.id(), "MISMATCH", now)) {
                        refunds.open(payment, event.amount(), "payment:" + payment.id() + ":amount-mismatch",
                                "amount differs");
                    }
                } else if (paidOtherwise(payment)) {
                    if (complete(payment.id(), "DUPLICATE", now)) {
                        refunds.open(payment, payment.amount(), "payment:" + payment.id() + ":duplicate",
                                "paid twice");
                    }
                } else if (complete(payment.id(), "SUCCEEDED", now)) {
                    events.publishEvent(new PaymentSucceeded(payment.id(), payment.orderId(), payment.merchantId(),
                            payment.amount(), now));
                }
            }
            case PAYMENT_FAILED -> {
                if (complete(event.subject(), "FAILED", now)) {
                    events.publishEvent(new PaymentFailed(event.subject(), find(event.subject()).orElseThrow().orderId(), now));
                }
            }
            case REFUND_SUCCEEDED -> refunds.succeeded(event.subject());
        }
        return true;
    }

    /** One payment decision at a time per order: starting one, or a provider saying one succeeded. */
    private void lockPaymentsOf(UUID orderId) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", orderId.toString())
                .query(Integer.class).single();
    }

    private boolean paidOtherwise(Payment payment) {
        return jdbc.sql("select count(*) from payment where order_id = :order and status = 'SUCCEEDED' and id <> :id")
                .param("order", payment.orderId()).param("id", payment.id()).query(Long.class).single() > 0;
    }

    private boolean complete(UUID paymentId, String status, Instant now) {
        return jdbc.sql("""
                        update payment set status = :status, completed_at = :now
                        where id = :id and status = 'PENDING'
                        """)
                .param("status", status)
                .param("now", utc(now))
                .param("id", paymentId)
                .update() == 1;
    }


    static Payment payment(ResultSet rs, int row) throws SQLException {
        var completed = rs.getObject("completed_at", OffsetDateTime.class);
        return new Payment(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                rs.getObject("merchant_id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getString("provider"), Payment.Status.valueOf(rs.getString("status")),
                new Money(rs.getLong("amount_minor"), Currency.getInstance(rs.getString("currency"))),
                rs.getString("provider_ref"), rs.getString("redirect_url"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                completed == null ? null : completed.toInstant());
    }
}
