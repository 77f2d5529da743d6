package o2o.demo;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import o2o.merchants.City;
import o2o.merchants.ImportedMerchant;
import o2o.merchants.OpeningHours;
import o2o.merchants.StoreDetails;
import o2o.shared.GeoPoint;
import o2o.shared.Ids;

/** Makes up merchants and stores spread over Shanghai the way a real city's are: dense downtown, thinning out. */
final class DemoCity {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final City CENTRE = City.ALL.getFirst();
    private static final String[] DISTRICTS = {"黄浦区", "静安区", "徐汇区", "长宁区", "普陀区", "虹口区", "杨浦区", "浦东新区", "闵行区", "宝山区"};
    private static final String[] ROADS = {"南京东路", "南京西路", "淮海中路", "延安西路", "四川北路", "陆家嘴环路", "世纪大道",
        "衡山路", "复兴中路", "肇嘉浜路", "漕溪北路", "中山公园路", "长寿路", "曹杨路", "大连路", "五角场路", "张杨路", "虹桥路",
        "天山路", "武宁路", "江宁路", "西藏中路", "河南中路", "北京东路", "福州路", "巨鹿路", "新华路", "番禺路", "吴江路", "愚园路"};
    private static final String[] PREFIXES = {"老", "小", "阿", "大", "金", "鼎", "福", "喜", "悦", "聚", "一品", "好", "新", "味", "春"};
    private static final String[] CORES = {"弄堂", "巷子", "食光", "滋味", "码头", "里弄", "园", "轩", "记", "坊", "家", "堂", "湾", "居", "阁"};

    private final Random random;

    DemoCity(long seed) {
        this.random = new Random(seed);
    }

    /** Merchants owning {@code storeCount} stores between them, one to eight stores each. */
    List<ImportedMerchant> merchants(int storeCount) {
        var merchants = new ArrayList<ImportedMerchant>();
        int left = storeCount;
        while (left > 0) {
            int stores = Math.min(left, random.nextInt(10) < 7 ? 1 : 2 + random.nextInt(7));
            merchants.add(merchant(stores));
            left -= stores;
        }
        return merchants;
    }

    ImportedMerchant merchant(String name, String category, int stores) {
        var list = new ArrayList<StoreDetails>();
        for (int i = 0; i < stores; i++) list.add(store(name, category, i));
        return new ImportedMerchant(Ids.next(), name, category, contactName(), mobile(), list);
    }

    private ImportedMerchant merchant(int stores) {
        var category = pick(City.CATEGORIES);
        var brand = PREFIXES[random.nextInt(PREFIXES.length)] + CORES[random.nextInt(CORES.length)] + suffix(category);
        return merchant(brand, category, stores);
    }

    private StoreDetails store(String brand, String category, int index) {
        var road = ROADS[random.nextInt(ROADS.length)];
        var location = near();
        var hours = hoursFor(category);
        return new StoreDetails(brand + "（" + road.replace("路", "") + (index == 0 ? "店" : index + 1 + "号店") + "）",
                DISTRICTS[random.nextInt(DISTRICTS.length)] + road + (1 + random.nextInt(1500)) + "号", "上海",
                location, "021-" + (50000000 + random.nextInt(49999999)), SHANGHAI, hours,
                category.equals("便利店") || category.equals("超市") ? 1500 : 3000 + 500 * random.nextInt(7),
                category, tagsFor(category), List.of(), true);
    }

    /** Downtown-heavy: a normal spread of about 7 km around People's Square, cut at 40 km. */
    private GeoPoint near() {
        while (true) {
            double north = random.nextGaussian() * 7_000, east = random.nextGaussian() * 7_000;
            if (Math.hypot(north, east) > 40_000) continue;
            double lat = CENTRE.lat() + north / 111_320.0;
            double lng = CENTRE.lng() + east / (111_320.0 * Math.cos(Math.toRadians(CENTRE.lat())));
            return new GeoPoint(Math.round(lat * 1e6) / 1e6, Math.round(lng * 1e6) / 1e6);
        }
    }

    private OpeningHours hoursFor(String category) {
        return switch (category) {
            case "便利店" -> OpeningHours.everyDay("00:00-00:00");
            case "烧烤" -> OpeningHours.everyDay("17:00-02:00");
            case "咖啡", "奶茶", "甜品" -> OpeningHours.everyDay("08:00-21:00");
            case "美发", "美甲" -> OpeningHours.everyDay("10:00-21:30");
            case "超市" -> OpeningHours.everyDay("07:30-22:30");
            default -> random.nextBoolean()
                    ? OpeningHours.everyDay("11:00-14:00", "17:00-22:00")
                    : OpeningHours.everyDay("10:00-22:00");
        };
    }

    private List<String> tagsFor(String category) {
        var tags = new ArrayList<String>();
        if (random.nextInt(3) == 0) tags.add("团购");
        if (random.nextInt(4) == 0) tags.add("可订座");
        if (random.nextInt(5) == 0) tags.add("外卖");
        if (!List.of("美发", "美甲", "便利店", "超市").contains(category) && random.nextInt(3) == 0) tags.add("扫码点餐");
        return tags;
    }

    private static String suffix(String category) {
        return switch (category) {
            case "火锅" -> "火锅";
            case "川菜" -> "川菜馆";
            case "本帮菜" -> "本帮菜";
            case "粤菜" -> "茶餐厅";
            case "面馆" -> "面馆";
            case "烧烤" -> "烧烤";
            case "日料" -> "日料";
            case "西餐" -> "西餐厅";
            case "快餐" -> "快餐";
            case "咖啡" -> "咖啡";
            case "奶茶" -> "茶饮";
            case "甜品" -> "甜品";
            case "美发" -> "造型";
            case "美甲" -> "美甲";
            case "便利店" -> "便利店";
            default -> "超市";
        };
    }

    private String contactName() {
        return pick(List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴")) + pick(List.of("先生", "女士", "经理"));
    }

    private String mobile() {
        return "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

}
