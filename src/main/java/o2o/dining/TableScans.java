package o2o.dining;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import o2o.dining.persistence.ScanRepository;
import o2o.identity.StaffPrincipal;
import o2o.loyalty.Enrolment;
import o2o.merchants.Stores;
import o2o.shared.CustomerId;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scans of table QR codes and what they lead to: each scan is recorded (table, tracking code, who, when) and opens or
 * joins the table's session; a diner who joins the membership from the scan is counted as a walk-in conversion.
 */
@Service
public class TableScans {

    public static final String CHANNEL = "table-scan";
    private static final int MAX_DAYS = 366;

    private final ScanRepository scans;
    private final Tables tables;
    private final Stores stores;
    private final Enrolment enrolment;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TableScans(ScanRepository scans, Tables tables, Stores stores, Enrolment enrolment,
            ApplicationEventPublisher events, Clock clock) {
        this.scans = scans;
        this.tables = tables;
        this.stores = stores;
        this.enrolment = enrolment;
        this.events = events;
        this.clock = clock;
    }

    /** A recorded scan: where it was and whether the diner is a member of the merchant already. */
    public record Scan(UUID id, DiningTable table, TableSession session, boolean member) {}

    /** One row of the walk-in conversion figures: a store's day for one tracking code (null: none). */
    public record Conversion(UUID storeId, LocalDate date, @Nullable String trackingCode, long scans, long diners,
            long joined) {}

    /**
     * Records a scan of a table's code, opens or joins the table's session, and tells of the visit
     * ({@link TableScanned}).
     *
     * @param dinerKey who scanned, for counting distinct diners: the customer's id when signed in, else a random key
     *                 kept in the phone's cookie
     */
    @Transactional
    public Scan scan(String code, @Nullable String trackingCode, @Nullable UUID customerId, String dinerKey) {
        var table = tables.byCode(code).orElseThrow(() -> Problem.notFound("table"));
        var store = stores.find(table.storeId()).filter(s -> s.listed()).orElseThrow(() -> Problem.notFound("table"));
        var session = tables.openOrJoin(table, "scan", trackingCode);
        if (customerId != null) tables.addDiner(session, customerId);
        var id = Ids.next();
        var now = clock.instant();
        scans.add(id, table, session, trackingCode, customerId, dinerKey, now,
                now.atZone(store.timeZone()).toLocalDate());
        events.publishEvent(new TableScanned(id, new MerchantId(table.merchantId()), new StoreId(table.storeId()),
                table.id(), trackingCode, customerId == null ? null : new CustomerId(customerId), dinerKey, now));
        boolean member = customerId != null && enrolment.isMember(new CustomerId(customerId),
                new MerchantId(table.merchantId()));
        return new Scan(id, table, tables.session(session.id()).orElseThrow(), member);
    }

    /** The table a scan was of, for the page that follows it. */
    @Transactional(readOnly = true)
    public DiningTable tableOf(UUID scanId) {
        return scans.tableOf(scanId).orElseThrow(() -> Problem.notFound("scan"));
    }

    /**
     * The diner of this scan joins the merchant's membership. The scan is marked as having led to a join only when
     * the customer became a member now (not when they were one already), and only once.
     *
     * @return true when the customer became a member now
     */
    @Transactional
    public boolean join(UUID scanId, CustomerId customer, @Nullable String name) {
        var customerId = customer.value();
        var scan = scans.lock(scanId).orElseThrow(() -> Problem.notFound("scan"));
        if (scan.customerId() != null && !scan.customerId().equals(customerId)) {
            throw Problem.forbidden("another diner's scan");
        }
        boolean joinedNow = enrolment.join(customer, new MerchantId(scan.merchantId()), CHANNEL, name);
        tables.session(scan.sessionId()).filter(TableSession::open).ifPresent(s -> tables.addDiner(s, customerId));
        scans.joinedBy(scanId, customerId, joinedNow);
        return joinedNow;
    }

    /** Walk-in conversion figures of the caller's merchant (their stores only, for a store-limited manager). */
    @Transactional(readOnly = true)
    public List<Conversion> conversions(StaffPrincipal staff, LocalDate from, LocalDate to) {
        if (staff.merchantId() == null || !staff.role().manages()) {
            throw Problem.forbidden("only owners and managers see conversions");
        }
        if (to.isBefore(from)) throw new InvalidInput("to", "on or after from");
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) throw new InvalidInput("to", "at most 366 days after from");
        return scans.conversions(staff.merchantId(), staff.storeIds(), from, to);
    }
}
