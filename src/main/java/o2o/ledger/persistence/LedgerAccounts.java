package o2o.ledger.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import o2o.ledger.Account;
import o2o.ledger.AccountKey;
import o2o.shared.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ledger_account table: accounts opened once by their key, and balances moved by one guarded statement. */
@Repository
public class LedgerAccounts {

    private static final String COLUMNS = "id, kind, holder, scope, unit, merchant_id, may_go_negative, balance";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    LedgerAccounts(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public void open(AccountKey key, @Nullable UUID merchantId, boolean mayGoNegative, Instant now) {
        jdbc.sql("""
                        insert into ledger_account (id, kind, holder, scope, unit, merchant_id, may_go_negative,
                                                    balance, created_at)
                        values (:id, :kind, :holder, :scope, :unit, :merchant, :negative, 0, :now)
                        on conflict (kind, holder, scope, unit) do nothing
                        """)
                .param("id", Ids.next())
                .param("kind", key.kind())
                .param("holder", key.holder())
                .param("scope", key.scope())
                .param("unit", key.unit())
                .param("merchant", new SqlParameterValue(Types.OTHER, merchantId))
                .param("negative", mayGoNegative)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Opens the missing accounts of many holders with batched inserts; returns every holder's account id. */
    public Map<String, UUID> openAll(String kind, String scope, String unit, Collection<String> holders,
            @Nullable UUID merchantId, boolean mayGoNegative, Instant now) {
        var at = Timestamp.from(now);
        template.batchUpdate("""
                insert into ledger_account (id, kind, holder, scope, unit, merchant_id, may_go_negative, balance,
                                            created_at)
                values (?, ?, ?, ?, ?, ?, ?, 0, ?) on conflict (kind, holder, scope, unit) do nothing
                """, List.copyOf(holders), 5000, (ps, holder) -> {
            ps.setObject(1, Ids.next());
            ps.setString(2, kind);
            ps.setString(3, holder);
            ps.setString(4, scope);
            ps.setString(5, unit);
            ps.setObject(6, merchantId);
            ps.setBoolean(7, mayGoNegative);
            ps.setTimestamp(8, at);
        });
        var ids = new HashMap<String, UUID>();
        jdbc.sql("""
                        select holder, id from ledger_account
                        where kind = :kind and scope = :scope and unit = :unit and holder = any(:holders)
                        """)
                .param("kind", kind).param("scope", scope).param("unit", unit)
                .param("holders", holders.toArray(String[]::new))
                .query((rs, row) -> ids.put(rs.getString(1), rs.getObject(2, UUID.class)))
                .list();
        return ids;
    }

    public Optional<Account> find(AccountKey key) {
        return jdbc.sql("select " + COLUMNS + """
                         from ledger_account
                        where kind = :kind and holder = :holder and scope = :scope and unit = :unit
                        """)
                .param("kind", key.kind())
                .param("holder", key.holder())
                .param("scope", key.scope())
                .param("unit", key.unit())
                .query(LedgerAccounts::account)
                .optional();
    }

    public Optional<Account> find(UUID accountId) {
        return jdbc.sql("select " + COLUMNS + " from ledger_account where id = :id")
                .param("id", accountId)
                .query(LedgerAccounts::account)
                .optional();
    }

    public List<Account> heldBy(String kind, String holder) {
        return jdbc.sql("select " + COLUMNS + """
                         from ledger_account where kind = :kind and holder = :holder order by created_at, id
                        """)
                .param("kind", kind)
                .param("holder", holder)
                .query(LedgerAccounts::account)
                .list();
    }

    /**
     * The holder's accounts with a non-zero balance, locked in id order. The few account kinds are walked on the
     * (kind, holder, …) key, so no scan of all accounts is needed.
     */
    public List<Account> lockNonZeroHeldBy(String holder) {
        return jdbc.sql("""
                        with recursive kinds (kind) as (
                            (select kind from ledger_account order by kind limit 1)
                            union all
                            select (select a.kind from ledger_account a where a.kind > k.kind order by a.kind limit 1)
                            from kinds k where k.kind is not null)
                        select id, kind, holder, scope, unit, merchant_id, may_go_negative, balance from ledger_account
                        where kind in (select kind from kinds where kind is not null) and holder = :holder
                          and balance <> 0
                        order by id for update
                        """)
                .param("holder", holder)
                .query(LedgerAccounts::account)
                .list();
    }

    /** Moves a balance in one statement that refuses to take an account that may not go negative below zero. */
    public boolean move(UUID accountId, long amount) {
        return jdbc.sql("""
                        update ledger_account set balance = balance + :amount
                        where id = :id and (may_go_negative or balance + :amount >= 0)
                        """)
                .param("amount", amount)
                .param("id", accountId)
                .update() == 1;
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getObject("id", UUID.class), new AccountKey(rs.getString("kind"), rs.getString("holder"),
                rs.getString("scope"), rs.getString("unit")), rs.getObject("merchant_id", UUID.class),
                rs.getBoolean("may_go_negative"), rs.getLong("balance"));
    }
}
