package o2o.payments.wechatpay;

import java.util.Currency;
import java.util.Map;
import java.util.Optional;

import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.payments.nativepay.model.CloseOrderRequest;
import com.wechat.pay.java.service.payments.nativepay.model.QueryOrderByOutTradeNoRequest;
import o2o.payments.PaymentProvider;
import o2o.shared.Money;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * WeChat Pay v3 on the official SDK, with each merchant's own account: Native (a QR code the payer scans, for a page
 * or a printed code) and JSAPI (inside WeChat, for a payer whose openid we know). Payments are confirmed by the
 * notification {@link WechatPayNotifyApi} verifies, or by {@link #query} when none came.
 */
@Component
class WechatPayGateway implements PaymentProvider {

    static final Currency CNY = Currency.getInstance("CNY");
    static final String NATIVE_PREFIX = "weixin://";

    private final WechatPayClients clients;
    private final WechatPayCharges charges;
    private final WechatPayRefunds refunds;

    WechatPayGateway(WechatPayClients clients, WechatPayCharges charges, WechatPayRefunds refunds) {
        this.clients = clients;
        this.charges = charges;
        this.refunds = refunds;
    }

    @Override
    public String name() {
        return WechatPayClients.PROVIDER;
    }

    @Override
    public boolean perMerchantAccount() {
        return true;
    }

    @Override
    public Map<String, Object> checkAccount(JsonNode settings) {
        return WechatPaySettings.of(settings).shown();
    }

    @Override
    public Charge charge(ChargeRequest request) {
        return charges.charge(request);
    }

    @Override
    public Optional<ChargeStatus> query(PaymentRef payment) {
        var client = clients.of(payment.merchantId());
        var request = new QueryOrderByOutTradeNoRequest();
        request.setMchid(client.settings().mchId());
        request.setOutTradeNo(payment.outTradeNo());
        Transaction transaction = client.natives().queryOrderByOutTradeNo(request);
        return Optional.of(switch (transaction.getTradeState()) {
            case SUCCESS, REFUND -> new ChargeStatus(ChargeStatus.State.PAID, paid(transaction),
                    transaction.getTransactionId());
            case CLOSED, PAYERROR, REVOKED -> new ChargeStatus(ChargeStatus.State.CLOSED, null, null);
            case NOTPAY, USERPAYING, ACCEPT -> new ChargeStatus(ChargeStatus.State.OPEN, null, null);
        });
    }

    /** The order's total: what was charged to the payer plus any WeChat Pay coupon the payer used on it. */
    private static Money paid(Transaction transaction) {
        var amount = transaction.getAmount();
        var fen = amount.getTotal() != null ? amount.getTotal() : amount.getPayerTotal();
        return new Money(fen, CNY);
    }

    @Override
    public void close(PaymentRef payment) {
        var client = clients.of(payment.merchantId());
        var request = new CloseOrderRequest();
        request.setMchid(client.settings().mchId());
        request.setOutTradeNo(payment.outTradeNo());
        client.natives().closeOrder(request);
    }

    @Override
    public RefundOutcome refund(RefundRequest request) {
        return refunds.refund(request);
    }

    @Override
    public Optional<RefundOutcome> queryRefund(RefundRequest request) {
        return refunds.query(request);
    }
}
