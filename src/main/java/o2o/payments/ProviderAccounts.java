package o2o.payments;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import o2o.identity.Role;
import o2o.identity.StaffPrincipal;
import o2o.payments.persistence.AccountRow;
import o2o.payments.persistence.ProviderAccountTable;
import o2o.shared.Problem;
import org.springframework.http.HttpStatus;
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

    private final ProviderAccountTable table;
    private final OperatorSwitches switches;
    private final AccountKeys keys;
    private final Providers providers;
    private final JsonMapper json;
    private final Clock clock;
    private final Cache<String, Optional<JsonNode>> settings = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(10_000).build();

    ProviderAccounts(ProviderAccountTable table, OperatorSwitches switches, AccountKeys keys, Providers providers,
            JsonMapper json, Clock clock) {
        this.table = table;
        this.switches = switches;
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
        table.save(merchantId, provider, json.writeValueAsString(shown),
                keys.seal(json.writeValueAsString(given), merchantId + "/" + provider), clock.instant());
        settings.invalidate(merchantId + "/" + provider);
        return of(merchantId, provider).orElseThrow();
    }

    /** The owner turns their account at a gateway on or off (off: no new payments by it; refunds still go out). */
    @Transactional
    public ProviderAccount setEnabled(StaffPrincipal owner, String provider, boolean enabled) {
        var merchantId = ownerMerchant(owner);
        if (!table.setEnabled(merchantId, provider, enabled, clock.instant())) {
            throw Problem.notFound("payment provider account");
        }
        settings.invalidate(merchantId + "/" + provider);
        return of(merchantId, provider).orElseThrow();
    }

    /** The merchant's accounts, for its owner and managers. */
    @Transactional(readOnly = true)
    public List<ProviderAccount> of(StaffPrincipal staff) {
        if (staff.merchantId() == null || (staff.role() != Role.OWNER && staff.role() != Role.MANAGER)) {
            throw Problem.forbidden("only owners and managers see payment settings");
        }
        return table.of(staff.merchantId()).stream().map(this::account).toList();
    }

    /** The operator switches a gateway on or off for every merchant. */
    @Transactional
    public void switchProvider(StaffPrincipal operator, String provider, boolean enabled) {
        if (!operator.isOperator()) throw Problem.forbidden("only the operator switches gateways");
        gateway(provider);
        switches.turn(provider, enabled);
    }

    /** Whether the operator has a gateway on (it is, until switched off). */
    public boolean switchedOn(String provider) {
        return switches.on(provider);
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
        return settings.get(merchantId + "/" + provider, key -> table.sealedSettings(merchantId, provider)
                .map(sealed -> json.readTree(keys.open(sealed, key))));
    }

    /** True when the merchant's customers may start payments by this gateway now. */
    boolean usable(UUID merchantId, String provider) {
        return switches.on(provider) && table.enabled(merchantId, provider);
    }

    private Optional<ProviderAccount> of(UUID merchantId, String provider) {
        return table.of(merchantId, provider).map(this::account);
    }

    private ProviderAccount account(AccountRow row) {
        return new ProviderAccount(row.merchantId(), row.provider(),
                json.readValue(row.shownJson(), new TypeReference<Map<String, Object>>() {}), row.enabled(),
                switches.on(row.provider()), row.updatedAt());
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
