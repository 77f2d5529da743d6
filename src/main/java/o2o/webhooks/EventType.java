package o2o.webhooks;

import java.util.Arrays;
import java.util.Optional;

/** What an endpoint can subscribe to, by the name it carries on the wire. */
public enum EventType {
    VOUCHER_REDEEMED("voucher.redeemed"), ORDER_PAID("order.paid"), MEMBER_JOINED("member.joined");

    /** The type of the event sent by "send a test event"; no endpoint subscribes to it, every endpoint may get it. */
    public static final String TEST = "webhook.test";

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> byWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
