package o2o.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import o2o.catalog.ItemDetails;
import o2o.catalog.Menu;
import o2o.identity.Customers;
import o2o.identity.NewStaff;
import o2o.identity.Role;
import o2o.identity.StaffAccounts;
import o2o.identity.StaffPrincipal;
import o2o.insights.HistoricSale;
import o2o.insights.InsightsImport;
import o2o.insights.SalesChannel;
import o2o.loyalty.ImportedEarning;
import o2o.loyalty.Loyalty;
import o2o.malls.Floor;
import o2o.malls.Mall;
import o2o.malls.Malls;
import o2o.malls.Tenant;
import o2o.merchants.ImportedMerchant;
import o2o.merchants.MerchantImport;
import o2o.merchants.OpeningHours;
import o2o.merchants.StoreDetails;
import o2o.orders.Channel;
import o2o.orders.ImportedOrder;
import o2o.orders.LineKind;
import o2o.orders.NewOrder;
import o2o.orders.OrderImport;
import o2o.profiles.PastPurchase;
import o2o.profiles.ProfileImport;
import o2o.shared.CustomerId;
import o2o.shared.GeoPoint;
import o2o.shared.Ids;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.shared.PhoneNumber;
import o2o.shared.StoreId;
import org.springframework.stereotype.Component;

/**
 * The demo's mall, 悦荟广场: its own merchant (signed in as {@code mall1}), a building by People's Square, 30 tenants on
 * five floors (each with an owner {@code tenant01}…{@code tenant30}, a short menu), 300 members of the mall's
 * programme, and a month of their purchases at the tenants (on the dashboards, with points earned in the mall's
 * programme); the rest of the mall's month is {@link DemoMallLife}'s.
 */
@Component
class DemoMall {

    static final String NAME = "悦荟广场";
    static final GeoPoint BUILDING = new GeoPoint(31.2336, 121.4753);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int MEMBERS = 300;
    private static final int ORDERS = 3000;

    /** A tenant as the demo places it: floor, unit, category, and three things it sells with their prices in yuan. */
    record Unit(String name, int floor, String unit, String category, List<String> goods, List<Integer> prices) {}

    static final List<Floor> FLOORS = List.of(new Floor(-1, "B1 美食广场"), new Floor(1, "L1 精品零售"),
            new Floor(2, "L2 潮流服饰"), new Floor(3, "L3 亲子运动"), new Floor(4, "L4 餐饮影院"));

    static final List<Unit> UNITS = List.of(
            new Unit("鲜芋仙", -1, "B1-01", "甜品饮品", List.of("芋圆招牌一号", "仙草冻", "芋泥波波奶茶"), List.of(22, 16, 18)),
            new Unit("和府捞面", -1, "B1-02", "餐饮", List.of("草本汤牛肉面", "小菜拼盘", "酸梅汁"), List.of(38, 12, 8)),
            new Unit("一点点", -1, "B1-03", "甜品饮品", List.of("四季春玛奇朵", "波霸奶茶", "柠檬绿"), List.of(16, 14, 13)),
            new Unit("吉野家", -1, "B1-05", "餐饮", List.of("牛肉饭", "照烧鸡饭", "味噌汤"), List.of(32, 29, 6)),
            new Unit("面包新语", -1, "B1-06", "烘焙", List.of("肉松面包", "芝士蛋糕", "法棍"), List.of(12, 28, 15)),
            new Unit("全家便利店", -1, "B1-08", "便利店", List.of("饭团", "关东煮", "咖啡"), List.of(8, 12, 10)),
            new Unit("周大福", 1, "L1-01", "珠宝", List.of("足金转运珠", "铂金项链", "金手镯"), List.of(1280, 2680, 8800)),
            new Unit("丝芙兰", 1, "L1-02", "美妆", List.of("口红", "精华液", "香水小样"), List.of(260, 880, 120)),
            new Unit("星巴克", 1, "L1-03", "咖啡", List.of("拿铁", "美式", "星冰乐"), List.of(34, 30, 38)),
            new Unit("Apple 授权店", 1, "L1-05", "数码", List.of("AirPods", "iPhone 保护壳", "充电头"), List.of(1299, 399, 149)),
            new Unit("屈臣氏", 1, "L1-06", "美妆", List.of("面膜", "洗面奶", "护手霜"), List.of(69, 59, 29)),
            new Unit("潘多拉", 1, "L1-08", "珠宝", List.of("串饰", "手链", "戒指"), List.of(399, 699, 599)),
            new Unit("优衣库", 2, "L2-01", "服饰", List.of("摇粒绒外套", "U系列T恤", "牛仔裤"), List.of(199, 79, 299)),
            new Unit("ZARA", 2, "L2-02", "服饰", List.of("针织开衫", "西装外套", "连衣裙"), List.of(299, 599, 399)),
            new Unit("无印良品", 2, "L2-03", "家居", List.of("香薰机", "收纳盒", "棉质睡衣"), List.of(350, 45, 198)),
            new Unit("李宁", 2, "L2-05", "运动", List.of("跑鞋", "卫衣", "运动袜"), List.of(499, 329, 39)),
            new Unit("太平鸟", 2, "L2-06", "服饰", List.of("羽绒服", "卫裤", "衬衫"), List.of(899, 259, 299)),
            new Unit("名创优品", 2, "L2-08", "零售", List.of("香薰蜡烛", "耳机", "毛绒公仔"), List.of(29, 59, 49)),
            new Unit("乐高", 3, "L3-01", "亲子", List.of("城市系列", "机械组", "得宝大颗粒"), List.of(299, 899, 199)),
            new Unit("孩子王", 3, "L3-02", "亲子", List.of("奶粉", "纸尿裤", "儿童推车"), List.of(268, 139, 1299)),
            new Unit("迪卡侬", 3, "L3-03", "运动", List.of("登山鞋", "瑜伽垫", "羽毛球拍"), List.of(299, 99, 149)),
            new Unit("西西弗书店", 3, "L3-05", "书店", List.of("畅销小说", "矢量咖啡", "手账本"), List.of(59, 28, 39)),
            new Unit("汤姆熊欢乐世界", 3, "L3-06", "娱乐", List.of("游戏币 100 枚", "亲子套票", "抓娃娃 20 次"), List.of(100, 168, 50)),
            new Unit("瑞思英语", 3, "L3-08", "教育", List.of("体验课", "季度课包", "绘本"), List.of(99, 3600, 68)),
            new Unit("海底捞火锅", 4, "L4-01", "火锅", List.of("番茄锅底", "捞派肥牛", "虾滑"), List.of(58, 68, 48)),
            new Unit("外婆家", 4, "L4-02", "餐饮", List.of("茶香鸡", "麻婆豆腐", "外婆红烧肉"), List.of(48, 12, 38)),
            new Unit("绿茶餐厅", 4, "L4-03", "餐饮", List.of("面包诱惑", "绿茶烤肉", "石锅饭"), List.of(32, 46, 28)),
            new Unit("西贝莜面村", 4, "L4-05", "餐饮", List.of("莜面鱼鱼", "牛大骨", "黄米凉糕"), List.of(39, 128, 22)),
            new Unit("万达影城", 4, "L4-06", "影院", List.of("电影票", "爆米花套餐", "IMAX 票"), List.of(45, 39, 80)),
            new Unit("喜茶", 4, "L4-08", "甜品饮品", List.of("多肉葡萄", "芝芝莓莓", "烤黑糖波波牛乳"), List.of(29, 28, 22)));

    private final MerchantImport imports;
    private final StaffAccounts staff;
    private final Malls malls;
    private final Menu menu;
    private final Customers customers;
    private final Loyalty loyalty;
    private final OrderImport orderImport;
    private final InsightsImport insights;
    private final ProfileImport profiles;
    private final DemoDelivery delivery;
    private final Clock clock;

    DemoMall(MerchantImport imports, StaffAccounts staff, Malls malls, Menu menu, Customers customers, Loyalty loyalty,
            OrderImport orderImport, InsightsImport insights, ProfileImport profiles, DemoDelivery delivery, Clock clock) {
        this.imports = imports;
        this.staff = staff;
        this.malls = malls;
        this.menu = menu;
        this.customers = customers;
        this.loyalty = loyalty;
        this.orderImport = orderImport;
        this.insights = insights;
        this.profiles = profiles;
        this.delivery = delivery;
        this.clock = clock;
    }

    /** What the mall's story needs from the seeding: the mall, its tenants' stores by unit order, its members. */
    record Opened(Mall mall, List<Tenant> tenants, List<UUID> members, List<DemoMallLife.Purchase> purchases) {}

    /** Opens the mall once (the first demo run). */
    Opened open(long seed) {
        var random = new Random(seed);
        var hours = OpeningHours.everyDay("10:00-22:00");
        var owner = new ImportedMerchant(Ids.next(), NAME, "购物中心", "钱经理", "13800138010",
                List.of(new StoreDetails(NAME, "黄浦区西藏中路 268 号", "上海", BUILDING, "021-63580000", SHANGHAI,
                        hours, 3000, "购物中心", List.of("商场", "停车"), List.of(), true)));
        var batch = new ArrayList<ImportedMerchant>();
        batch.add(owner);
        for (var unit : UNITS) {
            var at = new GeoPoint(BUILDING.lat() + (random.nextDouble() - 0.5) * 0.0008,
                    BUILDING.lng() + (random.nextDouble() - 0.5) * 0.0008);
            batch.add(new ImportedMerchant(Ids.next(), unit.name(), unit.category(), "店长", "13800138011",
                    List.of(new StoreDetails(unit.name() + "（" + NAME + "店）", "黄浦区西藏中路 268 号 " + NAME + " "
                            + unit.unit(), "上海", at, null, SHANGHAI, hours, 3000, unit.category(), List.of(),
                            List.of(), true))));
        }
        var stores = imports.importApproved(batch);
        delivery.cityZones(batch, stores, null);
        var accounts = new ArrayList<NewStaff>();
        accounts.add(new NewStaff(owner.id(), "mall1", DemoData.STAFF_PASSWORD, "钱经理", Role.OWNER, Set.of()));
        for (int i = 0; i < UNITS.size(); i++) {
            accounts.add(new NewStaff(batch.get(i + 1).id(), "tenant%02d".formatted(i + 1), DemoData.STAFF_PASSWORD,
                    UNITS.get(i).name() + "店长", Role.OWNER, Set.of()));
        }
        staff.openAll(accounts, DemoData.STAFF_PASSWORD);

        var mall = malls.open(new StoreId(stores.getFirst()), NAME, FLOORS);
        var tenants = new ArrayList<Tenant>();
        var items = new ArrayList<List<UUID>>();
        for (int i = 0; i < UNITS.size(); i++) {
            var unit = UNITS.get(i);
            tenants.add(malls.letIn(mall.id(), new StoreId(stores.get(i + 1)),
                    new Tenant.Placement(unit.floor(), unit.unit(), unit.category())));
            items.add(goods(principal("tenant%02d".formatted(i + 1)), unit));
        }
        var members = members(new MerchantId(owner.id()));
        var purchases = history(tenants, items, members, random);
        return new Opened(mall, tenants, members, purchases);
    }

    /** The tenant's menu: one category of its three goods; answers their ids. */
    private List<UUID> goods(StaffPrincipal owner, Unit unit) {
        var category = menu.addCategory(owner, unit.category(), 1).id();
        var ids = new ArrayList<UUID>();
        for (int g = 0; g < unit.goods().size(); g++) {
            ids.add(menu.addItem(owner, new ItemDetails(category, unit.goods().get(g), "", null,
                    Money.cny(unit.prices().get(g) * 100L), List.of())).id());
        }
        return ids;
    }

    private List<UUID> members(MerchantId mallMerchant) {
        var phones = new ArrayList<PhoneNumber>(MEMBERS);
        for (int i = 0; i < MEMBERS; i++) phones.add(new PhoneNumber("152" + String.format("%08d", i)));
        var ids = customers.registerAll(phones);
        loyalty.joinAll(mallMerchant.value(), ids, "demo");
        return ids;
    }

    /**
     * A month of purchases at the tenants: busier at the weekend and in the afternoon and evening, more at the
     * restaurants; on the dashboards and the profiles, with points earned in the mall's programme.
     */
    private List<DemoMallLife.Purchase> history(List<Tenant> tenants, List<List<UUID>> items, List<UUID> members,
            Random random) {
        var now = clock.instant();
        var orders = new ArrayList<ImportedOrder>(ORDERS);
        var stores = new ArrayList<StoreId>(ORDERS);
        for (int n = 0; n < ORDERS; n++) {
            int t = random.nextInt(tenants.size());
            var tenant = tenants.get(t);
            var unit = UNITS.get(t);
            int g = random.nextInt(unit.goods().size());
            int quantity = 1 + random.nextInt(2);
            var price = Money.cny(unit.prices().get(g) * 100L);
            var channel = n % 3 == 0 ? Channel.POS : Channel.PICKUP;
            var line = new NewOrder.Line(channel == Channel.POS ? LineKind.POS : LineKind.DISH, items.get(t).get(g),
                    unit.goods().get(g), price, quantity, price.times(quantity));
            var paidAt = now.minus(Duration.ofMinutes(30 + random.nextInt(30 * 24 * 60)));
            orders.add(new ImportedOrder(tenant.merchant(), new CustomerId(members.get(random.nextInt(members.size()))),
                    channel, line, paidAt));
            stores.add(tenant.store());
        }
        var ids = orderImport.importCompleted(orders);
        var sales = new ArrayList<HistoricSale>(orders.size());
        var purchases = new ArrayList<PastPurchase>(orders.size());
        var earnings = new java.util.HashMap<MerchantId, List<ImportedEarning>>();
        for (int i = 0; i < orders.size(); i++) {
            var order = orders.get(i);
            var id = new OrderId(ids.get(i));
            var line = order.line();
            sales.add(new HistoricSale(id, order.merchantId(), stores.get(i), "上海",
                    SalesChannel.valueOf(order.channel().name()), order.paidAt(), line.amount().minor(), 0,
                    List.of(new HistoricSale.Line(line.title(), line.quantity(), line.amount().minor())),
                    order.customerId()));
            purchases.add(new PastPurchase(id, order.merchantId(), order.customerId(), stores.get(i), order.channel(),
                    order.paidAt(), line.amount().minor(),
                    List.of(new PastPurchase.Line(line.title(), line.quantity(), line.amount().minor()))));
            earnings.computeIfAbsent(order.merchantId(), m -> new ArrayList<>()).add(new ImportedEarning(ids.get(i),
                    order.customerId().value(), line.amount(), order.paidAt()));
        }
        insights.importCompleted(sales);
        profiles.importPaid(purchases);
        earnings.forEach((merchant, list) -> loyalty.earnImported(merchant.value(), list));
        return orders.stream().map(o -> new DemoMallLife.Purchase(o.customerId().value(), o.paidAt())).toList();
    }

    private StaffPrincipal principal(String username) {
        var s = staff.byUsername(username).orElseThrow();
        return new StaffPrincipal(s.id(), s.username(), s.merchantId(), s.role(), s.storeIds());
    }
}
