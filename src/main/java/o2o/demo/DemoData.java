package o2o.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;


import o2o.campaigns.PastOrder;
import o2o.catalog.ItemDetails;
import o2o.catalog.Menu;
import o2o.coupons.CouponTerms;
import o2o.coupons.Coupons;
import o2o.deals.DealTerms;
import o2o.deals.Deals;
import o2o.deals.RefundPolicy;
import o2o.dining.FloorPlan;
import o2o.identity.Customers;
import o2o.identity.NewStaff;
import o2o.identity.Role;
import o2o.identity.StaffAccounts;
import o2o.identity.StaffPrincipal;
import o2o.loyalty.ImportedEarning;
import o2o.loyalty.Loyalty;
import o2o.merchants.ImportedMerchant;
import o2o.merchants.MerchantApplication;
import o2o.merchants.MerchantImport;
import o2o.merchants.Merchants;
import o2o.merchants.OpeningHours;
import o2o.orders.Channel;
import o2o.orders.ImportedOrder;
import o2o.orders.LineKind;
import o2o.orders.NewOrder;
import o2o.orders.OrderImport;
import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo city once, and tops it up when a later run asks for more stores. The accounts it makes are listed in
 * the README: operator {@code admin}, owners {@code owner1}/{@code owner2}, and the staff of the first merchant.
 */
@Component
@ConditionalOnBooleanProperty("o2o.demo.enabled")
@Order(10)
public class DemoData implements ApplicationRunner {

    static final String STAFF_PASSWORD = "demo1234";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DemoProperties properties;
    private final MerchantImport imports;
    private final Merchants merchants;
    private final StaffAccounts staff;
    private final Deals deals;
    private final Coupons coupons;
    private final Customers customers;
    private final Loyalty loyalty;
    private final OrderImport orderImport;
    private final Menu menu;
    private final FloorPlan floor;
    private final DemoHistory history;
    private final DemoCampaigns story;
    private final DemoReviews reviews;
    private final DemoOutreach outreach;
    private final DemoDelivery delivery;
    private final DemoMall mall;
    private final DemoMallLife mallLife;
    private final Clock clock;

    DemoData(DemoProperties properties, MerchantImport imports, Merchants merchants, StaffAccounts staff, Deals deals,
            Coupons coupons, Customers customers, Loyalty loyalty, OrderImport orderImport, Menu menu, FloorPlan floor,
            DemoHistory history, DemoCampaigns story, DemoReviews reviews, DemoOutreach outreach, DemoDelivery delivery,
            DemoMall mall, DemoMallLife mallLife, Clock clock) {
        this.properties = properties;
        this.imports = imports;
        this.merchants = merchants;
        this.staff = staff;
        this.deals = deals;
        this.coupons = coupons;
        this.customers = customers;
        this.loyalty = loyalty;
        this.orderImport = orderImport;
        this.menu = menu;
        this.floor = floor;
        this.history = history;
        this.story = story;
        this.reviews = reviews;
        this.outreach = outreach;
        this.delivery = delivery;
        this.mall = mall;
        this.mallLife = mallLife;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        seed(properties.stores());
        seedPeople(properties.members(), properties.orders());
        log.info("Demo data ready in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** Makes sure the city has at least {@code stores} stores. */
    public void seed(int stores) {
        long started = System.nanoTime();
        long existing = imports.storeCount();
        if (existing >= stores) return;
        var city = new DemoCity(properties.seed() + existing);
        var batch = new ArrayList<ImportedMerchant>();
        if (existing == 0) batch.addAll(showcase(city));
        int named = batch.stream().mapToInt(m -> m.stores().size()).sum();
        batch.addAll(city.merchants((int) Math.max(0, stores - existing - named)));
        var storeIds = imports.importApproved(batch);
        delivery.cityZones(batch, storeIds, existing == 0 ? storeIds.getFirst() : null);
        if (existing == 0) {
            openShowcaseAccounts(batch, storeIds);
            applications();
            offers(storeIds.subList(0, 3));
            var dishes = menuAndFloor(storeIds.getFirst());
            delivery(storeIds.getFirst(), batch.getFirst().stores().getFirst().location(), dishes);
            mallLife.tell(mall.open(properties.seed()), properties.seed());
        }
        log.info("Demo city: {} stores of {} merchants added in {} ms", storeIds.size(), batch.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Members of the showcase merchant and their order history, topped up to the sizes asked for: the bench asks
     * for 10,000 members and a million orders this way. The orders it adds are counted on the dashboards, and those
     * of the last days are attributed to the showcase's campaigns.
     */
    public void seedPeople(int members, int orders) {
        long started = System.nanoTime();
        var recent = new ArrayList<PastOrder>();
        var send = new ArrayList<DemoOutreach.Send>(1);
        long added = members > 0 ? addPeople(members, orders, recent, send) : 0;
        log.info("Demo people: {} members, {} orders added in {} ms", Math.max(members, 0), added,
                (System.nanoTime() - started) / 1_000_000);
        if (members > 0) story.tell(recent);
        if (!send.isEmpty()) outreach.tell(owner(), send.getFirst());
    }

    /**
     * Returns how many orders it added; those of the story's days go to {@code recent}, and the targeted send the
     * history is told with (see {@link DemoOutreach#plan}) to {@code send}.
     */
    private long addPeople(int members, int orders, List<PastOrder> recent, List<DemoOutreach.Send> send) {
        var owner = staff.byUsername("owner1").orElseThrow();
        var merchantId = owner.merchantId();
        var phones = new ArrayList<PhoneNumber>(members);
        for (int i = 0; i < members; i++) phones.add(new PhoneNumber("150" + String.format("%08d", i)));
        long existingMembers = customers.countWithPrefix("150");
        var ids = customers.registerAll(phones);
        if (existingMembers < members) loyalty.joinAll(merchantId, ids, "demo");
        long existingOrders = orderImport.completedCount(merchantId) - delivery.delivered();
        if (existingOrders >= orders) return 0;
        var principal = new StaffPrincipal(owner.id(), owner.username(), merchantId, owner.role(), Set.of());
        var setMeal = deals.ofMerchant(principal).stream().filter(d -> !d.terms().flashSale()).findFirst().orElseThrow();
        var city = history.cityOf(setMeal);
        var told = outreach.plan(principal, ids, existingOrders == 0);
        if (told != null) send.add(told);
        var random = new Random(properties.seed());
        var now = clock.instant();
        var batch = new ArrayList<ImportedOrder>();
        for (long n = existingOrders; n < orders; n++) {
            int quantity = 1 + random.nextInt(2);
            var line = new NewOrder.Line(LineKind.DEAL, setMeal.id(), setMeal.terms().title(), setMeal.terms().price(),
                    quantity, setMeal.terms().price().times(quantity));
            var customer = new CustomerId(ids.get((int) (n % ids.size())));
            batch.add(new ImportedOrder(new MerchantId(merchantId), customer, Channel.DEAL, line,
                    now.minus(Duration.ofMinutes(1 + random.nextInt(365 * 24 * 60)))));
            if (batch.size() == 100_000) {
                recent.addAll(importWithPoints(principal, outreach.bias(told, batch), city));
                batch.clear();
            }
        }
        recent.addAll(importWithPoints(principal, outreach.bias(told, batch), city));
        return orders - existingOrders;
    }

    /**
     * Past orders and the points they earned, as ledger entries, so the ledger has the history's size too; the orders
     * are counted on the dashboards, the first few reviewed, and those of the story's days returned.
     */
    private List<PastOrder> importWithPoints(StaffPrincipal owner, List<ImportedOrder> batch, String city) {
        var merchantId = Objects.requireNonNull(owner.merchantId());
        var ids = orderImport.importCompleted(batch);
        reviews.write(owner, batch, ids);
        var earnings = new ArrayList<ImportedEarning>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            var order = batch.get(i);
            earnings.add(new ImportedEarning(ids.get(i), order.customerId().value(), order.line().amount(),
                    order.paidAt()));
        }
        loyalty.earnImported(merchantId, earnings);
        return history.record(batch, ids, city);
    }

    private StaffPrincipal owner() {
        var owner = staff.byUsername("owner1").orElseThrow();
        return new StaffPrincipal(owner.id(), owner.username(), owner.merchantId(), owner.role(), Set.of());
    }

    private List<ImportedMerchant> showcase(DemoCity city) {
        return List.of(city.merchant("老弄堂本帮菜", "本帮菜", 3), city.merchant("川味小馆", "川菜", 2));
    }

    private void openShowcaseAccounts(List<ImportedMerchant> batch, List<UUID> storeIds) {
        var first = batch.get(0).id();
        var second = batch.get(1).id();
        var firstStore = storeIds.getFirst();
        staff.openAll(List.of(
                new NewStaff(first, "owner1", STAFF_PASSWORD, "王老板", Role.OWNER, Set.of()),
                new NewStaff(first, "manager1", STAFF_PASSWORD, "李经理", Role.MANAGER, Set.of()),
                new NewStaff(first, "cashier1", STAFF_PASSWORD, "张收银", Role.CASHIER, Set.of(firstStore)),
                new NewStaff(first, "waiter1", STAFF_PASSWORD, "赵服务员", Role.WAITER, Set.of(firstStore)),
                new NewStaff(first, "kitchen1", STAFF_PASSWORD, "周厨师", Role.KITCHEN, Set.of(firstStore)),
                new NewStaff(first, DemoDelivery.COURIERS.get(0), STAFF_PASSWORD, "孙骑手", Role.COURIER,
                        Set.of(firstStore)),
                new NewStaff(first, DemoDelivery.COURIERS.get(1), STAFF_PASSWORD, "钱骑手", Role.COURIER,
                        Set.of(firstStore)),
                new NewStaff(second, "owner2", STAFF_PASSWORD, "陈老板", Role.OWNER, Set.of())), STAFF_PASSWORD);
    }

    /** Something to buy: a set meal, a flash sale and a coupon at the first merchant's three stores. */
    private void offers(List<UUID> stores) {
        var owner = staff.byUsername("owner1").orElseThrow();
        var principal = new StaffPrincipal(owner.id(), owner.username(), owner.merchantId(), owner.role(), Set.of());
        var now = clock.instant();
        var storeIds = Set.copyOf(stores);
        deals.create(principal, new DealTerms("本帮双人套餐", "红烧肉、油爆虾、腌笃鲜，两人份", List.of("红烧肉", "油爆虾", "腌笃鲜", "米饭 x2"),
                Money.cny(16800), Money.cny(23800), storeIds, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(60)),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(90)), OpeningHours.closed(), 5, null,
                RefundPolicy.AUTO_ON_EXPIRY, false));
        deals.create(principal, new DealTerms("秒杀：招牌红烧肉", "每人限购一份", List.of("招牌红烧肉"), Money.cny(990),
                Money.cny(5800), storeIds, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(7)),
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)), OpeningHours.closed(), 1, 50,
                RefundPolicy.ANYTIME, true));
        coupons.issue(principal, new CouponTerms("满100减15", CouponTerms.Kind.AMOUNT_OFF, Money.cny(1500), null, null,
                Money.cny(10000), Set.of(), 1000, 1, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(60))),
                storeIds);
    }

    /**
     * The showcase store's delivery: its zones, and orders in three states delivered by its couriers
     * ({@link DemoDelivery}).
     */
    private void delivery(UUID storeId, o2o.shared.GeoPoint at, List<UUID> dishes) {
        delivery.zones(principal("owner1"), storeId, at);
        delivery.orders(principal("manager1"), principal("cashier1"), storeId, at, dishes);
    }

    private StaffPrincipal principal(String username) {
        var s = staff.byUsername(username).orElseThrow();
        return new StaffPrincipal(s.id(), s.username(), s.merchantId(), s.role(), s.storeIds());
    }

    /**
     * A menu for the first merchant and, in its first store, a hall and a private room of tables with QR codes;
     * answers the ids of two dishes (油爆虾 and 葱油拌面), for the demo's delivery orders.
     */
    private List<UUID> menuAndFloor(UUID storeId) {
        var owner = staff.byUsername("owner1").orElseThrow();
        var principal = new StaffPrincipal(owner.id(), owner.username(), owner.merchantId(), owner.role(), Set.of());
        var hot = menu.addCategory(principal, "招牌热菜", 1).id();
        var cold = menu.addCategory(principal, "冷菜", 2).id();
        var staples = menu.addCategory(principal, "主食饮品", 3).id();
        var size = new ItemDetails.Group(null, "份量", true, 1, 1,
                List.of(new ItemDetails.Choice(null, "小份", 0), new ItemDetails.Choice(null, "大份", 1800)));
        var spice = new ItemDetails.Group(null, "辣度", false, 0, 1, List.of(new ItemDetails.Choice(null, "不辣", 0),
                new ItemDetails.Choice(null, "微辣", 0), new ItemDetails.Choice(null, "中辣", 0)));
        menu.addItem(principal, new ItemDetails(hot, "招牌红烧肉", "浓油赤酱，肥而不腻", null, Money.cny(5800), List.of(size)));
        var shrimp = menu.addItem(principal, new ItemDetails(hot, "油爆虾", "现剥河虾，外脆里嫩", null, Money.cny(6800),
                List.of()));
        menu.addItem(principal, new ItemDetails(hot, "腌笃鲜", "春笋、咸肉、鲜肉慢炖", null, Money.cny(7800), List.of(size)));
        menu.addItem(principal, new ItemDetails(hot, "响油鳝丝", "热油浇汁", null, Money.cny(6800), List.of(spice)));
        menu.addItem(principal, new ItemDetails(cold, "四喜烤麸", "", null, Money.cny(2800), List.of()));
        menu.addItem(principal, new ItemDetails(cold, "糟毛豆", "", null, Money.cny(1800), List.of()));
        var noodles = menu.addItem(principal, new ItemDetails(staples, "葱油拌面", "", null, Money.cny(1800), List.of()));
        menu.addItem(principal, new ItemDetails(staples, "米饭", "", null, Money.cny(300), List.of()));
        menu.addItem(principal, new ItemDetails(staples, "酸梅汤", "", null, Money.cny(1200), List.of()));
        var hall = floor.addArea(principal, storeId, "大厅", 1).id();
        var rooms = floor.addArea(principal, storeId, "包间", 2).id();
        for (int n = 1; n <= 8; n++) floor.addTable(principal, storeId, new FloorPlan.TableDetails("A" + n, n <= 4 ? 2 : 4, hall));
        floor.addTable(principal, storeId, new FloorPlan.TableDetails("V1", 10, rooms));
        floor.addTable(principal, storeId, new FloorPlan.TableDetails("V2", 12, rooms));
        return List.of(shrimp.id(), noodles.id());
    }

    /** Two applications waiting for the operator, so the approval screen has something to do. */
    private void applications() {
        merchants.apply(new MerchantApplication("街角咖啡", "咖啡", "孙女士", "13800138003", "owner3", STAFF_PASSWORD));
        merchants.apply(new MerchantApplication("一剪美发", "美发", "吴先生", "13800138004", "owner4", STAFF_PASSWORD));
    }
}
