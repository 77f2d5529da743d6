package o2o.payments.persistence;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code payment_provider_account} and {@code payment_provider_switch} tables: merchants' sealed gateway settings
 * (with what may be shown of them, as JSON) and the operator's switch per gateway.
 */
@Repository
public class ProviderAccountTable {

    private final JdbcClient jdbc;

    ProviderAccountTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Saves the account, enabled when new; a saved one keeps its switch. */
    public void save(UUID merchantId, String provider, String shownJson, byte[] sealed, Instant now) {
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
                .param("shown", shownJson)
                .param("sealed", sealed)
                .param("now", utc(now))
                .update();
    }

    /** False when the merchant has no account at the gateway. */
    public boolean setEnabled(UUID merchantId, String provider, boolean enabled, Instant now) {
        return jdbc.sql("""
                        update payment_provider_account set enabled = :enabled, updated_at = :now
                        where merchant_id = :merchant and provider = :provider
                        """)
                .param("enabled", enabled)
                .param("now", utc(now))
                .param("merchant", merchantId)
                .param("provider", provider)
                .update() > 0;
    }

    public List<AccountRow> of(UUID merchantId) {
        return jdbc.sql("""
                        select merchant_id, provider, public_config, enabled, updated_at
                        from payment_provider_account where merchant_id = :merchant order by provider
                        """)
                .param("merchant", merchantId)
                .query(ProviderAccountTable::row)
                .list();
    }

    public Optional<AccountRow> of(UUID merchantId, String provider) {
        return jdbc.sql("""
                        select merchant_id, provider, public_config, enabled, updated_at
                        from payment_provider_account where merchant_id = :merchant and provider = :provider
                        """)
                .param("merchant", merchantId)
                .param("provider", provider)
                .query(ProviderAccountTable::row)
                .optional();
    }

    public Optional<byte[]> sealedSettings(UUID merchantId, String provider) {
        return jdbc.sql("""
                        select secret_config from payment_provider_account
                        where merchant_id = :merchant and provider = :provider
                        """)
                .param("merchant", merchantId)
                .param("provider", provider)
                .query((rs, row) -> rs.getBytes("secret_config"))
                .optional();
    }

    /** Whether the merchant's account at the gateway is on; false when there is none. */
    public boolean enabled(UUID merchantId, String provider) {
        return jdbc.sql("""
                        select enabled from payment_provider_account where merchant_id = :merchant and provider = :provider
                        """)
                .param("merchant", merchantId)
                .param("provider", provider)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    public void switchProvider(String provider, boolean enabled, Instant now) {
        jdbc.sql("""
                        insert into payment_provider_switch (provider, enabled, changed_at) values (:p, :on, :now)
                        on conflict (provider) do update set enabled = excluded.enabled, changed_at = excluded.changed_at
                        """)
                .param("p", provider)
                .param("on", enabled)
                .param("now", utc(now))
                .update();
    }

    /** The operator's switch of a gateway; on until switched off. */
    public boolean switchedOn(String provider) {
        return jdbc.sql("select enabled from payment_provider_switch where provider = :p")
                .param("p", provider).query(Boolean.class).optional().orElse(true);
    }

    private static AccountRow row(ResultSet rs, int row) throws SQLException {
        return new AccountRow(rs.getObject("merchant_id", UUID.class), rs.getString("provider"),
                rs.getString("public_config"), rs.getBoolean("enabled"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
