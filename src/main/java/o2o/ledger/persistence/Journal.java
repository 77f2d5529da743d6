package o2o.ledger.persistence;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import o2o.ledger.Entry;
import o2o.ledger.Ledger;
import o2o.ledger.Posting;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only journal: ledger_entry, unique by reference, and ledger_posting. */
@Repository
public class Journal {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Journal(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** True when the entry is new; false when its reference was posted before (nothing is written then). */
    public boolean append(EntryRow entry) {
        return jdbc.sql("""
                        insert into ledger_entry (id, reference, description, merchant_id, created_at)
                        values (:id, :reference, :description, :merchant, :now)
                        on conflict (reference) do nothing
                        """)
                .param("id", entry.id())
                .param("reference", entry.reference())
                .param("description", entry.description())
                .param("merchant", new SqlParameterValue(Types.OTHER, entry.merchantId()))
                .param("now", Timestamp.from(entry.at()))
                .update() == 1;
    }

    /**
     * Appends many entries with batched inserts and returns the ids of those that are new. Batched inserts are
     * rewritten into multi-row ones that report no per-row counts: an entry is new when the id given to it is the one
     * stored (a reference posted before keeps its earlier id).
     */
    public Set<UUID> appendAll(List<EntryRow> entries) {
        template.batchUpdate("""
                insert into ledger_entry (id, reference, description, merchant_id, created_at)
                values (?, ?, ?, ?, ?) on conflict (reference) do nothing
                """, entries, 5000, (ps, entry) -> {
            ps.setObject(1, entry.id());
            ps.setString(2, entry.reference());
            ps.setString(3, entry.description());
            ps.setObject(4, entry.merchantId());
            ps.setTimestamp(5, Timestamp.from(entry.at()));
        });
        var stored = new HashSet<UUID>();
        for (int from = 0; from < entries.size(); from += 10_000) {
            var chunk = entries.subList(from, Math.min(from + 10_000, entries.size())).stream().map(EntryRow::id)
                    .toArray(UUID[]::new);
            stored.addAll(jdbc.sql("select id from ledger_entry where id = any(:ids)")
                    .param("ids", chunk)
                    .query(UUID.class).list());
        }
        return stored;
    }

    public void appendPostings(List<PostingRow> postings) {
        template.batchUpdate("""
                insert into ledger_posting (entry_id, account_id, amount, merchant_id, created_at)
                values (?, ?, ?, ?, ?)
                """, postings, 10_000, (ps, posting) -> {
            ps.setObject(1, posting.entryId());
            ps.setObject(2, posting.accountId());
            ps.setLong(3, posting.amount());
            ps.setObject(4, posting.merchantId());
            ps.setTimestamp(5, Timestamp.from(posting.at()));
        });
    }

    public Optional<Entry> entry(String reference) {
        return jdbc.sql("select id, reference, description, created_at from ledger_entry where reference = :r")
                .param("r", reference)
                .query((rs, row) -> new Entry(rs.getObject("id", UUID.class), rs.getString("reference"),
                        rs.getString("description"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        postingsOf(rs.getObject("id", UUID.class)), false))
                .optional();
    }

    public List<Ledger.Line> history(UUID accountId, int limit) {
        return jdbc.sql("""
                        select e.reference, e.description, p.amount, p.created_at
                        from ledger_posting p join ledger_entry e on e.id = p.entry_id
                        where p.account_id = :account order by p.created_at desc, e.id desc limit :limit
                        """)
                .param("account", accountId)
                .param("limit", limit)
                .query((rs, row) -> new Ledger.Line(rs.getString("reference"), rs.getString("description"),
                        rs.getLong("amount"), rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }

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

    private List<Posting> postingsOf(UUID entryId) {
        return jdbc.sql("select account_id, amount from ledger_posting where entry_id = :e order by account_id")
                .param("e", entryId)
                .query((rs, row) -> new Posting(rs.getObject("account_id", UUID.class), rs.getLong("amount")))
                .list();
    }
}
