package o2o.campaigns;

import o2o.campaigns.persistence.AttributionRows;
import o2o.campaigns.persistence.ScanRows;
import o2o.identity.CustomersMerged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A merged customer's scans and attributed facts become the target's, so that what the merged customer does next is
 * still the campaign's whose code they scanned; moving them again finds none left to move.
 */
@Component
class CampaignsFollowMergedCustomers {

    private final ScanRows scans;
    private final AttributionRows attributions;

    CampaignsFollowMergedCustomers(ScanRows scans, AttributionRows attributions) {
        this.scans = scans;
        this.attributions = attributions;
    }

    @ApplicationModuleListener
    void on(CustomersMerged merged) {
        scans.moveCustomer(merged.sourceId().value(), merged.targetId().value());
        attributions.moveCustomer(merged.sourceId().value(), merged.targetId().value());
    }
}
