package o2o.loyalty;

import java.util.ArrayList;
import java.util.UUID;

import o2o.identity.Customers;
import o2o.loyalty.persistence.Memberships;
import o2o.loyalty.persistence.Memberships.ListedRow;
import o2o.shared.Page;
import o2o.shared.TimeCursor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A merchant's member list, newest first and paged by cursor. Phones live with identity: a page asks it for the
 * phones of its members in one query, and a search by phone digits reads the members in batches and keeps those
 * whose phone contains the digits until the page is full.
 */
@Component
class MemberList {

    private static final int BATCH = 500;

    private final Memberships memberships;
    private final Customers customers;

    MemberList(Memberships memberships, Customers customers) {
        this.memberships = memberships;
        this.customers = customers;
    }

    Page<MemberProfile.Listing> page(UUID merchantId, MemberQuery query, @Nullable TimeCursor after, int limit) {
        var found = new ArrayList<MemberProfile.Listing>();
        var from = after;
        while (found.size() <= limit) {
            int batch = query.byPhone() ? Math.max(BATCH, limit + 1) : limit + 1;
            var rows = memberships.newestFirst(merchantId, query.escapedName(), from, batch);
            var phones = customers.phonesOf(rows.stream().map(ListedRow::customerId).toList());
            for (var row : rows) {
                var phone = phones.get(row.customerId());
                if (phone != null && (!query.byPhone() || query.matches(phone)) && found.size() <= limit) {
                    found.add(new MemberProfile.Listing(row.customerId(), phone.masked(), row.name(), row.joinedAt(),
                            row.channel(), row.visits(), row.spend(), row.lastVisitAt()));
                }
            }
            if (rows.size() < batch) break;
            from = rows.getLast().cursor();
        }
        if (found.size() <= limit) return new Page<>(found, null);
        var last = found.get(limit - 1);
        return new Page<>(found.subList(0, limit), new TimeCursor(last.joinedAt(), last.customerId()).toString());
    }
}
