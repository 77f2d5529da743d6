package o2o.payments;

import static o2o.shared.Timestamps.utc;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import o2o.identity.Role;
import o2o.identity.StaffPrincipal;
import o2o.shared.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each merchant's own accounts at the gateways (merchant number, app id, keys), saved by its owner and kept encrypted,
 * and the operator's switch per gateway. A gateway is offered to a merchant's customers only while the operator has it
 * on and the merchant has an enabled account. Decrypted settings are cached for a minute per node; a save or a switch
 * clears this node's copy.
 */
@Service
public class ProviderAccounts {

    private final JdbcClient jdbc;
    private final AccountKeys keys;
    private final Providers providers;
    private final JsonMapper json;
    private final Clock clock;
    private final Cache<String, Optional<JsonNode>> settings = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(10_000).build();
    private final Cache<String, Boolean> switches = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(10)).build();

    ProviderAccounts(JdbcClient jdbc, AccountKeys keys, Providers providers, JsonMapper json,
            Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.providers = providers;
        this.json = json;
        this.clock = clock;
    }

    /** Saves the owner's settings for a gateway after the gateway's adapter has checked them. */
    @Transactional
    public ProviderAccount save(StaffPrincipal owner, String provider, JsonNode given) {
        var merchantId = ownerMerchant(owner);
        var shown = gateway(provider).checkAccount(given);
        jdbc.sql("""
                        insert into payment_provider_account (merchant_id, provider, public_config, secret_config,
                                                              enabled, updated_at)
                        values (:merchant, :provider, cast(:shown as jsonb), :sealed, true, :now)
                        on conflict (merchant_id, provider) do update
                            set public_config = excluded.public_config, secret_config = excluded.secret_config,
                                updated_at = excluded.updated_at
                        """)
                .param("merchant", merchantId)
                .param("provider", provider)
                .param("shown", json.writeValueAsString(shown))
                .param("sealed", keys.seal(json.writeValueAsString(given), merchantId + "/" + provider))
                .param("now", utc(clock.instant()))
                .update();
        settings.invalidate(merchantId + "/" + provider);
        return of(merchantId, provider).orElseThrow();
    }

    /** The owner turns their account at a gateway on or off (off: no new payments by it; refunds still go out). */
    @Transactional
    public ProviderAccount setEnabled(StaffPrincipal owner, String provider, boolean enabled) {
        var merchantId = ownerMerchant(owner);
        int changed = jdbc.sql("""
                        update payment_provider_account set enabled = :enabled, updated_at = :now
                        where merchant_id = :merchant and provider = :provider
                        """)
                .param("enabled", enabled)
                .param("now", utc(clock.instant()))
                .param("merchant", merchantId)
                .param("provider", provider)
                .update();
        if (changed == 0) throw Problem.notFound("payment provider account");
        settings.invalidate(merchantId + "/" + provider);
        return of(merchantId, provider).orElseThrow();
    }

    /** The merchant's accounts, for its owner and managers. */
    @Transactional(readOnly = true)
    public List<ProviderAccount> of(StaffPrincipal staff) {
        if (staff.merchantId() == null || (staff.role() != Role.OWNER && staff.role() != Role.MANAGER)) {
            throw Problem.forbidden("only owners and managers see payment settings");
        }
        return jdbc.sql("""
                        select merchant_id, provider, public_config, enabled, updated_at
                        from payment_provider_account where merchant_id = :merchant order by provider
                        """)
                .param("merchant", staff.merchantId())
                .query((rs, row) -> account(rs.getObject("merchant_id", UUID.class), rs.getString("provider"),
                        rs.getString("public_config"), rs.getBoolean("enabled"),
                        rs.getObject("updated_at", OffsetDateTime.class)))
                .list();
    }

    /** The operator switches a gateway on or off for every merchant. */
    @Transactional
    public void switchProvider(StaffPrincipal operator, String provider, boolean enabled) {
        if (!operator.isOperator()) throw Problem.forbidden("only the operator switches gateways");
        gateway(provider);
        jdbc.sql("""
                        insert into payment_provider_switch (provider, enabled, changed_at) values (:p, :on, :now)
                        on conflict (provider) do update set enabled = excluded.enabled, changed_at = excluded.changed_at
                        """)
                .param("p", provider)
                .param("on", enabled)
                .param("now", utc(clock.instant()))
                .update();
        switches.invalidate(provider);
    }

    /** Whether the operator has a gateway on (it is, until switched off). */
    public boolean switchedOn(String provider) {
        return switches.get(provider, p -> jdbc.sql("select enabled from payment_provider_switch where provider = :p")
                .param("p", p).query(Boolean.class).optional().orElse(true));
    }

    /** The gateways whose switch the operator can turn. */
    public List<String> gateways() {
        return providers.gateways().stream().filter(PaymentProvider::perMerchantAccount).map(PaymentProvider::name)
                .sorted().toList();
    }

    /**
     * A merchant's decrypted settings at a gateway, for the gateway's adapter (charging, refunding, verifying its
     * notifications); empty when the merchant has none. Refunds and notifications use them even while switched off.
     */
    public Optional<JsonNode> settings(UUID merchantId, String provider) {
        return settings.get(merchantId + "/" + provider, key -> jdbc.sql("""
                        select secret_config from payment_provider_account
                        where merchant_id = :merchant and provider = :provider
                        """)
                .param("merchant", merchantId)
                .param("provider", provider)
                .query((rs, row) -> rs.getBytes("secret_config"))
                .optional()
                .map(sealed -> json.readTree(keys.open(sealed, key))));
    }

    /** True when the merchant's customers may start payments by this gateway now. */
    boolean usable(UUID merchantId, String provider) {
        if (!switchedOn(provider)) return false;
        return jdbc.sql("""
                        select enabled from payment_provider_account where merchant_id = :merchant and provider = :provider
                        """)
                .param("merchant", merchantId)
                .param("provider", provider)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    private Optional<ProviderAccount> of(UUID merchantId, String provider) {
        return jdbc.sql("""
                        select merchant_id, provider, public_config, enabled, updated_at
                        from payment_provider_account where merchant_id = :merchant and provider = :provider
                        """)
                .param("merchant", merchantId)
                .param("provider", provider)
                .query((rs, row) -> account(merchantId, provider, rs.getString("public_config"),
                        rs.getBoolean("enabled"), rs.getObject("updated_at", OffsetDateTime.class)))
                .optional();
    }

    private ProviderAccount account(UUID merchantId, String provider, String shown, boolean enabled,
            OffsetDateTime updated) {
        return new ProviderAccount(merchantId, provider, json.readValue(shown, new TypeReference<Map<String, Object>>() {}),
                enabled, switchedOn(provider), updated.toInstant());
    }

    private PaymentProvider gateway(String provider) {
        return providers.find(provider)
                .filter(PaymentProvider::perMerchantAccount)
                .orElseThrow(() -> new Problem(HttpStatus.NOT_FOUND, "payment-provider-unknown",
                        "there is no gateway " + provider, provider));
    }

    private static UUID ownerMerchant(StaffPrincipal staff) {
        if (staff.merchantId() == null || staff.role() != Role.OWNER) {
            throw Problem.forbidden("only the owner changes payment settings");
        }
        return staff.merchantId();
    }
}
