package o2o.payments.wechatpay;

import java.util.Optional;
import java.util.Set;

import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.service.refund.model.AmountReq;
import com.wechat.pay.java.service.refund.model.CreateRequest;
import com.wechat.pay.java.service.refund.model.QueryByOutRefundNoRequest;
import com.wechat.pay.java.service.refund.model.Refund;
import o2o.payments.PaymentProvider.RefundOutcome;
import o2o.payments.PaymentProvider.RefundRejected;
import o2o.payments.PaymentProvider.RefundRequest;
import o2o.payments.PaymentsProperties;
import org.springframework.stereotype.Component;

/** Refunds at WeChat Pay: the refund call, and the query of one WeChat Pay is still processing. */
@Component
class WechatPayRefunds {

    /** Refused now, but not for good: the merchant's balance, a rate limit, our own keys being replaced. */
    private static final Set<String> RETRIED_CODES = Set.of("NOT_ENOUGH", "FREQUENCY_LIMITED", "SYSTEM_ERROR",
            "SIGN_ERROR", "FREQUENCY_LIMIT_EXCEED");

    private final WechatPayClients clients;
    private final PaymentsProperties payments;

    WechatPayRefunds(WechatPayClients clients, PaymentsProperties payments) {
        this.clients = clients;
        this.payments = payments;
    }

    RefundOutcome refund(RefundRequest request) {
        var client = clients.of(request.merchantId());
        var create = new CreateRequest();
        create.setOutTradeNo(request.outTradeNo());
        create.setOutRefundNo(request.outRefundNo());
        create.setReason(request.reason().length() > 80 ? request.reason().substring(0, 80) : request.reason());
        create.setNotifyUrl(WechatPayCharges.notifyUrl(payments, request.merchantId()));
        var amount = new AmountReq();
        amount.setRefund(request.amount().minor());
        amount.setTotal(request.paid().minor());
        amount.setCurrency(WechatPayGateway.CNY.getCurrencyCode());
        create.setAmount(amount);
        try {
            return outcome(client.refunds().create(create));
        } catch (ServiceException e) {
            if (e.getHttpStatusCode() >= 500 || e.getHttpStatusCode() == 429 || RETRIED_CODES.contains(e.getErrorCode())) {
                throw e;
            }
            throw new RefundRejected(e.getErrorCode() + ": " + e.getErrorMessage());
        }
    }

    Optional<RefundOutcome> query(RefundRequest request) {
        var client = clients.of(request.merchantId());
        var query = new QueryByOutRefundNoRequest();
        query.setOutRefundNo(request.outRefundNo());
        return Optional.of(outcome(client.refunds().queryByOutRefundNo(query)));
    }

    private static RefundOutcome outcome(Refund refund) {
        return switch (refund.getStatus()) {
            case SUCCESS -> RefundOutcome.SUCCEEDED;
            case PROCESSING -> RefundOutcome.PROCESSING;
            case ABNORMAL, CLOSED -> throw new RefundRejected("WeChat Pay says the refund is " + refund.getStatus());
        };
    }
}
