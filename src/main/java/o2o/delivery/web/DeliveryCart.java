package o2o.delivery.web;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import o2o.delivery.DeliveryRequest;
import o2o.shared.InvalidInput;

/** The delivery cart of one store, kept in the visitor's session: dishes with their options, priced when shown. */
record DeliveryCart(List<Line> lines) implements Serializable {

    static final int MOST = 30;

    /** A dish, its chosen options and how many. */
    record Line(UUID itemId, List<UUID> optionIds, int quantity) implements Serializable {

        Line {
            optionIds = List.copyOf(optionIds);
            if (quantity < 1 || quantity > 99) throw new InvalidInput("quantity", "between 1 and 99");
        }

        DeliveryRequest.Line toRequest() {
            return new DeliveryRequest.Line(itemId, optionIds, quantity);
        }
    }

    DeliveryCart {
        lines = List.copyOf(lines);
    }

    static DeliveryCart of(HttpSession session, UUID storeId) {
        return session.getAttribute(key(storeId)) instanceof DeliveryCart cart ? cart : new DeliveryCart(List.of());
    }

    void save(HttpSession session, UUID storeId) {
        if (lines.isEmpty()) session.removeAttribute(key(storeId));
        else session.setAttribute(key(storeId), this);
    }

    List<DeliveryRequest.Line> toRequest() {
        return lines.stream().map(Line::toRequest).toList();
    }

    private static String key(UUID storeId) {
        return "delivery.cart." + storeId;
    }
}
