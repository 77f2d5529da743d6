package o2o.testing;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** The body a store's POS posts for one sale: a hot pot base and two beers adding up to {@code total}. */
public final class PosSaleBodies {

    private PosSaleBodies() {}

    public static Map<String, Object> sale(String posTransactionId, long total, Instant soldAt, String paymentMethod,
            @Nullable Map<String, String> member) {
        var body = new HashMap<String, Object>();
        body.put("posTransactionId", posTransactionId);
        body.put("soldAt", soldAt.toString());
        body.put("lines", List.of(
                Map.of("name", "锅底", "quantity", 1, "unitPrice", total - total / 4, "amount", total - total / 4),
                Map.of("name", "啤酒", "quantity", 2, "unitPrice", total / 8, "amount", total / 4)));
        body.put("total", total);
        body.put("paymentMethod", paymentMethod);
        if (member != null) body.put("member", member);
        return body;
    }
}
