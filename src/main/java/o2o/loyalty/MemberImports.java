package o2o.loyalty;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.identity.Customers;
import o2o.loyalty.persistence.Memberships;
import o2o.loyalty.persistence.PointsLotRows;
import o2o.loyalty.persistence.PointsLotRows.NewLot;
import o2o.identity.StaffPrincipal;
import o2o.ledger.Ledger;
import o2o.ledger.Posting;
import o2o.shared.CustomerId;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.Page;
import o2o.shared.Problem;
import o2o.wallet.StoredValue;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The module's API for importing a merchant's existing members (see {@link MemberImportFile} for the file). Each row
 * runs in a transaction of its own that first claims the card ({@code member_import_card}, unique per merchant and
 * card number), so importing the same file again, or twice at the same moment, finds each card claimed and changes
 * nothing. A claimed row finds or registers the customer by phone (never a second customer for a phone), binds the
 * card, joins the membership (channel {@code import}), issues the points from the merchant's ISSUED account with a
 * lot, and puts the balance into stored value principal.
 */
@Service
public class MemberImports {

    /** The most an import file may hold: 50,000 rows in 5 MB. */
    public static final int MAX_ROWS = MemberImportFile.MAX_ROWS;
    public static final int MAX_BYTES = MemberImportFile.MAX_BYTES;


    private static final String SUMMARY = """
            select id, merchant_id, file_name, created_at, total_rows, imported, merged, unchanged, rejected
            from member_import""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Memberships memberships;
    private final PointsLotRows lotRows;
    private final TransactionTemplate transactions;
    private final Customers customers;
    private final Loyalty loyalty;
    private final Ledger ledger;
    private final StoredValue storedValue;
    private final Clock clock;

    MemberImports(JdbcClient jdbc, JdbcTemplate template, Memberships memberships, PointsLotRows lotRows,
            PlatformTransactionManager transactions, Customers customers,
            Loyalty loyalty, Ledger ledger, StoredValue storedValue, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.memberships = memberships;
        this.lotRows = lotRows;
        this.transactions = new TransactionTemplate(transactions);
        this.customers = customers;
        this.loyalty = loyalty;
        this.ledger = ledger;
        this.storedValue = storedValue;
        this.clock = clock;
    }

    private enum Outcome { IMPORTED, MERGED, UNCHANGED }

    private static final class RowRejected extends RuntimeException {

        private final String reason;

        RowRejected(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }
    }

    /** Imports a CSV file for the staff member's merchant (owners and managers) and keeps its report. */
    public MemberImport run(StaffPrincipal staff, @Nullable String fileName, byte[] csv) {
        var merchantId = staff.merchantId();
        if (merchantId == null || !staff.role().manages()) throw Problem.forbidden("only owners and managers import members");
        if (fileName != null && fileName.length() > 200) throw new InvalidInput("fileName", "at most 200 characters");
        var file = MemberImportFile.parse(csv);
        var importId = Ids.next();
        var program = loyalty.programOf(merchantId);
        var issued = ledger.account(Loyalty.issuedKey(program, merchantId), merchantId, true).id();
        int imported = 0;
        int merged = 0;
        int unchanged = 0;
        var rejections = new ArrayList<>(file.rejections());
        for (var row : file.rows()) {
            try {
                var outcome = transactions.execute(tx -> importRow(merchantId, importId, program, issued, row));
                switch (outcome) {
                    case IMPORTED -> imported++;
                    case MERGED -> merged++;
                    case UNCHANGED -> unchanged++;
                    case null -> throw new IllegalStateException();
                }
            } catch (RowRejected rejected) {
                rejections.add(new MemberImportFile.Rejection(row.line(), row.card().value(), rejected.reason));
            }
        }
        rejections.sort((a, b) -> Integer.compare(a.line(), b.line()));
        record(merchantId, staff.staffId(), importId, fileName, file.total(), imported, merged, unchanged, rejections);
        return report(merchantId, importId).orElseThrow();
    }

    private Outcome importRow(UUID merchantId, UUID importId, UUID program, UUID issued, MemberImportFile.Row row) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        int claimed = jdbc.sql("""
                        insert into member_import_card (merchant_id, card_number, phone, import_id, points,
                                                        balance_minor, imported_at)
                        values (:merchant, :card, :phone, :import, :points, :balance, :now) on conflict do nothing
                        """)
                .param("merchant", merchantId).param("card", row.card().value()).param("phone", row.phone().value())
                .param("import", importId).param("points", row.points()).param("balance", row.balanceMinor())
                .param("now", now)
                .update();
        if (claimed == 0) {
            var phone = jdbc.sql("select phone from member_import_card where merchant_id = :merchant and card_number = :card")
                    .param("merchant", merchantId).param("card", row.card().value()).query(String.class).single();
            if (phone.equals(row.phone().value())) return Outcome.UNCHANGED;
            throw new RowRejected("card-bound-to-another-phone");
        }
        boolean known = customers.byPhone(row.phone()).isPresent();
        var customer = customers.findOrRegister(row.phone()).customerId();
        try {
            customers.bindCard(new MerchantId(merchantId), row.card(), new CustomerId(customer));
        } catch (Problem problem) {
            if (problem.status().value() == 409) throw new RowRejected("card-bound-to-another-phone");
            throw problem;
        }
        memberships.insertImported(new Membership(merchantId, customer, program, "import", now.toInstant()), row.name());
        var reference = "import:" + merchantId + ":" + row.card().value();
        if (row.points() > 0) {
            var member = ledger.account(Loyalty.memberKey(program, customer), merchantId, false).id();
            ledger.post(reference + ":points", "导入积分", merchantId,
                    List.of(new Posting(issued, -row.points()), new Posting(member, row.points())));
            lotRows.insert(new NewLot(program, merchantId, customer, reference + ":points", row.points(),
                    now.toInstant(), ExpiryPolicy.END_OF_NEXT_YEAR.expiryOf(clock.instant())));
        }
        if (row.balanceMinor() > 0) {
            storedValue.importBalance(new MerchantId(merchantId), new CustomerId(customer),
                    Money.cny(row.balanceMinor()), reference + ":balance");
        }
        return known ? Outcome.MERGED : Outcome.IMPORTED;
    }

    private void record(UUID merchantId, UUID staffId, UUID importId, @Nullable String fileName, int rows, int imported,
            int merged, int unchanged, List<MemberImportFile.Rejection> rejections) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("""
                            insert into member_import (id, merchant_id, staff_id, file_name, created_at, total_rows,
                                                       imported, merged, unchanged, rejected)
                            values (:id, :merchant, :staff, :file, :now, :rows, :imported, :merged, :unchanged, :rejected)
                            """)
                    .param("id", importId).param("merchant", merchantId).param("staff", staffId).param("file", fileName)
                    .param("now", clock.instant().atOffset(ZoneOffset.UTC)).param("rows", rows)
                    .param("imported", imported).param("merged", merged).param("unchanged", unchanged)
                    .param("rejected", rejections.size())
                    .update();
            template.batchUpdate("""
                    insert into member_import_rejection (import_id, merchant_id, line_no, card_number, reason)
                    values (?, ?, ?, ?, ?)
                    """, rejections, 5000, (ps, rejection) -> {
                ps.setObject(1, importId);
                ps.setObject(2, merchantId);
                ps.setInt(3, rejection.line());
                ps.setString(4, rejection.cardNumber());
                ps.setString(5, rejection.reason());
            });
        });
    }

    /** An import of this merchant with its rejected rows; empty for another merchant's import. */
    @Transactional(readOnly = true)
    public Optional<MemberImport> report(UUID merchantId, UUID importId) {
        var rejections = jdbc.sql("""
                        select line_no, card_number, reason from member_import_rejection
                        where import_id = :id and merchant_id = :merchant order by line_no
                        """)
                .param("id", importId).param("merchant", merchantId)
                .query((rs, row) -> new MemberImport.Rejected(rs.getInt(1), rs.getString(2), rs.getString(3)))
                .list();
        return jdbc.sql(SUMMARY + " where id = :id and merchant_id = :merchant")
                .param("id", importId).param("merchant", merchantId)
                .query((rs, row) -> summary(rs, rejections))
                .optional();
    }

    /** A merchant's imports, newest first, without their rejected rows. */
    @Transactional(readOnly = true)
    public Page<MemberImport> list(UUID merchantId, @Nullable String cursor, int limit) {
        UUID before = null;
        if (cursor != null) {
            try {
                before = UUID.fromString(cursor);
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("cursor", "not a cursor from this list");
            }
        }
        var rows = jdbc.sql(SUMMARY + """
                         where merchant_id = :merchant and (cast(:before as uuid) is null or id < cast(:before as uuid))
                        order by id desc limit :limit""")
                .param("merchant", merchantId).param("before", before == null ? null : before.toString())
                .param("limit", limit + 1)
                .query((rs, row) -> summary(rs, List.of()))
                .list();
        return rows.size() > limit
                ? new Page<>(rows.subList(0, limit), rows.get(limit - 1).id().toString())
                : new Page<>(rows, null);
    }

    private static MemberImport summary(ResultSet rs, List<MemberImport.Rejected> rejections)
            throws SQLException {
        return new MemberImport(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                rs.getString("file_name"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getInt("total_rows"), rs.getInt("imported"), rs.getInt("merged"), rs.getInt("unchanged"),
                rs.getInt("rejected"), rejections);
    }
}
