package o2o.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import o2o.identity.StaffPrincipal;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The merchant's webhook endpoints: owners and managers add, change, remove them and rotate their signing secrets.
 * Every statement is keyed by the caller's merchant, so another merchant's endpoint is simply not found.
 */
@Service
public class WebhookEndpoints {

    /** An endpoint as just created or with a fresh secret: the only time the secret is shown. */
    public record WithSecret(WebhookEndpoint endpoint, String secret) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9.]+|0x[0-9a-f.x]+");
    private static final int MAX_ENDPOINTS = 20;

    private final JdbcClient jdbc;
    private final WebhookProperties properties;
    private final Clock clock;

    WebhookEndpoints(JdbcClient jdbc, WebhookProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public WithSecret add(StaffPrincipal staff, String url, @Nullable String description, Collection<String> types) {
        var merchant = managedMerchant(staff);
        var checkedUrl = checkedUrl(url);
        var checkedTypes = checkedTypes(types);
        var checkedDescription = checkedDescription(description);
        long existing = jdbc.sql("select count(*) from webhook_endpoint where merchant_id = :m")
                .param("m", merchant).query(Long.class).single();
        if (existing >= MAX_ENDPOINTS) throw new InvalidInput("url", "at most " + MAX_ENDPOINTS + " endpoints");
        var id = Ids.next();
        var secret = newSecret();
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                        insert into webhook_endpoint (id, merchant_id, url, description, event_types, secret, created_at,
                            updated_at)
                        values (:id, :m, :url, :description, :types, :secret, :now, :now)
                        """)
                .param("id", id).param("m", merchant).param("url", checkedUrl)
                .param("description", new SqlParameterValue(Types.VARCHAR, checkedDescription))
                .param("types", checkedTypes).param("secret", secret).param("now", now)
                .update();
        return new WithSecret(find(staff, id), secret);
    }

    @Transactional
    public WebhookEndpoint change(StaffPrincipal staff, UUID id, String url, @Nullable String description,
            Collection<String> types) {
        var merchant = managedMerchant(staff);
        var checkedUrl = checkedUrl(url);
        var checkedTypes = checkedTypes(types);
        var checkedDescription = checkedDescription(description);
        int changed = jdbc.sql("""
                        update webhook_endpoint set url = :url, description = :description, event_types = :types,
                            updated_at = :now
                        where id = :id and merchant_id = :m
                        """)
                .param("url", checkedUrl)
                .param("description", new SqlParameterValue(Types.VARCHAR, checkedDescription))
                .param("types", checkedTypes).param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("id", id).param("m", merchant)
                .update();
        if (changed == 0) throw Problem.notFound("webhook");
        return find(staff, id);
    }

    /** A new secret for the endpoint; signatures made with the old one stop at once. */
    @Transactional
    public WithSecret rotateSecret(StaffPrincipal staff, UUID id) {
        var secret = newSecret();
        int changed = jdbc.sql("""
                        update webhook_endpoint set secret = :secret, updated_at = :now
                        where id = :id and merchant_id = :m
                        """)
                .param("secret", secret).param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("id", id).param("m", managedMerchant(staff))
                .update();
        if (changed == 0) throw Problem.notFound("webhook");
        return new WithSecret(find(staff, id), secret);
    }

    /** Removes the endpoint with its deliveries and their log; deliveries still pending are not sent. */
    @Transactional
    public void remove(StaffPrincipal staff, UUID id) {
        int removed = jdbc.sql("delete from webhook_endpoint where id = :id and merchant_id = :m")
                .param("id", id).param("m", managedMerchant(staff)).update();
        if (removed == 0) throw Problem.notFound("webhook");
    }

    @Transactional(readOnly = true)
    public WebhookEndpoint find(StaffPrincipal staff, UUID id) {
        return jdbc.sql("""
                        select id, merchant_id, url, description, event_types, created_at, updated_at
                        from webhook_endpoint where id = :id and merchant_id = :m
                        """)
                .param("id", id).param("m", managedMerchant(staff))
                .query(WebhookEndpoints::endpoint).optional()
                .orElseThrow(() -> Problem.notFound("webhook"));
    }

    @Transactional(readOnly = true)
    public List<WebhookEndpoint> of(StaffPrincipal staff) {
        return jdbc.sql("""
                        select id, merchant_id, url, description, event_types, created_at, updated_at
                        from webhook_endpoint where merchant_id = :m order by created_at, id
                        """)
                .param("m", managedMerchant(staff))
                .query(WebhookEndpoints::endpoint).list();
    }

    /** The merchant's endpoints that subscribed to this type, with their secrets, for the deliveries to record. */
    List<UUID> subscribedTo(UUID merchantId, EventType type) {
        return jdbc.sql("select id from webhook_endpoint where merchant_id = :m and :type = any(event_types)")
                .param("m", merchantId).param("type", type.wireName())
                .query(UUID.class).list();
    }

    Optional<String> secretOf(UUID endpointId) {
        return jdbc.sql("select secret from webhook_endpoint where id = :id")
                .param("id", endpointId).query(String.class).optional();
    }

    static UUID managedMerchant(StaffPrincipal staff) {
        if (staff.merchantId() == null) throw Problem.notFound("merchant");
        if (!staff.role().manages()) throw Problem.forbidden("only owners and managers manage webhooks");
        return staff.merchantId();
    }

    private String checkedUrl(@Nullable String raw) {
        if (raw == null || raw.isBlank()) throw new InvalidInput("url", "required");
        var url = raw.strip();
        if (url.length() > 500) throw new InvalidInput("url", "at most 500 characters");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidInput("url", "not a valid URL");
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) throw new InvalidInput("url", "must be http or https");
        if (uri.getHost() == null || uri.getHost().isBlank()) throw new InvalidInput("url", "must name a host");
        if (uri.getRawUserInfo() != null) throw new InvalidInput("url", "must not carry credentials");
        if (uri.getRawFragment() != null) throw new InvalidInput("url", "must not have a fragment");
        if (!properties.allowLoopback() && isInternal(uri.getHost())) {
            throw new InvalidInput("url", "must not point at a loopback, private or link-local address");
        }
        return url;
    }

    /**
     * Names and address literals of this machine and private networks. Names are not resolved here (the relay checks
     * what a name resolves to before each attempt).
     */
    public static boolean isInternal(String rawHost) {
        var host = rawHost.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        if (host.endsWith(".")) host = host.substring(0, host.length() - 1);
        if (host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".local")
                || host.endsWith(".internal") || host.endsWith(".lan") || host.endsWith(".home.arpa")) {
            return true;
        }
        // dotted, shortened ("127.1") and bare-number IPv4 forms are all addresses, whatever a resolver makes of them
        boolean literal = host.contains(":") || IPV4_LITERAL.matcher(host).matches();
        if (!literal) return false;
        try {
            var address = InetAddress.getByName(host);
            var bytes = address.getAddress();
            boolean uniqueLocalV6 = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
            boolean carrierNat = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
            return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocalV6 || carrierNat
                    || isMappedInternal(bytes);
        } catch (UnknownHostException e) {
            return true;
        }
    }

    private static boolean isMappedInternal(byte[] bytes) {
        if (bytes.length != 16) return false;
        for (int i = 0; i < 10; i++) if (bytes[i] != 0) return false;
        if ((bytes[10] & 0xff) != 0xff || (bytes[11] & 0xff) != 0xff) return false;
        try {
            var v4 = InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
            return isInternal(v4.getHostAddress());
        } catch (UnknownHostException e) {
            return true;
        }
    }

    private static String[] checkedTypes(@Nullable Collection<String> types) {
        if (types == null || types.isEmpty()) throw new InvalidInput("eventTypes", "choose at least one event type");
        for (var type : types) {
            if (type == null || EventType.byWireName(type).isEmpty()) {
                throw new InvalidInput("eventTypes", "unknown event type: " + type);
            }
        }
        return types.stream().distinct().sorted().toArray(String[]::new);
    }

    private static @Nullable String checkedDescription(@Nullable String raw) {
        if (raw == null || raw.isBlank()) return null;
        var description = raw.strip();
        if (description.length() > 100) throw new InvalidInput("description", "at most 100 characters");
        return description;
    }

    private static String newSecret() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static WebhookEndpoint endpoint(ResultSet rs, int row) throws SQLException {
        Array types = rs.getArray("event_types");
        return new WebhookEndpoint(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                rs.getString("url"), rs.getString("description"), List.of((String[]) types.getArray()),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
