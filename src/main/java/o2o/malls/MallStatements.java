package o2o.malls;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import o2o.identity.StaffPrincipal;
import o2o.ledger.AccountKey;
import o2o.ledger.Ledger;
import o2o.ledger.Posting;
import o2o.malls.persistence.StatementRows;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Monthly settlement between a mall and its tenants. Closing a month writes one statement per tenant merchant (the
 * unique key on mall, tenant and month makes a second close, or a racing one on another node, write nothing) and
 * records it on the ledger: what the mall owes the tenant goes onto the tenant's {@code MALL_SETTLEMENT} account
 * against the mall's ({@code mall-statement:<id>}); the payout, marked paid once with the transfer's reference, posts
 * it back ({@code mall-payout:<id>}), so a paid statement leaves both accounts as they were.
 */
@Service
public class MallStatements {

    static final String SETTLEMENT = "MALL_SETTLEMENT";
    private static final Logger log = LoggerFactory.getLogger(MallStatements.class);

    private final Malls malls;
    private final StatementFigures figures;
    private final StatementRows rows;
    private final Ledger ledger;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MallStatements(Malls malls, StatementFigures figures, StatementRows rows, Ledger ledger,
            PlatformTransactionManager transactions, Clock clock) {
        this.malls = malls;
        this.figures = figures;
        this.rows = rows;
        this.ledger = ledger;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Closes an ended month of the mall: a statement per tenant merchant, each written and posted once. Answers the
     * month's statements, those of an earlier close included.
     */
    @Transactional
    public List<MallStatement> close(Mall mall, StatementMonth month) {
        month.requireEnded(clock);
        var tenants = malls.tenantMerchants(mall.id()).stream().filter(t -> !t.equals(mall.owner())).toList();
        var byTenant = figures.of(mall, tenants, month);
        var now = clock.instant();
        for (var tenant : tenants) {
            var figure = byTenant.get(tenant);
            rows.insert(Ids.next(), mall.id(), tenant, month, figure, now)
                    .ifPresent(id -> post(mall, tenant, "mall-statement:" + id, "商场月结 " + month,
                            figure.netMinor()));
        }
        return rows.ofMall(mall.id(), month);
    }

    /** The first of the month, on one node. */
    @Scheduled(cron = "${o2o.malls.statement-cron:0 30 1 1 * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "malls.statements", lockAtLeastFor = "PT10M", lockAtMostFor = "PT2H")
    public void closeLastMonthOnSchedule() {
        closeLastMonth();
    }

    /** Closes last month for every mall, each in its own transaction: the job on the first of the month. */
    public int closeLastMonth() {
        var month = StatementMonth.last(clock);
        int closed = 0;
        for (var mall : malls.all()) {
            try {
                transactions.executeWithoutResult(status -> close(mall, month));
                closed++;
            } catch (RuntimeException e) {
                log.warn("Closing {} of mall {} failed; the operator can close it from the console", month,
                        mall.id(), e);
            }
        }
        return closed;
    }

    /** The mall's statements of a month (none before it is closed). */
    @Transactional(readOnly = true)
    public List<MallStatement> of(Mall mall, StatementMonth month) {
        return rows.ofMall(mall.id(), month);
    }

    /** One of the mall's statements; another mall's is not found. */
    @Transactional(readOnly = true)
    public MallStatement get(Mall mall, UUID id) {
        return rows.find(id).filter(s -> s.mall().equals(mall.id()))
                .orElseThrow(() -> Problem.notFound("mall statement"));
    }

    /**
     * Marks the statement's payout paid with the reference of the transfer, once: a second call (or the loser of a
     * race) is a 409 {@code mall-payout-paid} and changes nothing. Posts the entry that settles what the statement
     * recorded.
     */
    @Transactional
    public MallStatement pay(Mall mall, UUID id, String reference) {
        var trimmed = reference.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) throw new InvalidInput("reference", "1 to 100 characters");
        var statement = get(mall, id);
        if (!rows.markPaid(id, trimmed, clock.instant())) {
            throw new Problem(HttpStatus.CONFLICT, "mall-payout-paid", "this statement has been paid");
        }
        post(mall, statement.tenant(), "mall-payout:" + id, "商场结算付款 " + trimmed, -statement.netMinor());
        return get(mall, id);
    }

    /** The statements of every mall the staff member's merchant rents in, newest first (its owners and managers). */
    @Transactional(readOnly = true)
    public List<MallStatement> ofTenant(StaffPrincipal staff) {
        if (staff.merchantId() == null || !staff.role().manages()) {
            throw Problem.forbidden("only a tenant's owners and managers");
        }
        return rows.ofTenant(new MerchantId(staff.merchantId()), 240);
    }

    /** The account of what the mall owes this holder (a tenant, or the mall's own merchant against them all). */
    static AccountKey settlementKey(MallId mall, MerchantId holder) {
        return new AccountKey(SETTLEMENT, "merchant:" + holder.value(), "mall:" + mall.value(), "CNY");
    }

    private void post(Mall mall, MerchantId tenant, String reference, String description, long owedToTenant) {
        if (owedToTenant == 0) return;
        var tenantAccount = ledger.account(settlementKey(mall.id(), tenant), tenant.value(), true);
        var mallAccount = ledger.account(settlementKey(mall.id(), mall.owner()), mall.owner().value(), true);
        ledger.post(reference, description, mall.owner().value(), List.of(
                new Posting(tenantAccount.id(), owedToTenant), new Posting(mallAccount.id(), -owedToTenant)));
    }
}
