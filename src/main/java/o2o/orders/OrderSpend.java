package o2o.orders;

import java.util.List;

import o2o.orders.persistence.SpendRows;
import o2o.shared.MerchantId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What customers paid a merchant (or a group's merchants), each over a window of their own: for measuring a campaign member by member from
 * the moment it reached them.
 */
@Service
public class OrderSpend {

    private final SpendRows rows;

    OrderSpend(SpendRows rows) {
        this.rows = rows;
    }

    /**
     * The customers who paid any of these merchants (one, or a group's) anything in their window, with what they
     * paid; the others are absent.
     */
    @Transactional(readOnly = true)
    public List<CustomerSpend> within(java.util.Collection<MerchantId> merchants, List<SpendWindow> windows) {
        return rows.within(merchants, windows);
    }
}
