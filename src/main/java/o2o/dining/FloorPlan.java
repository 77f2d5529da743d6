package o2o.dining;

import static o2o.shared.Timestamps.utc;

import java.security.SecureRandom;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import o2o.identity.Role;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private static final SecureRandom RANDOM = new SecureRandom();
    /** No 0/o, 1/l/i: a code is sometimes read aloud or typed from a worn sticker. */
    private static final char[] ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz".toCharArray();
    /** 16 characters of a 31-letter alphabet: about 79 bits, far beyond guessing. */
    static final int CODE_LENGTH = 16;

    private final JdbcClient jdbc;
    private final Stores stores;
    private final Tables tables;
    private final Clock clock;

    FloorPlan(JdbcClient jdbc, Stores stores, Tables tables, Clock clock) {
        this.jdbc = jdbc;
        this.stores = stores;
        this.tables = tables;
        this.clock = clock;
    }

    public record TableDetails(String label, int seats, @Nullable UUID areaId) {}

    /** A table on the waiter's board: free, or taken since {@code since} by a party of {@code partySize}. */
    public record TableStatus(UUID tableId, String label, @Nullable String area, int seats, boolean occupied,
            @Nullable UUID sessionId, @Nullable Integer partySize, int diners, @Nullable Instant since) {}

    @Transactional(readOnly = true)
    public List<Area> areas(StaffPrincipal staff, UUID storeId) {
        var store = floorStore(staff, storeId);
        return jdbc.sql("""
                        select id, merchant_id, store_id, name, position from dining_area
                        where merchant_id = :m and store_id = :s order by position, name
                        """)
                .param("m", store.merchantId()).param("s", store.id())
                .query((rs, row) -> new Area(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                        rs.getObject("store_id", UUID.class), rs.getString("name"), rs.getInt("position")))
                .list();
    }

    @Transactional
    public Area addArea(StaffPrincipal staff, UUID storeId, String name, int position) {
        var store = managedStore(staff, storeId);
        var area = new Area(Ids.next(), store.merchantId(), store.id(), areaName(name), position(position));
        try {
            jdbc.sql("""
                            insert into dining_area (id, merchant_id, store_id, name, position, created_at)
                            values (:id, :m, :s, :name, :position, :now)
                            """)
                    .param("id", area.id()).param("m", area.merchantId()).param("s", area.storeId())
                    .param("name", area.name()).param("position", position)
                    .param("now", utc(clock.instant())).update();
        } catch (DuplicateKeyException e) {
            throw Problem.conflict("area-exists", "the store already has an area of that name");
        }
        return area;
    }

    @Transactional
    public Area renameArea(StaffPrincipal staff, UUID storeId, UUID areaId, String name, int position) {
        var store = managedStore(staff, storeId);
        try {
            int updated = jdbc.sql("""
                            update dining_area set name = :name, position = :position
                            where id = :id and merchant_id = :m and store_id = :s
                            """)
                    .param("id", areaId).param("m", store.merchantId()).param("s", store.id())
                    .param("name", areaName(name)).param("position", position(position)).update();
            if (updated == 0) throw Problem.notFound("area");
        } catch (DuplicateKeyException e) {
            throw Problem.conflict("area-exists", "the store already has an area of that name");
        }
        return areas(staff, storeId).stream().filter(a -> a.id().equals(areaId)).findFirst().orElseThrow();
    }

    /** Only an empty area goes: its tables are moved or retired first. */
    @Transactional
    public void removeArea(StaffPrincipal staff, UUID storeId, UUID areaId) {
        var store = managedStore(staff, storeId);
        int removed = jdbc.sql("""
                        delete from dining_area a where a.id = :id and a.merchant_id = :m and a.store_id = :s
                          and not exists (select 1 from dining_table t where t.area_id = a.id)
                        """)
                .param("id", areaId).param("m", store.merchantId()).param("s", store.id()).update();
        if (removed == 0) {
            area(store, areaId);
            throw Problem.conflict("area-not-empty", "the area still has tables");
        }
    }

    /** The store's live tables, by area then label. */
    @Transactional(readOnly = true)
    public List<DiningTable> tables(StaffPrincipal staff, UUID storeId) {
        var store = floorStore(staff, storeId);
        return liveTables(store);
    }

    @Transactional(readOnly = true)
    public DiningTable table(StaffPrincipal staff, UUID storeId, UUID tableId) {
        var store = floorStore(staff, storeId);
        return tables.table(tableId).filter(t -> t.storeId().equals(store.id()) && t.active())
                .orElseThrow(() -> Problem.notFound("table"));
    }

    @Transactional
    public DiningTable addTable(StaffPrincipal staff, UUID storeId, TableDetails details) {
        var store = managedStore(staff, storeId);
        validate(store, details);
        var id = Ids.next();
        try {
            jdbc.sql("""
                            insert into dining_table (id, merchant_id, store_id, area_id, label, seats, code, created_at)
                            values (:id, :m, :s, :area, :label, :seats, :code, :now)
                            """)
                    .param("id", id).param("m", store.merchantId()).param("s", store.id())
                    .param("area", new SqlParameterValue(Types.OTHER, details.areaId()))
                    .param("label", details.label().strip()).param("seats", details.seats())
                    .param("code", newCode()).param("now", utc(clock.instant())).update();
        } catch (DuplicateKeyException e) {
            throw Problem.conflict("table-label-taken", "the store already has a table with that label");
        }
        return tables.table(id).orElseThrow();
    }

    @Transactional
    public DiningTable updateTable(StaffPrincipal staff, UUID storeId, UUID tableId, TableDetails details) {
        var store = managedStore(staff, storeId);
        validate(store, details);
        try {
            int updated = jdbc.sql("""
                            update dining_table set label = :label, seats = :seats, area_id = :area
                            where id = :id and merchant_id = :m and store_id = :s and active
                            """)
                    .param("id", tableId).param("m", store.merchantId()).param("s", store.id())
                    .param("area", new SqlParameterValue(Types.OTHER, details.areaId()))
                    .param("label", details.label().strip()).param("seats", details.seats()).update();
            if (updated == 0) throw Problem.notFound("table");
        } catch (DuplicateKeyException e) {
            throw Problem.conflict("table-label-taken", "the store already has a table with that label");
        }
        return tables.table(tableId).orElseThrow();
    }

    /** Takes a free table out of service: its code stops working, its history stays. */
    @Transactional
    public void retireTable(StaffPrincipal staff, UUID storeId, UUID tableId) {
        var store = managedStore(staff, storeId);
        int retired = jdbc.sql("""
                        update dining_table t set active = false
                        where t.id = :id and t.merchant_id = :m and t.store_id = :s and t.active
                          and not exists (select 1 from table_session x where x.table_id = t.id and x.closed_at is null)
                        """)
                .param("id", tableId).param("m", store.merchantId()).param("s", store.id()).update();
        if (retired == 0) {
            table(staff, storeId, tableId);
            throw Problem.conflict("table-occupied", "the table has an open session");
        }
    }

    /** The waiter's board: every live table with its open session, if any. */
    @Transactional(readOnly = true)
    public List<TableStatus> status(StaffPrincipal staff, UUID storeId) {
        var store = floorStore(staff, storeId);
        return jdbc.sql("""
                        select t.id, t.label, a.name as area, t.seats, s.id as session_id, s.party_size, s.opened_at,
                               (select count(*) from table_session_diner d where d.session_id = s.id) as diners
                        from dining_table t
                        left join dining_area a on a.id = t.area_id
                        left join table_session s on s.table_id = t.id and s.closed_at is null
                        where t.merchant_id = :m and t.store_id = :s and t.active
                        order by a.position nulls last, a.name nulls last, t.label
                        """)
                .param("m", store.merchantId()).param("s", store.id())
                .query((rs, row) -> {
                    var session = rs.getObject("session_id", UUID.class);
                    return new TableStatus(rs.getObject("id", UUID.class), rs.getString("label"),
                            rs.getString("area"), rs.getInt("seats"), session != null, session,
                            rs.getObject("party_size", Integer.class), rs.getInt("diners"),
                            session == null ? null : Tables.instant(rs, "opened_at"));
                })
                .list();
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
        return jdbc.sql("select id from table_session where table_id = :t order by opened_at desc, id desc limit 50")
                .param("t", table.id()).query(UUID.class).list().stream()
                .map(id -> tables.session(id).orElseThrow()).toList();
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
                .filter(t -> staff.canActIn(t.merchantId(), t.storeId()))
                .orElseThrow(() -> Problem.notFound("table"));
        floorStore(staff, table.storeId());
        return table;
    }

    List<DiningTable> liveTables(Store store) {
        return jdbc.sql("select " + Tables.TABLE_COLUMNS + """
                         from dining_table t left join dining_area a on a.id = t.area_id
                        where t.merchant_id = :m and t.store_id = :s and t.active
                        order by a.position nulls last, a.name nulls last, t.label
                        """)
                .param("m", store.merchantId()).param("s", store.id()).query(Tables::table).list();
    }

    private Area area(Store store, UUID areaId) {
        return jdbc.sql("select id, merchant_id, store_id, name, position from dining_area "
                        + "where id = :id and merchant_id = :m and store_id = :s")
                .param("id", areaId).param("m", store.merchantId()).param("s", store.id())
                .query((rs, row) -> new Area(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                        rs.getObject("store_id", UUID.class), rs.getString("name"), rs.getInt("position")))
                .optional().orElseThrow(() -> Problem.notFound("area"));
    }

    private void validate(Store store, TableDetails details) {
        var label = details.label() == null ? "" : details.label().strip();
        if (label.isEmpty() || label.length() > 16) throw new InvalidInput("label", "1-16 characters");
        if (details.seats() < 1 || details.seats() > 99) throw new InvalidInput("seats", "between 1 and 99");
        if (details.areaId() != null) {
            try {
                area(store, details.areaId());
            } catch (Problem notFound) {
                throw new InvalidInput("areaId", "not an area of this store");
            }
        }
    }

    private static String areaName(@Nullable String raw) {
        var name = raw == null ? "" : raw.strip();
        if (name.isEmpty() || name.length() > 20) throw new InvalidInput("name", "1-20 characters");
        return name;
    }

    private static int position(int position) {
        if (position < 0 || position > 999) throw new InvalidInput("position", "between 0 and 999");
        return position;
    }

    static String newCode() {
        var code = new char[CODE_LENGTH];
        for (int i = 0; i < code.length; i++) code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        return new String(code);
    }
}
