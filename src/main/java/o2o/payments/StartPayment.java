package o2o.payments;

import java.util.UUID;

import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A payment to start for an order.
 *
 * @param customerId who pays; null for a walk-in paying at the counter by a QR code
 * @param scene where the payer is: a page in a browser, a QR code to scan, inside WeChat
 * @param payerOpenid the payer's verified WeChat openid, needed inside WeChat
 */
public record StartPayment(UUID orderId, UUID merchantId, @Nullable UUID customerId, Money amount, String provider,
        String description, String returnUrl, PaymentProvider.Scene scene, @Nullable String payerOpenid) {}
