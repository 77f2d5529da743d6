package o2o.payments.alipay;

import java.util.Optional;
import java.util.Set;

import com.alipay.api.domain.AlipayTradeFastpayRefundQueryModel;
import com.alipay.api.domain.AlipayTradeRefundModel;
import com.alipay.api.request.AlipayTradeFastpayRefundQueryRequest;
import com.alipay.api.request.AlipayTradeRefundRequest;
import o2o.payments.PaymentProvider.RefundOutcome;
import o2o.payments.PaymentProvider.RefundRejected;
import o2o.payments.PaymentProvider.RefundRequest;
import org.springframework.stereotype.Component;

/** Refunds at Alipay: the refund call, and the refund query that tells what became of one. */
@Component
class AlipayRefunds {

    /** Refund answers that a later call with the same number can turn out differently: not a refusal. */
    private static final Set<String> TRANSIENT_REFUND_ERRORS = Set.of("ACQ.SYSTEM_ERROR", "ACQ.SELLER_BALANCE_NOT_ENOUGH",
            "ACQ.REFUND_CHARGE_ERROR");

    private final AlipayClients clients;

    AlipayRefunds(AlipayClients clients) {
        this.clients = clients;
    }

    /**
     * {@code fund_change=Y} is a refund made by this call. {@code N} is Alipay's answer to a number it has seen
     * before (the first call's answer was lost): the refund query says whether that one went through.
     */
    RefundOutcome refund(RefundRequest request) {
        var model = new AlipayTradeRefundModel();
        model.setOutTradeNo(request.outTradeNo());
        model.setOutRequestNo(request.outRefundNo());
        model.setRefundAmount(Yuan.of(request.amount()));
        model.setRefundReason(request.reason());
        var refund = new AlipayTradeRefundRequest();
        refund.setBizModel(model);
        var response = clients.of(request.merchantId()).execute(refund);
        if (!response.isSuccess()) {
            var code = response.getSubCode();
            if (code != null && code.startsWith("ACQ.") && !TRANSIENT_REFUND_ERRORS.contains(code)) {
                throw new RefundRejected(code + " " + response.getSubMsg());
            }
            throw new IllegalStateException("alipay.trade.refund: " + code + " " + response.getSubMsg());
        }
        if ("Y".equals(response.getFundChange())) return RefundOutcome.SUCCEEDED;
        return status(request).orElse(RefundOutcome.PROCESSING);
    }

    /** A refund Alipay does not know (the call never reached it) is sent again, with the same number. */
    Optional<RefundOutcome> query(RefundRequest request) {
        var status = status(request);
        if (status.isPresent()) return status;
        return Optional.of(refund(request));
    }

    private Optional<RefundOutcome> status(RefundRequest request) {
        var model = new AlipayTradeFastpayRefundQueryModel();
        model.setOutTradeNo(request.outTradeNo());
        model.setOutRequestNo(request.outRefundNo());
        var query = new AlipayTradeFastpayRefundQueryRequest();
        query.setBizModel(model);
        var response = clients.of(request.merchantId()).execute(query);
        if (!response.isSuccess()) {
            throw new IllegalStateException("alipay.trade.fastpay.refund.query: " + response.getSubCode());
        }
        if ("REFUND_SUCCESS".equals(response.getRefundStatus())) return Optional.of(RefundOutcome.SUCCEEDED);
        if (response.getOutRequestNo() == null && response.getRefundAmount() == null) return Optional.empty();
        return Optional.of(RefundOutcome.PROCESSING);
    }
}
