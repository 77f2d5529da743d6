package o2o.loyalty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import o2o.identity.StaffPrincipal;
import o2o.ledger.AccountKey;
import o2o.ledger.Ledger;
import o2o.merchants.Merchant;
import o2o.merchants.Merchants;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who owes whom in a shared program: per merchant, the points it issued and the points accepted at it in a period,
 * read from the ledger's postings on its ISSUED and REDEEMED accounts. In points, and in money at the redemption
 * rate members spend them at.
 */
@Service
public class Settlement {

    private final Ledger ledger;
    private final PointsProgram programs;
    private final PointsSpending spending;
    private final Merchants merchants;

    Settlement(Ledger ledger, PointsProgram programs, PointsSpending spending, Merchants merchants) {
        this.ledger = ledger;
        this.programs = programs;
        this.spending = spending;
        this.merchants = merchants;
    }

    /** The report of the program the staff member's merchant owns (its owners and managers only). */
    @Transactional
    public SettlementReport forOwner(StaffPrincipal staff, Instant from, Instant to) {
        return report(programs.ownedProgram(staff), from, to);
    }

    /** The report of any program, for the operator. */
    @Transactional(readOnly = true)
    public SettlementReport report(UUID programId, Instant from, Instant to) {
        if (!from.isBefore(to)) throw new InvalidInput("to", "must be after from");
        var rules = programs.rules(programId);
        int rate = spending.rules(programId).pointsPerYuanOff();
        var lines = new ArrayList<SettlementReport.Line>();
        for (var merchant : rules.merchantIds()) {
            long issued = -movement(new AccountKey("ISSUED", "merchant:" + merchant, "program:" + programId, "PTS"),
                    from, to);
            long redeemed = movement(new AccountKey("REDEEMED", "merchant:" + merchant, "program:" + programId, "PTS"),
                    from, to);
            var name = merchants.find(merchant).map(Merchant::name).orElse("");
            lines.add(new SettlementReport.Line(merchant, name, issued, redeemed, issued - redeemed));
        }
        return new SettlementReport(programId, from, to, rate, lines, transfers(lines, rate));
    }

    /** Pairs those who owe with those who are owed, largest first, until every net is settled. */
    static List<SettlementReport.Transfer> transfers(List<SettlementReport.Line> lines, int pointsPerYuanOff) {
        var debtors = new ArrayList<long[]>();
        var creditors = new ArrayList<long[]>();
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            if (line.net() > 0) debtors.add(new long[] {i, line.net()});
            if (line.net() < 0) creditors.add(new long[] {i, -line.net()});
        }
        Comparator<long[]> largestFirst = Comparator.comparingLong((long[] a) -> a[1]).reversed();
        debtors.sort(largestFirst);
        creditors.sort(largestFirst);
        var transfers = new ArrayList<SettlementReport.Transfer>();
        int d = 0;
        int c = 0;
        while (d < debtors.size() && c < creditors.size()) {
            long points = Math.min(debtors.get(d)[1], creditors.get(c)[1]);
            var debtor = lines.get((int) debtors.get(d)[0]);
            var creditor = lines.get((int) creditors.get(c)[0]);
            transfers.add(new SettlementReport.Transfer(debtor.merchantId(), debtor.name(), creditor.merchantId(),
                    creditor.name(), points, worth(points, pointsPerYuanOff)));
            debtors.get(d)[1] -= points;
            creditors.get(c)[1] -= points;
            if (debtors.get(d)[1] == 0) d++;
            if (creditors.get(c)[1] == 0) c++;
        }
        return transfers;
    }

    /** Points in money at the redemption rate, to the fen (rounded toward zero, as a checkout would). */
    static Money worth(long points, int pointsPerYuanOff) {
        return new Money(Math.multiplyExact(points, 100L) / pointsPerYuanOff, Money.CNY);
    }

    private long movement(AccountKey key, Instant from, Instant to) {
        return ledger.find(key).map(account -> ledger.movement(account.id(), from, to)).orElse(0L);
    }
}
