package o2o.merchants;

import java.util.List;

/** Cities the customer site offers when the browser's location is not available; Shanghai first. */
public record City(String code, String chinese, String english, double lat, double lng) {

    public static final List<City> ALL = List.of(
            new City("shanghai", "上海", "Shanghai", 31.230416, 121.473701),
            new City("beijing", "北京", "Beijing", 39.904211, 116.407395),
            new City("guangzhou", "广州", "Guangzhou", 23.129110, 113.264385),
            new City("shenzhen", "深圳", "Shenzhen", 22.543096, 114.057865),
            new City("hangzhou", "杭州", "Hangzhou", 30.274085, 120.155070),
            new City("chengdu", "成都", "Chengdu", 30.572815, 104.066801));

    /** Categories merchants and stores are filed under. */
    public static final List<String> CATEGORIES = List.of(
            "火锅", "川菜", "本帮菜", "粤菜", "面馆", "烧烤", "日料", "西餐", "快餐", "咖啡", "奶茶", "甜品",
            "美发", "美甲", "便利店", "超市");
}
