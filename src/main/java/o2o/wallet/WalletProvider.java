package o2o.wallet;

import o2o.payments.PaymentProvider;
import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import org.springframework.stereotype.Component;

/** Paying with stored value: settled on the spot, refunded on the spot. */
@Component
class WalletProvider implements PaymentProvider {

    private final StoredValue storedValue;

    WalletProvider(StoredValue storedValue) {
        this.storedValue = storedValue;
    }

    @Override
    public String name() {
        return "wallet";
    }

    @Override
    public Charge charge(ChargeRequest request) {
        var customerId = request.customerId();
        if (customerId == null) throw new o2o.shared.InvalidInput("provider", "stored value is paid by a member");
        storedValue.pay(new CustomerId(customerId), new MerchantId(request.merchantId()), request.amount(),
                "payment:" + request.paymentId());
        return Charge.settled("wallet:" + request.paymentId(), request.returnUrl());
    }

    @Override
    public boolean local() {
        return true;
    }

    @Override
    public RefundOutcome refund(RefundRequest request) {
        storedValue.refund("payment:" + request.paymentId(), request.amount(), "refund:" + request.refundId());
        return RefundOutcome.SUCCEEDED;
    }
}
