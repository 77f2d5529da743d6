package o2o.malls;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import o2o.ledger.AccountKey;
import o2o.ledger.Ledger;
import o2o.loyalty.Settlement;
import o2o.shared.MerchantId;
import org.springframework.stereotype.Component;

/**
 * What a month comes to between a mall and each tenant merchant: the points from the program's settlement report
 * (issued and accepted on the ledger's ISSUED and REDEEMED accounts), and the mall's dues to the tenant from the
 * ledger's accounts of the shared convention ({@code MALL_COUPON_DUE}, {@code MALL_COLLECTED_DUE}: holder
 * {@code merchant:<tenant>}, scope {@code mall:<mall>}, CNY; what was posted to them in the month, positive when the
 * mall came to owe the tenant more). Accounts nobody has posted to yet count zero.
 */
@Component
class StatementFigures {

    static final String COUPON_DUE = "MALL_COUPON_DUE";
    static final String COLLECTED_DUE = "MALL_COLLECTED_DUE";

    private final Settlement settlement;
    private final Ledger ledger;

    StatementFigures(Settlement settlement, Ledger ledger) {
        this.settlement = settlement;
        this.ledger = ledger;
    }

    /** Each tenant merchant's figures for the month (one read of the program's report for them all). */
    Map<MerchantId, MallStatement.Figures> of(Mall mall, Iterable<MerchantId> tenants, StatementMonth month) {
        var report = settlement.report(mall.programId(), month.from(), month.to());
        var points = new HashMap<UUID, long[]>();
        report.merchants().forEach(line -> points.put(line.merchantId(), new long[] {line.issued(), line.redeemed()}));
        var figures = new HashMap<MerchantId, MallStatement.Figures>();
        for (var tenant : tenants) {
            var issuedAndRedeemed = points.getOrDefault(tenant.value(), new long[] {0, 0});
            figures.put(tenant, new MallStatement.Figures(issuedAndRedeemed[0], issuedAndRedeemed[1],
                    report.pointsPerYuanOff(), due(COUPON_DUE, mall, tenant, month),
                    due(COLLECTED_DUE, mall, tenant, month)));
        }
        return figures;
    }

    /** The account a due of that kind is kept on, by the convention every part of the mall posts to. */
    static AccountKey dueKey(String kind, MallId mall, MerchantId tenant) {
        return new AccountKey(kind, "merchant:" + tenant.value(), "mall:" + mall.value(), "CNY");
    }

    private long due(String kind, Mall mall, MerchantId tenant, StatementMonth month) {
        return ledger.find(dueKey(kind, mall.id(), tenant))
                .map(account -> ledger.movement(account.id(), month.from(), month.to())).orElse(0L);
    }
}
