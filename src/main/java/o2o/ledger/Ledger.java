package o2o.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import o2o.ledger.persistence.Journal;
import o2o.ledger.persistence.EntryRow;
import o2o.ledger.persistence.PostingRow;
import o2o.ledger.persistence.JournalCheck;
import o2o.ledger.persistence.LedgerAccounts;
import o2o.shared.AfterTransaction;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The module's API: open accounts, post balanced entries exactly once, read balances and history, reconcile. */
@Service
public class Ledger {

    private final LedgerAccounts accounts;
    private final Journal journal;
    private final JournalCheck check;
    private final Clock clock;
    private final Cache<AccountKey, UUID> ids = Caffeine.newBuilder().maximumSize(50_000).build();

    Ledger(LedgerAccounts accounts, Journal journal, JournalCheck check, Clock clock) {
        this.accounts = accounts;
        this.journal = journal;
        this.check = check;
        this.clock = clock;
    }

    /** The account with this key, opened on first use (looked up first: nearly every call finds it). */
    @Transactional
    public Account account(AccountKey key, @Nullable UUID merchantId, boolean mayGoNegative) {
        var existing = accounts.find(key);
        if (existing.isPresent()) return existing.get();
        accounts.open(key, merchantId, mayGoNegative, clock.instant());
        return accounts.find(key).orElseThrow();
    }

    /**
     * The id of the account with this key, opened on first use: for a posting, which needs no balance. An account
     * keeps its id for good (none is ever closed), so the id is remembered on the node once the transaction that
     * found or opened the account has committed; most earnings then read no account at all.
     */
    @Transactional
    public UUID accountId(AccountKey key, @Nullable UUID merchantId, boolean mayGoNegative) {
        var known = ids.getIfPresent(key);
        if (known != null) return known;
        var id = account(key, merchantId, mayGoNegative).id();
        AfterTransaction.committed(() -> ids.put(key, id));
        return id;
    }

    /**
     * Opens (or finds) many accounts of one kind, scope and unit at once, one per holder, with batched inserts;
     * returns their ids by holder.
     */
    @Transactional
    public Map<String, UUID> accounts(String kind, String scope, String unit, Collection<String> holders,
            @Nullable UUID merchantId, boolean mayGoNegative) {
        for (var holder : holders) new AccountKey(kind, holder, scope, unit);
        return accounts.openAll(kind, scope, unit, holders, merchantId, mayGoNegative, clock.instant());
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(AccountKey key) {
        return accounts.find(key);
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(UUID accountId) {
        return accounts.find(accountId);
    }

    /** The accounts of one kind that one holder (e.g. {@code customer:<id>}) has, oldest first. */
    @Transactional(readOnly = true)
    public List<Account> accountsHeldBy(String kind, String holder) {
        return accounts.heldBy(kind, holder);
    }

    /**
     * Posts an entry once. If the reference was posted before, nothing is posted and the earlier entry is returned
     * ({@code replayed}). Accounts are updated in id order, each with one conditional statement, so concurrent
     * entries neither deadlock nor take an account below zero: such an entry fails whole with 409.
     */
    @Transactional
    public Entry post(String reference, String description, @Nullable UUID merchantId, List<Posting> postings) {
        var ordered = new BalancedPostings(reference, postings).inAccountOrder();
        var row = new EntryRow(Ids.next(), reference, description, merchantId, clock.instant());
        if (!journal.append(row)) return entry(reference).map(Entry::asReplay).orElseThrow();
        for (var posting : ordered) {
            if (!accounts.move(posting.accountId(), posting.amount())) {
                throw Overdraft.of(accounts.find(posting.accountId())
                        .orElseThrow(() -> new InvalidInput("accountId", "no such account")));
            }
        }
        journal.appendPostings(ordered.stream()
                .map(p -> new PostingRow(row.id(), p.accountId(), p.amount(), merchantId, row.at())).toList());
        return new Entry(row.id(), reference, description, row.at(), ordered, false);
    }

    /**
     * Moves everything a holder has to another holder: for every account of {@code fromHolder} with a non-zero
     * balance, one transfer entry (reference {@code <referencePrefix>:<accountId>}) to the account with the same
     * kind, scope and unit of {@code toHolder}, opened like the source if missing. The journal is only appended to;
     * moving again posts nothing twice. The source accounts are locked first, so a posting racing the move waits.
     */
    @Transactional
    public List<Entry> moveHolder(String fromHolder, String toHolder, String referencePrefix) {
        if (fromHolder.equals(toHolder)) throw new InvalidInput("toHolder", "the same holder");
        var entries = new ArrayList<Entry>();
        for (var source : accounts.lockNonZeroHeldBy(fromHolder)) {
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
        var rows = new ArrayList<EntryRow>(entries.size());
        for (var entry : entries) {
            new BalancedPostings(entry.reference(), entry.postings());
            rows.add(new EntryRow(Ids.next(), entry.reference(), entry.description(), entry.merchantId(), entry.at()));
        }
        var stored = journal.appendAll(rows);
        var postings = new ArrayList<PostingRow>();
        var moves = new BalanceMoves();
        for (int i = 0; i < entries.size(); i++) {
            var row = rows.get(i);
            if (!stored.contains(row.id())) continue;
            for (var posting : entries.get(i).postings()) {
                postings.add(new PostingRow(row.id(), posting.accountId(), posting.amount(), row.merchantId(),
                        row.at()));
                moves.add(posting);
            }
        }
        moves.nonZero().forEach((account, amount) -> {
            if (!accounts.move(account, amount)) throw Overdraft.ofBatch();
        });
        journal.appendPostings(postings);
        return stored.size();
    }

    @Transactional(readOnly = true)
    public Optional<Entry> entry(String reference) {
        return journal.entry(reference);
    }

    /** An account's postings, newest first, with the entries' references and descriptions. */
    @Transactional(readOnly = true)
    public List<Line> history(UUID accountId, int limit) {
        return journal.history(accountId, limit);
    }

    public record Line(String reference, String description, long amount, Instant at) {}

    /** The sum of an account's postings made in {@code [from, to)}: what moved through it in that period. */
    @Transactional(readOnly = true)
    public long movement(UUID accountId, Instant from, Instant to) {
        return journal.movement(accountId, from, to);
    }

    /** Recomputes every balance from the journal and checks every entry sums to zero. */
    @Transactional(readOnly = true)
    public Reconciliation reconcile() {
        return check.reconcile();
    }
}
