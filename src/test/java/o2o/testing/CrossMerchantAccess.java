package o2o.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The reusable cross-merchant (BOLA) check: staff of merchant A call an endpoint on merchant B's object and must get
 * 403 or 404, and B's object must read back exactly as before. Each module lists its merchant-scoped endpoints as
 * {@link Endpoint}s and runs them through {@link #assertDenied}.
 */
public final class CrossMerchantAccess {

    private final Api api;

    public CrossMerchantAccess(Api api) {
        this.api = api;
    }

    /**
     * @param method HTTP method
     * @param path path with B's object filled in
     * @param body request body, or null
     * @param readBack path that shows B's object to B's owner, to prove nothing changed
     */
    public record Endpoint(String method, String path, @Nullable Object body, String readBack) {

        public static Endpoint of(String method, String path, @Nullable Object body, String readBack) {
            return new Endpoint(method, path, body, readBack);
        }
    }

    /** B's objects by name (e.g. "store" to its id), to fill into endpoint templates. */
    public record Victim(String ownerToken, Map<String, String> objects) {

        public String fill(String template) {
            var filled = template;
            for (var object : objects.entrySet()) filled = filled.replace("{" + object.getKey() + "}", object.getValue());
            return filled;
        }
    }

    public void assertDenied(String attackerToken, Victim victim, Function<Victim, Endpoint> endpointFor) {
        var endpoint = endpointFor.apply(victim);
        var before = api.get(endpoint.readBack(), victim.ownerToken());
        assertThat(before.status()).as("B's owner reads " + endpoint.readBack()).isEqualTo(200);

        var response = api.send(endpoint.method(), endpoint.path(), endpoint.body(), attackerToken);
        assertThat(response.status())
                .as("%s %s by another merchant's staff: %s", endpoint.method(), endpoint.path(), response.raw())
                .isIn(403, 404);
        assertThat(response.contentType()).startsWith("application/problem+json");

        var after = api.get(endpoint.readBack(), victim.ownerToken());
        assertThat(after.body()).as("B's object after the attempt").isEqualTo(before.body());
    }
}
