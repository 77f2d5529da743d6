package o2o.malls.persistence;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.malls.Floor;
import o2o.malls.Mall;
import o2o.malls.MallId;
import o2o.malls.Tenant;
import o2o.shared.MerchantId;
import o2o.shared.StoreId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of malls, their floors and their tenants. */
@Repository
public class MallRows {

    private static final String MALL = "select id, owner_merchant_id, building_store_id, name, program_id, created_at from mall ";
    private static final String TENANT = """
            select store_id, mall_id, merchant_id, floor_level, unit, category, joined_at from mall_tenant
            """;

    private final JdbcClient jdbc;

    MallRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes a new mall and its floors; false when its owner already runs a mall (nothing written). */
    public boolean insert(Mall mall) {
        int added = jdbc.sql("""
                        insert into mall (id, owner_merchant_id, building_store_id, name, program_id, created_at)
                        values (:id, :owner, :building, :name, :program, :at)
                        on conflict do nothing
                        """)
                .param("id", mall.id().value()).param("owner", mall.owner().value())
                .param("building", mall.building().value()).param("name", mall.name())
                .param("program", mall.programId()).param("at", utc(mall.createdAt())).update();
        if (added == 0) return false;
        for (var floor : mall.floors()) {
            jdbc.sql("insert into mall_floor (mall_id, level, name) values (:m, :level, :name)")
                    .param("m", mall.id().value()).param("level", floor.level()).param("name", floor.name()).update();
        }
        return true;
    }

    public Optional<Mall> find(MallId id) {
        return jdbc.sql(MALL + "where id = :id").param("id", id.value()).query(this::mall).optional();
    }

    /**
     * Locks the mall's row until the transaction ends: letting a tenant in and issuing a coupon for all tenants take
     * it, so a coupon never misses a tenant let in while it was issued.
     */
    public void lock(MallId id) {
        jdbc.sql("select id from mall where id = :id for update").param("id", id.value()).query(UUID.class).optional();
    }

    public Optional<Mall> ownedBy(MerchantId owner) {
        return jdbc.sql(MALL + "where owner_merchant_id = :m").param("m", owner.value()).query(this::mall).optional();
    }

    public List<Mall> all() {
        return jdbc.sql(MALL + "order by created_at, id").query(this::mall).list();
    }

    /**
     * Makes the store a tenant of the mall; answers the tenant it is now: the new one, or the one it already was (of
     * this mall or another), so the caller tells a repeat from a conflict.
     */
    public Tenant insertTenant(Tenant tenant) {
        jdbc.sql("""
                        insert into mall_tenant (store_id, mall_id, merchant_id, floor_level, unit, category, joined_at)
                        values (:store, :mall, :merchant, :floor, :unit, :category, :at)
                        on conflict (store_id, merchant_id) do nothing
                        """)
                .param("store", tenant.store().value()).param("mall", tenant.mall().value())
                .param("merchant", tenant.merchant().value()).param("floor", tenant.floor())
                .param("unit", tenant.unit()).param("category", tenant.category())
                .param("at", utc(tenant.joinedAt())).update();
        return tenant(tenant.store()).orElseThrow();
    }

    /** Moves a tenant of this mall to another floor, unit or category; false when the store is not its tenant. */
    public boolean place(MallId mall, StoreId store, Tenant.Placement placement) {
        return jdbc.sql("""
                        update mall_tenant set floor_level = :floor, unit = :unit, category = :category
                        where store_id = :store and mall_id = :mall
                        """)
                .param("floor", placement.floor()).param("unit", placement.unit())
                .param("category", placement.category()).param("store", store.value()).param("mall", mall.value())
                .update() == 1;
    }

    public Optional<Tenant> tenant(StoreId store) {
        return jdbc.sql(TENANT + "where store_id = :s").param("s", store.value()).query(MallRows::tenant).optional();
    }

    /** The mall's tenants by floor (lowest first), then unit. */
    public List<Tenant> tenants(MallId mall) {
        return jdbc.sql(TENANT + "where mall_id = :m order by floor_level, unit, store_id")
                .param("m", mall.value()).query(MallRows::tenant).list();
    }

    /** The tenants of every store of these merchants, whichever mall they are in. */
    public List<Tenant> tenantsOf(MerchantId merchant) {
        return jdbc.sql(TENANT + "where merchant_id = :m order by joined_at, store_id")
                .param("m", merchant.value()).query(MallRows::tenant).list();
    }

    /** A merchant's tenancy as a mall's merchant sees it: the category it rents under there, its earliest first. */
    public record Tenancy(MerchantId tenant, MerchantId mallOwner, String category) {}

    /** The tenancies of these merchants' stores in any mall, with each mall's merchant, the earliest first. */
    public List<Tenancy> tenanciesOf(java.util.Collection<UUID> merchants) {
        if (merchants.isEmpty()) return List.of();
        return jdbc.sql("""
                        select t.merchant_id, m.owner_merchant_id, t.category from mall_tenant t join mall m on m.id = t.mall_id
                        where t.merchant_id = any(:merchants) order by t.joined_at, t.store_id
                        """)
                .param("merchants", merchants.toArray(UUID[]::new))
                .query((rs, row) -> new Tenancy(new MerchantId(rs.getObject(1, UUID.class)),
                        new MerchantId(rs.getObject(2, UUID.class)), rs.getString(3)))
                .list();
    }

    private Mall mall(ResultSet rs, int row) throws SQLException {
        var id = rs.getObject("id", UUID.class);
        return new Mall(new MallId(id), new MerchantId(rs.getObject("owner_merchant_id", UUID.class)),
                new StoreId(rs.getObject("building_store_id", UUID.class)), rs.getString("name"),
                rs.getObject("program_id", UUID.class), floors(id), instant(rs, "created_at"));
    }

    private List<Floor> floors(UUID mall) {
        return jdbc.sql("select level, name from mall_floor where mall_id = :m order by level")
                .param("m", mall).query((rs, row) -> new Floor(rs.getInt(1), rs.getString(2))).list();
    }

    private static Tenant tenant(ResultSet rs, int row) throws SQLException {
        return new Tenant(new MallId(rs.getObject("mall_id", UUID.class)),
                new StoreId(rs.getObject("store_id", UUID.class)),
                new MerchantId(rs.getObject("merchant_id", UUID.class)), rs.getInt("floor_level"), rs.getString("unit"),
                rs.getString("category"), instant(rs, "joined_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
