package o2o.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The module's API: open accounts, post balanced entries exactly once, read balances and history, reconcile. */
@Service
public class Ledger {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;

    Ledger(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    /** The account with this key, opened on first use. */
    @Transactional
    public Account account(AccountKey key, @Nullable UUID merchantId, boolean mayGoNegative) {
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
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return find(key).orElseThrow();
    }

    /**
     * Opens (or finds) many accounts of one kind, scope and unit at once, one per holder, with batched inserts;
     * returns their ids by holder.
     */
    @Transactional
    public Map<String, UUID> accounts(String kind, String scope, String unit, Collection<String> holders,
            @Nullable UUID merchantId, boolean mayGoNegative) {
        for (var holder : holders) new AccountKey(kind, holder, scope, unit);
        var now = Timestamp.from(clock.instant());
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
            ps.setTimestamp(8, now);
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

    @Transactional(readOnly = true)
    public Optional<Account> find(AccountKey key) {
        return jdbc.sql("""
                        select id, kind, holder, scope, unit, merchant_id, may_go_negative, balance from ledger_account
                        where kind = :kind and holder = :holder and scope = :scope and unit = :unit
                        """)
                .param("kind", key.kind())
                .param("holder", key.holder())
                .param("scope", key.scope())
                .param("unit", key.unit())
                .query(Ledger::account)
                .optional();
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(UUID accountId) {
        return jdbc.sql("""
                        select id, kind, holder, scope, unit, merchant_id, may_go_negative, balance from ledger_account
                        where id = :id
                        """)
                .param("id", accountId)
                .query(Ledger::account)
                .optional();
    }

    /** The accounts of one kind that one holder (e.g. {@code customer:<id>}) has, oldest first. */
    @Transactional(readOnly = true)
    public List<Account> accountsHeldBy(String kind, String holder) {
        return jdbc.sql("""
                        select id, kind, holder, scope, unit, merchant_id, may_go_negative, balance from ledger_account
                        where kind = :kind and holder = :holder order by created_at, id
                        """)
                .param("kind", kind)
                .param("holder", holder)
                .query(Ledger::account)
                .list();
    }

    /**
     * Posts an entry once. If the reference was posted before, nothing is posted and the earlier entry is returned
     * ({@code replayed}). Accounts are updated in id order, each with one conditional statement, so concurrent
     * entries neither deadlock nor take an account below zero: such an entry fails whole with 409.
     */
    @Transactional
    public Entry post(String reference, String description, @Nullable UUID merchantId, List<Posting> postings) {
        validate(reference, postings);
        var id = Ids.next();
        var now = Timestamp.from(clock.instant());
        int fresh = jdbc.sql("""
                        insert into ledger_entry (id, reference, description, merchant_id, created_at)
                        values (:id, :reference, :description, :merchant, :now)
                        on conflict (reference) do nothing
                        """)
                .param("id", id)
                .param("reference", reference)
                .param("description", description)
                .param("merchant", new SqlParameterValue(Types.OTHER, merchantId))
                .param("now", now)
                .update();
        if (fresh == 0) return entry(reference).map(Ledger::asReplay).orElseThrow();
        var ordered = postings.stream().sorted(Comparator.comparing(Posting::accountId)).toList();
        for (var posting : ordered) {
            int moved = jdbc.sql("""
                            update ledger_account set balance = balance + :amount
                            where id = :id and (may_go_negative or balance + :amount >= 0)
                            """)
                    .param("amount", posting.amount())
                    .param("id", posting.accountId())
                    .update();
            if (moved == 0) {
                var account = find(posting.accountId()).orElseThrow(() -> new InvalidInput("accountId", "no such account"));
                throw new Problem(HttpStatus.CONFLICT, "insufficient-balance",
                        "not enough " + account.key().unit() + " in " + account.key().kind());
            }
        }
        template.batchUpdate("""
                insert into ledger_posting (entry_id, account_id, amount, merchant_id, created_at)
                values (?, ?, ?, ?, ?)
                """, ordered, ordered.size(), (ps, posting) -> {
            ps.setObject(1, id);
            ps.setObject(2, posting.accountId());
            ps.setLong(3, posting.amount());
            ps.setObject(4, merchantId);
            ps.setTimestamp(5, now);
        });
        return new Entry(id, reference, description, now.toInstant(), ordered, false);
    }

    /**
     * Moves everything a holder has to another holder: for every account of {@code fromHolder} with a non-zero
     * balance, one transfer entry (reference {@code <referencePrefix>:<accountId>}) to the account with the same
     * kind, scope and unit of {@code toHolder}, opened like the source if missing. The journal is only appended to;
     * moving again posts nothing twice. The source accounts are locked first, so a posting racing the move waits. The
     * few account kinds are walked on the (kind, holder, …) key, so no scan of all accounts is needed.
     */
    @Transactional
    public List<Entry> moveHolder(String fromHolder, String toHolder, String referencePrefix) {
        if (fromHolder.equals(toHolder)) throw new InvalidInput("toHolder", "the same holder");
        var accounts = jdbc.sql("""
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
                .param("holder", fromHolder)
                .query(Ledger::account)
                .list();
        var entries = new ArrayList<Entry>();
        for (var source : accounts) {
            var key = source.key();
            var target = account(new AccountKey(key.kind(), toHolder, key.scope(), key.unit()), source.merchantId(),
                    source.mayGoNegative());
            entries.add(post(referencePrefix + ":" + source.id(), "合并转入 " + toHolder, source.merchantId(),
                    List.of(new Posting(source.id(), -source.balance()), new Posting(target.id(), source.balance()))));
        }
        return entries;
    }

    /** An entry for {@link #postAll}: what {@link #post} takes, plus when it happened (for history brought in). */
    public record NewEntry(String reference, String description, @Nullable UUID merchantId, Instant at,
            List<Posting> postings) {}

    /**
     * Posts many entries at once with batched inserts (history brought in, demo data): each reference once, as
     * {@link #post} does, and each account's balance moved once by the sum of its postings, with the same refusal
     * to take an account below zero (the whole batch then fails). Returns how many entries were new.
     */
    @Transactional
    public int postAll(List<NewEntry> entries) {
        var ids = new ArrayList<UUID>(entries.size());
        for (var entry : entries) {
            validate(entry.reference(), entry.postings());
            ids.add(Ids.next());
        }
        var indexes = IntStream.range(0, entries.size()).boxed().toList();
        template.batchUpdate("""
                insert into ledger_entry (id, reference, description, merchant_id, created_at)
                values (?, ?, ?, ?, ?) on conflict (reference) do nothing
                """, indexes, 5000, (ps, i) -> {
            var entry = entries.get(i);
            ps.setObject(1, ids.get(i));
            ps.setString(2, entry.reference());
            ps.setString(3, entry.description());
            ps.setObject(4, entry.merchantId());
            ps.setTimestamp(5, Timestamp.from(entry.at()));
        });
        // batched inserts are rewritten into multi-row ones that report no per-row counts: an entry is new when the
        // id given to it is the one stored (a reference posted before keeps its earlier id)
        var stored = new HashSet<UUID>();
        for (int from = 0; from < ids.size(); from += 10_000) {
            var chunk = ids.subList(from, Math.min(from + 10_000, ids.size())).toArray(UUID[]::new);
            stored.addAll(jdbc.sql("select id from ledger_entry where id = any(:ids)")
                    .param("ids", chunk)
                    .query(UUID.class).list());
        }
        record Line(UUID entryId, NewEntry entry, Posting posting) {}
        var lines = new ArrayList<Line>();
        var deltas = new TreeMap<UUID, Long>();
        for (int i = 0; i < entries.size(); i++) {
            if (!stored.contains(ids.get(i))) continue;
            var entry = entries.get(i);
            for (var posting : entry.postings()) {
                lines.add(new Line(ids.get(i), entry, posting));
                deltas.merge(posting.accountId(), posting.amount(), Math::addExact);
            }
        }
        int fresh = stored.size();
        for (var delta : deltas.entrySet()) {
            if (delta.getValue() == 0) continue;
            int moved = jdbc.sql("""
                            update ledger_account set balance = balance + :amount
                            where id = :id and (may_go_negative or balance + :amount >= 0)
                            """)
                    .param("amount", delta.getValue())
                    .param("id", delta.getKey())
                    .update();
            if (moved == 0) {
                throw new Problem(HttpStatus.CONFLICT, "insufficient-balance", "a batch would overdraw an account");
            }
        }
        template.batchUpdate("""
                insert into ledger_posting (entry_id, account_id, amount, merchant_id, created_at)
                values (?, ?, ?, ?, ?)
                """, lines, 10_000, (ps, line) -> {
            ps.setObject(1, line.entryId());
            ps.setObject(2, line.posting().accountId());
            ps.setLong(3, line.posting().amount());
            ps.setObject(4, line.entry().merchantId());
            ps.setTimestamp(5, Timestamp.from(line.entry().at()));
        });
        return fresh;
    }

    @Transactional(readOnly = true)
    public Optional<Entry> entry(String reference) {
        return jdbc.sql("select id, reference, description, created_at from ledger_entry where reference = :r")
                .param("r", reference)
                .query((rs, row) -> new Entry(rs.getObject("id", UUID.class), rs.getString("reference"),
                        rs.getString("description"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        postingsOf(rs.getObject("id", UUID.class)), false))
                .optional();
    }

    /** An account's postings, newest first, with the entries' references and descriptions. */
    @Transactional(readOnly = true)
    public List<Line> history(UUID accountId, int limit) {
        return jdbc.sql("""
                        select e.reference, e.description, p.amount, p.created_at
                        from ledger_posting p join ledger_entry e on e.id = p.entry_id
                        where p.account_id = :account order by p.created_at desc, e.id desc limit :limit
                        """)
                .param("account", accountId)
                .param("limit", limit)
                .query((rs, row) -> new Line(rs.getString("reference"), rs.getString("description"),
                        rs.getLong("amount"), rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    public record Line(String reference, String description, long amount, Instant at) {}

    /** The sum of an account's postings made in {@code [from, to)}: what moved through it in that period. */
    @Transactional(readOnly = true)
    public long movement(UUID accountId, Instant from, Instant to) {
        return jdbc.sql("""
                        select coalesce(sum(amount), 0) from ledger_posting
                        where account_id = :account and created_at >= :from and created_at < :to
                        """)
                .param("account", accountId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(Long.class)
                .single();
    }

    /** Recomputes every balance from the journal and checks every entry sums to zero. */
    @Transactional(readOnly = true)
    public Reconciliation reconcile() {
        long started = System.nanoTime();
        var differences = jdbc.sql("""
                        select a.id, a.balance, coalesce(p.total, 0) as journal
                        from ledger_account a
                        left join (select account_id, sum(amount) as total from ledger_posting group by account_id) p
                               on p.account_id = a.id
                        where a.balance <> coalesce(p.total, 0)
                        """)
                .query((rs, row) -> new Reconciliation.Difference(rs.getObject("id", UUID.class), rs.getLong("balance"),
                        rs.getLong("journal")))
                .list();
        var unbalanced = jdbc.sql("select entry_id from ledger_posting group by entry_id having sum(amount) <> 0")
                .query(UUID.class)
                .list();
        long accounts = jdbc.sql("select count(*) from ledger_account").query(Long.class).single();
        long entries = jdbc.sql("select count(*) from ledger_entry").query(Long.class).single();
        long postings = jdbc.sql("select count(*) from ledger_posting").query(Long.class).single();
        return new Reconciliation(accounts, entries, postings, differences, unbalanced,
                (System.nanoTime() - started) / 1_000_000);
    }

    private List<Posting> postingsOf(UUID entryId) {
        return jdbc.sql("select account_id, amount from ledger_posting where entry_id = :e order by account_id")
                .param("e", entryId)
                .query((rs, row) -> new Posting(rs.getObject("account_id", UUID.class), rs.getLong("amount")))
                .list();
    }

    private static void validate(String reference, List<Posting> postings) {
        if (reference.isBlank() || reference.length() > 200) throw new InvalidInput("reference", "1 to 200 characters");
        if (postings.size() < 2) throw new InvalidInput("postings", "an entry moves value between two accounts or more");
        long sum = 0;
        var accounts = new HashSet<UUID>();
        for (var posting : postings) {
            if (posting.amount() == 0) throw new InvalidInput("postings", "a posting moves something");
            if (!accounts.add(posting.accountId())) throw new InvalidInput("postings", "one posting per account");
            sum = Math.addExact(sum, posting.amount());
        }
        if (sum != 0) throw new InvalidInput("postings", "an entry's postings must sum to zero");
    }

    private static Entry asReplay(Entry entry) {
        return new Entry(entry.id(), entry.reference(), entry.description(), entry.createdAt(), entry.postings(), true);
    }

    static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getObject("id", UUID.class), new AccountKey(rs.getString("kind"), rs.getString("holder"),
                rs.getString("scope"), rs.getString("unit")), rs.getObject("merchant_id", UUID.class),
                rs.getBoolean("may_go_negative"), rs.getLong("balance"));
    }
}
