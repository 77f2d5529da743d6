package o2o.campaigns;

import java.util.UUID;

import o2o.deals.Deals;
import o2o.identity.StaffAccounts;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.StoreId;
import org.springframework.stereotype.Component;

/** Asks the modules that own them whether a code's store, staff member and deal are the merchant's. */
@Component
class CodeTargets {

    private final Stores stores;
    private final StaffAccounts staffAccounts;
    private final Deals deals;

    CodeTargets(Stores stores, StaffAccounts staffAccounts, Deals deals) {
        this.stores = stores;
        this.staffAccounts = staffAccounts;
        this.deals = deals;
    }

    /** The landing page's object (the deal, or the store), each named thing checked to be the merchant's. */
    UUID landingObject(StaffPrincipal staff, NewTrackingCode request) {
        var merchant = Campaigns.managedMerchant(staff);
        if (request.storeId() != null && stores.find(request.storeId())
                .filter(s -> staff.canActIn(new MerchantId(s.merchantId()), new StoreId(s.id())))
                .isEmpty()) {
            throw new InvalidInput("storeId", "not a store of this merchant", "input.campaigns.not-our-store");
        }
        if (request.staffId() != null && staffAccounts.find(new MerchantId(merchant), request.staffId()).isEmpty()) {
            throw new InvalidInput("staffId", "not a staff member of this merchant", "input.campaigns.not-our-staff");
        }
        if (request.target() == Target.DEAL) {
            var deal = deals.find(request.targetId()).filter(d -> d.merchantId().equals(merchant))
                    .orElseThrow(() -> new InvalidInput("targetId", "not a deal of this merchant",
                            "input.campaigns.not-our-deal"));
            return deal.id();
        }
        if (request.storeId() != null) return request.storeId();
        return stores.visibleTo(staff).stream().filter(Store::listed).map(Store::id).findFirst()
                .orElseThrow(() -> new InvalidInput("storeId", "the merchant has no listed store to land on",
                        "input.campaigns.no-store"));
    }
}
