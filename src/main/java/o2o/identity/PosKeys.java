package o2o.identity;

import static o2o.shared.Timestamps.utc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys for a store's POS: {@code o2opos_<key id>_<secret>}. The secret is 32 random bytes, so a plain SHA-256 of
 * it is a safe thing to store (no password to brute-force); it is compared in constant time. Whether the caller may
 * manage the store's keys (the store is theirs) is for the caller to check: identity does not know stores.
 */
@Service
public class PosKeys {

    public static final String PREFIX = "o2opos_";
    private static final Pattern KEY = Pattern.compile("o2opos_([0-9a-f]{32})_([A-Za-z0-9_-]{43})");
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    private static final String COLUMNS = """
            id, merchant_id, store_id, name, created_at, last_used_at, revoked_at
            """;

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final Clock clock;

    PosKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Makes a key for a store; the returned secret is never available again. */
    @Transactional
    public PosKey.Issued create(MerchantId merchant, StoreId store, String name, UUID createdBy) {
        var merchantId = merchant.value();
        var storeId = store.value();
        var trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 60) throw new InvalidInput("name", "1 to 60 characters");
        var id = Ids.next();
        var bytes = new byte[32];
        random.nextBytes(bytes);
        var secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                        insert into pos_api_key (id, merchant_id, store_id, name, secret_hash, created_by, created_at)
                        values (:id, :merchant, :store, :name, :hash, :by, :now)
                        """)
                .param("id", id).param("merchant", merchantId).param("store", storeId).param("name", trimmed)
                .param("hash", sha256(secret)).param("by", createdBy).param("now", utc(clock.instant()))
                .update();
        return new PosKey.Issued(find(merchant, id).orElseThrow(), PREFIX + hex(id) + "_" + secret);
    }

    @Transactional(readOnly = true)
    public List<PosKey> ofStore(MerchantId merchant, StoreId store) {
        return jdbc.sql("select " + COLUMNS + """
                         from pos_api_key where merchant_id = :merchant and store_id = :store
                        order by created_at desc, id desc
                        """)
                .param("merchant", merchant.value()).param("store", store.value())
                .query(PosKeys::key).list();
    }

    @Transactional(readOnly = true)
    public List<PosKey> ofMerchant(UUID merchantId) {
        return jdbc.sql("select " + COLUMNS + " from pos_api_key where merchant_id = :merchant order by created_at desc, id desc")
                .param("merchant", merchantId)
                .query(PosKeys::key).list();
    }

    @Transactional(readOnly = true)
    public Optional<PosKey> find(MerchantId merchant, UUID keyId) {
        return jdbc.sql("select " + COLUMNS + " from pos_api_key where merchant_id = :merchant and id = :id")
                .param("merchant", merchant.value()).param("id", keyId)
                .query(PosKeys::key).optional();
    }

    /** Revokes a key of the merchant's store; its next request is refused. Revoking again changes nothing. */
    @Transactional
    public PosKey revoke(MerchantId merchant, StoreId store, UUID keyId) {
        var merchantId = merchant.value();
        var storeId = store.value();
        jdbc.sql("""
                        update pos_api_key set revoked_at = :now
                        where merchant_id = :merchant and store_id = :store and id = :id and revoked_at is null
                        """)
                .param("now", utc(clock.instant())).param("merchant", merchantId).param("store", storeId)
                .param("id", keyId).update();
        return find(merchant, keyId).filter(k -> k.storeId().equals(storeId))
                .orElseThrow(() -> Problem.notFound("pos-key"));
    }

    /** The POS a presented key stands for, if the key is well-formed, known, unrevoked and its secret matches. */
    @Transactional
    public Optional<PosPrincipal> authenticate(String presented) {
        var matcher = KEY.matcher(presented);
        if (!matcher.matches()) return Optional.empty();
        var id = new UUID(Long.parseUnsignedLong(matcher.group(1).substring(0, 16), 16),
                Long.parseUnsignedLong(matcher.group(1).substring(16), 16));
        var stored = jdbc.sql("""
                        select merchant_id, store_id, secret_hash from pos_api_key where id = :id and revoked_at is null
                        """)
                .param("id", id)
                .query((rs, row) -> new Stored(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getBytes(3)))
                .optional();
        if (stored.isEmpty() || !MessageDigest.isEqual(stored.get().hash(), sha256(matcher.group(2)))) {
            return Optional.empty();
        }
        var now = clock.instant();
        jdbc.sql("""
                        update pos_api_key set last_used_at = :now
                        where id = :id and (last_used_at is null or last_used_at < :stale)
                        """)
                .param("now", utc(now)).param("id", id).param("stale", utc(now.minus(LAST_USED_PRECISION)))
                .update();
        return Optional.of(new PosPrincipal(stored.get().merchantId(), stored.get().storeId(), id));
    }

    private record Stored(UUID merchantId, UUID storeId, byte[] hash) {}

    private static PosKey key(ResultSet rs, int row) throws SQLException {
        var id = rs.getObject("id", UUID.class);
        return new PosKey(id, rs.getObject("merchant_id", UUID.class), rs.getObject("store_id", UUID.class),
                rs.getString("name"), PREFIX + "…" + hex(id).substring(24), instant(rs, "created_at"),
                instant(rs, "last_used_at"), instant(rs, "revoked_at"));
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(UUID id) {
        return id.toString().replace("-", "");
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
