package o2o.payments.sandbox;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import o2o.payments.PaymentProvider;
import o2o.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's side of the sandbox: it keeps its own charges, shows the payer a hosted page, and tells the
 * platform what happened by signed webhooks it delivers later, retrying until they are acknowledged.
 */
@Component
@ConditionalOnBooleanProperty("o2o.payments.sandbox.enabled")
class SandboxGateway implements PaymentProvider {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    SandboxGateway(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    record SandboxCharge(String ref, UUID paymentId, Money amount, String description, String returnUrl,
            SandboxChargeStatus status) {}

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public Charge charge(ChargeRequest request) {
        var ref = "sbx_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("""
                        insert into sandbox_charge (ref, payment_id, amount_minor, currency, description, return_url,
                                                    status, created_at)
                        values (:ref, :payment, :amount, :currency, :description, :returnUrl, 'OPEN', :now)
                        """)
                .param("ref", ref)
                .param("payment", request.paymentId())
                .param("amount", request.amount().minor())
                .param("currency", request.amount().currency().getCurrencyCode())
                .param("description", request.description())
                .param("returnUrl", request.returnUrl())
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        return Charge.pending(ref, "/sandbox/pay/" + ref);
    }

    /** Takes the refund and confirms it by webhook, as a gateway does; the same refund number again is taken once. */
    @Override
    @Transactional
    public RefundOutcome refund(RefundRequest request) {
        int fresh = jdbc.sql("insert into sandbox_refund (out_refund_no, charge_ref, amount_minor) values (:no, :ref, :amount) on conflict do nothing")
                .param("no", request.outRefundNo())
                .param("ref", request.providerRef())
                .param("amount", request.amount().minor())
                .update();
        if (fresh == 1) {
            notifyPlatform("refund.succeeded", Map.of("refundId", request.refundId().toString(), "chargeRef",
                    request.providerRef(), "amount", request.amount().minor()));
        }
        return RefundOutcome.PROCESSING;
    }

    @Override
    public Optional<ChargeStatus> query(PaymentRef payment) {
        return find(payment.providerRef()).map(charge -> charge.status().asked(charge.amount(), charge.ref()));
    }

    @Override
    public void close(PaymentRef payment) {
        jdbc.sql("update sandbox_charge set status = 'FAILED' where ref = :ref and status = 'OPEN'")
                .param("ref", payment.providerRef())
                .update();
    }

    Optional<SandboxCharge> find(String ref) {
        return jdbc.sql("""
                        select ref, payment_id, amount_minor, currency, description, return_url, status
                        from sandbox_charge where ref = :ref
                        """)
                .param("ref", ref)
                .query((rs, row) -> new SandboxCharge(rs.getString("ref"), rs.getObject("payment_id", UUID.class),
                        new Money(rs.getLong("amount_minor"), Currency.getInstance(rs.getString("currency"))),
                        rs.getString("description"), rs.getString("return_url"),
                        SandboxChargeStatus.valueOf(rs.getString("status"))))
                .optional();
    }

    /** The payer decided on the hosted page; the platform hears of it by webhook. */
    @Transactional
    Optional<SandboxCharge> decide(String ref, boolean pay) {
        int changed = jdbc.sql("update sandbox_charge set status = :status where ref = :ref and status = 'OPEN'")
                .param("status", (pay ? SandboxChargeStatus.PAID : SandboxChargeStatus.FAILED).name())
                .param("ref", ref)
                .update();
        var charge = find(ref);
        if (changed == 1 && charge.isPresent()) {
            notifyPlatform(pay ? "payment.succeeded" : "payment.failed", Map.of("paymentId",
                    charge.get().paymentId().toString(), "chargeRef", ref, "amount", charge.get().amount().minor()));
        }
        return charge;
    }

    private void notifyPlatform(String type, Map<String, Object> data) {
        var eventId = "evt_" + UUID.randomUUID().toString().replace("-", "");
        var payload = json.writeValueAsString(Map.of("id", eventId, "type", type, "created",
                clock.instant().getEpochSecond(), "data", data));
        jdbc.sql("""
                        insert into sandbox_webhook (event_id, payload, attempts, next_attempt_at)
                        values (:id, :payload, 0, :now)
                        """)
                .param("id", eventId)
                .param("payload", payload)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }
}
