package o2o.notifications;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a message says, which picks the SMS template a gateway sends. Chinese gateways send only approved templates,
 * so each kind names its template parameters, in the order of a positional template (Tencent's {1}, {2}, ...);
 * Alibaba Cloud's templates use the names (${code}).
 */
public enum MessageKind {

    SIGN_IN_CODE("code", "minutes"),
    MERCHANT_APPROVED,
    MERCHANT_REJECTED("reason"),
    VOUCHERS_ISSUED("title", "count", "codes", "link"),
    RESERVATION_CONFIRMED("store", "date", "time", "party", "table"),
    RESERVATION_REMINDER("store", "date", "time", "party"),
    PICKUP_NUMBER("store", "number"),
    PICKUP_READY("store", "number"),
    PICKUP_REFUNDED("store", "number"),
    DELIVERY_ACCEPTED("store", "minutes"),
    DELIVERY_PICKED_UP("store", "code"),
    DELIVERY_DELIVERED("store"),
    DELIVERY_UNREACHABLE("store"),
    MALL_EVENT_REMINDER("mall", "event", "time"),
    /** A merchant's marketing message to a member, with the link that stops them. */
    MARKETING("merchant", "text", "link");

    private final List<String> parameters;

    MessageKind(String... parameters) {
        this.parameters = List.of(parameters);
    }

    /** The template's parameter names, in template order. */
    public List<String> parameters() {
        return parameters;
    }

    /** The template parameters from their values in template order. */
    public Map<String, Object> params(Object... values) {
        if (values.length != parameters.size()) {
            throw new IllegalArgumentException(this + " takes " + parameters + ", got " + values.length + " values");
        }
        var params = new LinkedHashMap<String, Object>();
        for (int i = 0; i < values.length; i++) params.put(parameters.get(i), values[i]);
        return params;
    }
}
