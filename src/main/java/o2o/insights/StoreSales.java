package o2o.insights;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import o2o.insights.persistence.StoreSalesRows;
import o2o.shared.MerchantId;
import o2o.shared.StoreId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Several merchants' sales by store and channel over a period of days (Asia/Shanghai), read from the daily rollups
 * in one query: for a mall's dashboard over its tenants. A sale for no store in particular (a deal's order) has
 * {@link #NO_STORE}; refunds count on the day they happen.
 */
@Service
public class StoreSales {

    public static final StoreId NO_STORE = new StoreId(o2o.insights.persistence.Rollups.NO_STORE);

    /** A merchant's store's sales on one channel: orders, gross and refunded, in minor units. */
    public record Row(MerchantId merchant, StoreId store, SalesChannel channel, long orders, long grossMinor,
            long refundedMinor) {

        public long netMinor() {
            return grossMinor - refundedMinor;
        }
    }

    private final StoreSalesRows rows;

    StoreSales(StoreSalesRows rows) {
        this.rows = rows;
    }

    @Transactional(readOnly = true)
    public List<Row> of(Collection<MerchantId> merchants, Period period) {
        if (merchants.isEmpty()) return List.of();
        return rows.of(merchants, period.from(), period.to());
    }

    /** As {@link #of(Collection, Period)}, for the days from and to (both included). */
    @Transactional(readOnly = true)
    public List<Row> of(Collection<MerchantId> merchants, LocalDate from, LocalDate to) {
        return of(merchants, new Period(from, to));
    }
}
