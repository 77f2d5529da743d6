package o2o.malls;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import o2o.coupons.MallCouponTemplates;
import o2o.identity.StaffPrincipal;
import o2o.loyalty.PointsProgram;
import o2o.malls.persistence.MallRows;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Malls and their tenants. The platform's operator opens a mall for a merchant (the mall operator) in one of its
 * stores (the building) and lets other merchants' stores in as tenants; every tenant's merchant then collects in the
 * mall's group points program. The mall operator — its merchant's owners and managers — reads its mall and moves its
 * tenants between floors and units.
 */
@Service
public class Malls {

    private static final int MAX_FLOORS = 40;

    private final MallRows rows;
    private final Stores stores;
    private final PointsProgram programs;
    private final MallCouponTemplates mallCoupons;
    private final Clock clock;

    Malls(MallRows rows, Stores stores, PointsProgram programs, MallCouponTemplates mallCoupons, Clock clock) {
        this.rows = rows;
        this.stores = stores;
        this.programs = programs;
        this.mallCoupons = mallCoupons;
        this.clock = clock;
    }

    /**
     * Opens a mall in the building store of its owner merchant, with its floors, and makes the mall's group points
     * program (named like the mall). A merchant runs at most one mall.
     */
    @Transactional
    public Mall open(StoreId building, String name, List<Floor> floors) {
        var trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 40) throw new InvalidInput("name", "1 to 40 characters");
        if (floors.isEmpty() || floors.size() > MAX_FLOORS) throw new InvalidInput("floors", "1 to " + MAX_FLOORS);
        var levels = new HashSet<Integer>();
        for (var floor : floors) {
            if (!levels.add(floor.level())) throw new InvalidInput("floors", "each level once");
        }
        var store = stores.find(building.value()).orElseThrow(() -> Problem.notFound("store"));
        var owner = new MerchantId(store.merchantId());
        if (rows.ownedBy(owner).isPresent()) throw Problem.conflict("mall-owner-taken", "this merchant already runs a mall");
        if (rows.tenant(building).isPresent()) {
            throw Problem.conflict("store-already-tenant", "this store is a tenant of a mall");
        }
        var program = programs.createGroup(trimmed, owner.value());
        var sorted = floors.stream().sorted(java.util.Comparator.comparingInt(Floor::level)).toList();
        var mall = new Mall(new MallId(Ids.next()), owner, building, trimmed, program.programId(), sorted, clock.instant());
        if (!rows.insert(mall)) throw Problem.conflict("mall-owner-taken", "this merchant already runs a mall");
        return mall;
    }

    /**
     * Lets a store in as a tenant, on one of the mall's floors; its merchant collects in the mall's points program
     * from now on, and the mall's coupons for all tenants are usable there. Letting the same store in again changes
     * nothing; a store of another mall is refused.
     */
    @Transactional
    public Tenant letIn(MallId mallId, StoreId store, Tenant.Placement placement) {
        rows.lock(mallId);
        var mall = get(mallId);
        mall.requireFloor(placement.floor());
        var found = stores.find(store.value()).orElseThrow(() -> Problem.notFound("store"));
        if (found.id().equals(mall.building().value())) {
            throw new InvalidInput("storeId", "the mall's own building is not a tenant");
        }
        var merchant = new MerchantId(found.merchantId());
        var tenant = rows.insertTenant(new Tenant(mallId, store, merchant, placement.floor(), placement.unit(),
                placement.category(), clock.instant()));
        if (!tenant.mall().equals(mallId)) {
            throw Problem.conflict("store-already-tenant", "this store is a tenant of another mall");
        }
        programs.addMerchant(mall.programId(), merchant);
        if (!merchant.equals(mall.owner())) mallCoupons.admitTenant(mallId.value(), merchant);
        return tenant;
    }

    /** Moves a tenant to another floor, unit or category. */
    @Transactional
    public Tenant place(MallId mallId, StoreId store, Tenant.Placement placement) {
        get(mallId).requireFloor(placement.floor());
        if (!rows.place(mallId, store, placement)) throw Problem.notFound("tenant");
        return rows.tenant(store).orElseThrow();
    }

    /** The mall the staff member runs: they must be an owner or manager of a mall's merchant. */
    @Transactional(readOnly = true)
    public Mall operatedBy(StaffPrincipal staff) {
        var merchant = staff.merchantId();
        if (merchant == null || !staff.role().manages()) throw Problem.forbidden("only a mall's owners and managers");
        return rows.ownedBy(new MerchantId(merchant))
                .orElseThrow(() -> Problem.forbidden("this merchant runs no mall"));
    }

    /** The mall this merchant runs, if any. */
    @Transactional(readOnly = true)
    public Optional<Mall> runBy(MerchantId merchant) {
        return rows.ownedBy(merchant);
    }

    @Transactional(readOnly = true)
    public Optional<Mall> find(MallId id) {
        return rows.find(id);
    }

    @Transactional(readOnly = true)
    public Mall get(MallId id) {
        return rows.find(id).orElseThrow(() -> Problem.notFound("mall"));
    }

    @Transactional(readOnly = true)
    public List<Mall> all() {
        return rows.all();
    }

    /** The mall's tenants, by floor and unit. */
    @Transactional(readOnly = true)
    public List<Tenant> tenants(MallId mall) {
        return rows.tenants(mall);
    }

    /** The tenant a store is, if it rents in a mall. */
    @Transactional(readOnly = true)
    public Optional<Tenant> tenant(StoreId store) {
        return rows.tenant(store);
    }

    /** Where this merchant's stores rent, in any mall. */
    @Transactional(readOnly = true)
    public List<Tenant> tenanciesOf(MerchantId merchant) {
        return rows.tenantsOf(merchant);
    }

    /**
     * For each of these merchants that rents in a mall, the category it rents under by the mall's merchant: the
     * category of its earliest tenancy in that mall (a merchant with two units in one mall is one tenant to charge).
     */
    @Transactional(readOnly = true)
    public Map<MerchantId, Map<MerchantId, String>> tenantCategories(Collection<MerchantId> merchants) {
        var found = new HashMap<MerchantId, Map<MerchantId, String>>();
        for (var t : rows.tenanciesOf(merchants.stream().map(MerchantId::value).distinct().toList())) {
            found.computeIfAbsent(t.tenant(), m -> new HashMap<>()).putIfAbsent(t.mallOwner(), t.category());
        }
        return found;
    }

    /** The merchants of the mall's tenants, in the order of the directory. */
    @Transactional(readOnly = true)
    public Set<MerchantId> tenantMerchants(MallId mall) {
        var merchants = new LinkedHashSet<MerchantId>();
        rows.tenants(mall).forEach(t -> merchants.add(t.merchant()));
        return merchants;
    }

    /** The building's store: its address, place and opening hours are the mall's. */
    @Transactional(readOnly = true)
    public Store building(Mall mall) {
        return stores.find(mall.building().value()).orElseThrow(() -> Problem.notFound("store"));
    }
}
