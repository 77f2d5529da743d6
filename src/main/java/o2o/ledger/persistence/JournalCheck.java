package o2o.ledger.persistence;

import java.util.UUID;

import o2o.ledger.Reconciliation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The journal recomputed in SQL: balances against the sums of their postings, and entries that do not balance. */
@Repository
public class JournalCheck {

    private final JdbcClient jdbc;

    JournalCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

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
}
