package o2o.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import o2o.delivery.DeliveryFixtures.Shop;
import o2o.delivery.persistence.DeliveryRows;
import o2o.testing.Api;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox courier fleet's side of a callback, written here from its documented scheme (not from our code): a JSON
 * body, {@code Fleet-Timestamp}, {@code Fleet-Nonce} and {@code Fleet-Signature} = hex HMAC-SHA256 with the shared
 * secret of {@code timestamp + "\n" + nonce + "\n" + body}. Also the store side that hands orders to the fleet.
 */
final class FleetCallbacks {

    /** {@code o2o.delivery.providers.sandbox.secret} of the test profile. */
    static final String SECRET = "test-courier-secret";
    /** The contact whose jobs the sandbox fleet leaves for the test to report by hand. */
    static final String HOLD = "SANDBOX-HOLD";
    static final String PATH = "/api/v1/delivery/callbacks/sandbox";

    private final Api api;
    private final DeliveryFixtures delivery;
    private final DeliveryRows rows;

    FleetCallbacks(Api api, DeliveryFixtures delivery, DeliveryRows rows) {
        this.api = api;
        this.delivery = delivery;
        this.rows = rows;
    }

    /** Has the store's orders carried by the sandbox fleet. */
    Api.Response useProvider(Shop shop, String provider) {
        return api.put("/api/v1/merchant/stores/" + shop.store() + "/delivery/settings",
                Map.of("preparationMinutes", 10, "minutesPerQueued", 2, "speedKmh", 20, "capacity", 10,
                        "provider", provider, "ownCost", DeliveryFixtures.cny(600)),
                shop.merchant().ownerToken());
    }

    /** A paid order to this contact, 2.5 km north, accepted by the store; answers its id once the fleet took it. */
    String acceptedOrder(Shop shop, String customer, String phone, String contact) {
        var body = new HashMap<>(delivery.order(shop, DeliveryFixtures.north(2500), phone));
        var address = new HashMap<>(DeliveryFixtures.address(DeliveryFixtures.north(2500), phone));
        address.put("contact", contact);
        body.put("address", address);
        var placed = delivery.place(customer, shop.store(), body);
        assertThat(placed.status()).as(placed.raw()).isEqualTo(201);
        var id = placed.text("id");
        delivery.payBySandbox(customer, id);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> delivery.mine(customer, id).path("paidAt").isString());
        delivery.accept(shop, id);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> reference(id) != null);
        return id;
    }

    @Nullable String reference(String orderId) {
        return rows.find(UUID.fromString(orderId)).map(Delivery::providerRef).orElse(null);
    }

    Delivery stored(String orderId) {
        return rows.find(UUID.fromString(orderId)).orElseThrow();
    }

    static Map<String, Object> event(String eventId, String ref, String status, @Nullable String rider,
            double @Nullable [] at) {
        var body = new LinkedHashMap<String, Object>();
        body.put("eventId", eventId);
        body.put("orderRef", ref);
        body.put("status", status);
        if (rider != null) {
            body.put("riderName", rider);
            body.put("riderPhone", "13800138000");
        }
        if (at != null) {
            body.put("lat", at[0]);
            body.put("lng", at[1]);
        }
        body.put("occurredAt", Instant.now().toString());
        return body;
    }

    /** Posts a callback signed now with the fleet's secret. */
    Api.Response send(Map<String, Object> event) {
        return send(Api.json(event), Instant.now().getEpochSecond(), SECRET);
    }

    Api.Response send(String body, long timestamp, String secret) {
        var nonce = UUID.randomUUID().toString();
        return sendWith(body, Map.of("Fleet-Timestamp", Long.toString(timestamp), "Fleet-Nonce", nonce,
                "Fleet-Signature", sign(secret, timestamp + "\n" + nonce + "\n" + body)));
    }

    Api.Response sendWith(String body, Map<String, String> headers) {
        return api.send("POST", PATH, body, null, headers);
    }

    static String sign(String secret, String message) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
