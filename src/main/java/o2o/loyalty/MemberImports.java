package o2o.loyalty;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import o2o.identity.Customers;
import o2o.identity.StaffPrincipal;
import o2o.ledger.Ledger;
import o2o.ledger.Posting;
import o2o.loyalty.persistence.MemberImportRows;
import o2o.loyalty.persistence.MemberImportRows.ClaimedCard;
import o2o.loyalty.persistence.MemberImportRows.NewImport;
import o2o.loyalty.persistence.Memberships;
import o2o.loyalty.persistence.PointsLotRows;
import o2o.loyalty.persistence.PointsLotRows.NewLot;
import o2o.shared.CustomerId;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.Page;
import o2o.shared.Problem;
import o2o.wallet.StoredValue;
import org.jspecify.annotations.Nullable;
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

    private final MemberImportRows rows;
    private final Memberships memberships;
    private final PointsLotRows lotRows;
    private final TransactionTemplate transactions;
    private final Customers customers;
    private final Loyalty loyalty;
    private final Ledger ledger;
    private final StoredValue storedValue;
    private final Clock clock;

    MemberImports(MemberImportRows rows, Memberships memberships, PointsLotRows lotRows,
            PlatformTransactionManager transactions, Customers customers,
            Loyalty loyalty, Ledger ledger, StoredValue storedValue, Clock clock) {
        this.rows = rows;
        this.memberships = memberships;
        this.lotRows = lotRows;
        this.transactions = new TransactionTemplate(transactions);
        this.customers = customers;
        this.loyalty = loyalty;
        this.ledger = ledger;
        this.storedValue = storedValue;
        this.clock = clock;
    }

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
        var tally = new MemberImportTally(file.rejections());
        for (var row : file.rows()) {
            try {
                var outcome = transactions.execute(tx -> importRow(merchantId, importId, program, issued, row));
                tally.count(Objects.requireNonNull(outcome));
            } catch (RowRejected rejected) {
                tally.reject(row.line(), row.card().value(), rejected.reason);
            }
        }
        var run = new NewImport(importId, merchantId, staff.staffId(), fileName, clock.instant(), file.total(),
                tally.imported(), tally.merged(), tally.unchanged());
        transactions.executeWithoutResult(tx -> rows.insert(run, tally.rejections()));
        return report(new MerchantId(merchantId), importId).orElseThrow();
    }

    private MemberImportTally.Outcome importRow(UUID merchantId, UUID importId, UUID program, UUID issued,
            MemberImportFile.Row row) {
        var now = clock.instant();
        var card = row.card().value();
        if (!rows.claim(new ClaimedCard(merchantId, card, row.phone().value(), importId, row.points(),
                row.balanceMinor(), now))) {
            if (rows.phoneOfClaimed(merchantId, card).equals(row.phone().value())) return MemberImportTally.Outcome.UNCHANGED;
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
        memberships.insertImported(new Membership(merchantId, customer, program, "import", now), row.name());
        var reference = "import:" + merchantId + ":" + card;
        if (row.points() > 0) {
            var member = ledger.account(Loyalty.memberKey(program, customer), merchantId, false).id();
            ledger.post(reference + ":points", "导入积分", merchantId,
                    List.of(new Posting(issued, -row.points()), new Posting(member, row.points())));
            lotRows.insert(new NewLot(program, merchantId, customer, reference + ":points", row.points(),
                    now, ExpiryPolicy.END_OF_NEXT_YEAR.expiryOf(clock.instant())));
        }
        if (row.balanceMinor() > 0) {
            storedValue.importBalance(new MerchantId(merchantId), new CustomerId(customer),
                    Money.cny(row.balanceMinor()), reference + ":balance");
        }
        return known ? MemberImportTally.Outcome.MERGED : MemberImportTally.Outcome.IMPORTED;
    }

    /** An import of this merchant with its rejected rows; empty for another merchant's import. */
    @Transactional(readOnly = true)
    public Optional<MemberImport> report(MerchantId merchant, UUID importId) {
        return rows.report(merchant.value(), importId);
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
        var listed = rows.list(merchantId, before, limit + 1);
        return listed.size() > limit
                ? new Page<>(listed.subList(0, limit), listed.get(limit - 1).id().toString())
                : new Page<>(listed, null);
    }
}
