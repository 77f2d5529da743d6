package o2o.payments;

import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import org.jspecify.annotations.Nullable;

/**
 * A payment to start for an order.
 *
 * @param customerId who pays; null for a walk-in paying at the counter by a QR code
 * @param scene where the payer is: a page in a browser, a QR code to scan, inside WeChat
 * @param payerOpenid the payer's verified WeChat openid, needed inside WeChat
 */
public record StartPayment(OrderId orderId, MerchantId merchantId, @Nullable CustomerId customerId, Money amount,
        String provider, String description, String returnUrl, PaymentProvider.Scene scene,
        @Nullable String payerOpenid) {}
