package o2o.dining;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import o2o.dining.persistence.TableSessionRepository;
import o2o.dining.persistence.TableRepository;
import o2o.identity.Role;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A store's floor as its staff see it: owners and managers lay out areas and tables; the floor staff (owner, manager,
 * waiter, cashier) see which tables are taken, seat parties and clear tables. Another merchant's store or table is
 * "not found".
 */
@Service
public class FloorPlan {

    /** Who works the floor: the waiter view, seating and clearing tables. */
    public static final Set<Role> FLOOR = EnumSet.of(Role.OWNER, Role.MANAGER, Role.WAITER, Role.CASHIER);

    private final Stores stores;
    private final Tables tables;
    private final FloorAreas areas;
    private final FloorTables layout;
    private final TableRepository tableRows;
    private final TableSessionRepository sessionRows;

    FloorPlan(Stores stores, Tables tables, FloorAreas areas, FloorTables layout, TableRepository tableRows,
            TableSessionRepository sessionRows) {
        this.stores = stores;
        this.tables = tables;
        this.areas = areas;
        this.layout = layout;
        this.tableRows = tableRows;
        this.sessionRows = sessionRows;
    }

    public record TableDetails(String label, int seats, @Nullable UUID areaId) {

        /** The details with the label stripped: 1-16 characters, 1 to 99 seats. */
        TableDetails checked() {
            var stripped = label == null ? "" : label.strip();
            if (stripped.isEmpty() || stripped.length() > 16) throw new InvalidInput("label", "1-16 characters");
            if (seats < 1 || seats > 99) throw new InvalidInput("seats", "between 1 and 99");
            return new TableDetails(stripped, seats, areaId);
        }
    }

    /** A table on the waiter's board: free, or taken since {@code since} by a party of {@code partySize}. */
    public record TableStatus(UUID tableId, String label, @Nullable String area, int seats, boolean occupied,
            @Nullable UUID sessionId, @Nullable Integer partySize, int diners, @Nullable Instant since) {}

    @Transactional(readOnly = true)
    public List<Area> areas(StaffPrincipal staff, UUID storeId) {
        return areas.of(floorStore(staff, storeId));
    }

    @Transactional
    public Area addArea(StaffPrincipal staff, UUID storeId, String name, int position) {
        return areas.add(managedStore(staff, storeId), name, position);
    }

    @Transactional
    public Area renameArea(StaffPrincipal staff, StoreId storeId, UUID areaId, String name, int position) {
        return areas.rename(managedStore(staff, storeId.value()), areaId, name, position);
    }

    /** Only an empty area goes: its tables are moved or retired first. */
    @Transactional
    public void removeArea(StaffPrincipal staff, StoreId storeId, UUID areaId) {
        areas.remove(managedStore(staff, storeId.value()), areaId);
    }

    /** The store's live tables, by area then label. */
    @Transactional(readOnly = true)
    public List<DiningTable> tables(StaffPrincipal staff, UUID storeId) {
        return tableRows.live(floorStore(staff, storeId));
    }

    @Transactional(readOnly = true)
    public DiningTable table(StaffPrincipal staff, StoreId storeId, UUID tableId) {
        var store = floorStore(staff, storeId.value());
        return tables.table(tableId).filter(t -> t.storeId().equals(store.id()) && t.active())
                .orElseThrow(() -> Problem.notFound("table"));
    }

    @Transactional
    public DiningTable addTable(StaffPrincipal staff, UUID storeId, TableDetails details) {
        return layout.add(managedStore(staff, storeId), details);
    }

    @Transactional
    public DiningTable updateTable(StaffPrincipal staff, StoreId storeId, UUID tableId, TableDetails details) {
        return layout.update(managedStore(staff, storeId.value()), tableId, details);
    }

    /** Takes a free table out of service: its code stops working, its history stays. */
    @Transactional
    public void retireTable(StaffPrincipal staff, StoreId storeId, UUID tableId) {
        if (layout.retireIfFree(managedStore(staff, storeId.value()), tableId)) return;
        table(staff, storeId, tableId);
        throw Problem.conflict("table-occupied", "the table has an open session");
    }

    /** The waiter's board: every live table with its open session, if any. */
    @Transactional(readOnly = true)
    public List<TableStatus> status(StaffPrincipal staff, UUID storeId) {
        return sessionRows.board(floorStore(staff, storeId));
    }

    /** Staff seat a party: 409 {@code table-occupied} when the table is taken. */
    @Transactional
    public TableSession seat(StaffPrincipal staff, UUID tableId, int partySize) {
        var table = floorTable(staff, tableId);
        return tables.seat(table.id(), partySize, "staff");
    }

    /** Staff clear a table: its open session is closed; 404 when it had none. */
    @Transactional
    public TableSession clear(StaffPrincipal staff, UUID tableId) {
        var table = floorTable(staff, tableId);
        var session = tables.openSessionAt(table.id()).orElseThrow(() -> Problem.notFound("session"));
        tables.close(session.id());
        return tables.session(session.id()).orElseThrow();
    }

    /** The waiter's "clear" button: a table that is free already (cleared by a colleague) stays free. */
    @Transactional
    public boolean clearIfOpen(StaffPrincipal staff, UUID tableId) {
        var table = floorTable(staff, tableId);
        return tables.openSessionAt(table.id()).map(session -> tables.close(session.id())).orElse(false);
    }

    @Transactional(readOnly = true)
    public List<TableSession> sessions(StaffPrincipal staff, UUID tableId) {
        var table = floorTable(staff, tableId);
        return sessionRows.recentAt(table.id()).stream().map(id -> tables.session(id).orElseThrow()).toList();
    }

    /** A store its floor staff may see; 404 for another merchant's, 403 for kitchen staff and couriers. */
    public Store floorStore(StaffPrincipal staff, UUID storeId) {
        var store = stores.get(staff, storeId);
        if (!FLOOR.contains(staff.role())) throw Problem.forbidden("only floor staff see the tables");
        return store;
    }

    /** A store whose floor plan this person may change: owners and managers. */
    public Store managedStore(StaffPrincipal staff, UUID storeId) {
        var store = stores.get(staff, storeId);
        if (!staff.role().manages()) throw Problem.forbidden("only owners and managers lay out tables");
        return store;
    }

    private DiningTable floorTable(StaffPrincipal staff, UUID tableId) {
        var table = tables.table(tableId).filter(DiningTable::active)
                .filter(t -> staff.canActIn(new MerchantId(t.merchantId()), new StoreId(t.storeId())))
                .orElseThrow(() -> Problem.notFound("table"));
        floorStore(staff, table.storeId());
        return table;
    }
}
