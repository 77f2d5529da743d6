package o2o.campaigns;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import o2o.campaigns.persistence.FirstCampaignRows;
import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API for other modules reading attribution (the member profiles): which of a merchant's campaigns
 * first brought each customer, by a paid order or a new membership. Only the merchant's own campaigns count, so a
 * tenant never learns of its group's campaigns, and a group program's owner sees its group campaigns' customers at
 * any merchant of the group.
 */
@Service
public class Attributions {

    private final FirstCampaignRows rows;

    Attributions(FirstCampaignRows rows) {
        this.rows = rows;
    }

    /** For each of these customers attributed to one of the merchant's campaigns, the first; one query. */
    @Transactional(readOnly = true)
    public Map<CustomerId, FirstCampaign> firstCampaignsOf(MerchantId merchant, Collection<CustomerId> customers) {
        var found = new HashMap<CustomerId, FirstCampaign>();
        if (customers.isEmpty()) return found;
        rows.firstOf(merchant.value(), customers.stream().map(CustomerId::value).distinct().toList())
                .forEach(row -> found.put(new CustomerId(row.customer()),
                        new FirstCampaign(row.campaign(), row.name(), row.at())));
        return found;
    }
}
