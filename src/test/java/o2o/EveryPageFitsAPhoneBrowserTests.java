package o2o;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import o2o.outreach.QuietHours;
import o2o.testing.Browser;
import o2o.testing.BrowserTest;
import o2o.testing.Drained;
import o2o.testing.Fixtures;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page of the customer site, the merchant console and the operator console, opened on a 360 px phone with the
 * CJK fonts a phone in China has, must fit: the document may not be wider than the viewport (a page that scrolls
 * sideways hides its buttons under other cards). The pages are the controllers' GET handlers that render a view, so
 * a new page is measured without anybody remembering to add it; one with path variables or required parameters must
 * be filled from the fixtures below or be on {@link #SKIPPED} with the reason, else this test fails.
 */
class EveryPageFitsAPhoneBrowserTests extends BrowserTest {

    private static final int WIDTH = 360;

    /** Pages not measured, each with why. Keep this short: each entry is a page nobody checks on a phone. */
    private static final Map<String, String> SKIPPED = Map.of(
            "/t/{code}/bill/shares/{shareId}",
            "a share exists only after a seated table ordered rounds and split its bill; BillBrowserTests opens it",
            "/t/{code}/bill/shares/{shareId}/preview",
            "an htmx fragment of the share page above, which needs the same split bill",
            "/signin/wechat/callback",
            "WeChat's OAuth callback: with WeChat's code and the session's state it only redirects (to the page asked "
                    + "for, or to the sign-in page); without them it is the error page, measured elsewhere");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    o2o.notifications.Notifications notifications;
    @Autowired
    o2o.payments.ProviderAccounts gatewayAccounts;
    @Autowired
    o2o.payments.Payments payments;
    @Autowired
    o2o.payments.wechatpay.FakeWechatPay wechatPay;
    @Autowired
    o2o.payments.alipay.FakeAlipay alipay;
    @Autowired
    tools.jackson.databind.json.JsonMapper json;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** The demo-like world the pages are filled from. */
    private record World(UUID merchant, UUID store, UUID deal, UUID tableId, String tableCode, String order,
            String voucher, String paymentRef, String pickup, String reservation, String topUp, UUID member,
            String memberImport, UUID wechatPayment, UUID alipayPayment, UUID cashier, String campaign,
            String trackingCodeId, String trackingCode, String outreach, String unsubscribeToken, String delivery,
            String courier, String deliveryZone, UUID mall, UUID mallStore, String mallOrder) {}

    @Test
    void everyPageIsAtMostAsWideAsA360PixelPhone() {
        var pages = viewPages();
        daytime();
        var phone = Fixtures.uniquePhone();
        var customerToken = fixtures.customerToken(phone);
        var owner = fixtures.approvedMerchant("老弄堂本帮菜 · 人民广场旗舰店");
        var world = world(owner, customerToken);

        var fills = fills(world);
        fills.putAll(mallEventFills(world.mall(), owner, customerToken));
        var unfillable = new ArrayList<String>();
        var urls = new TreeMap<String, String>();
        for (var page : pages.entrySet()) {
            var pattern = page.getKey();
            if (SKIPPED.containsKey(pattern)) continue;
            if (fills.containsKey(pattern)) urls.put(pattern, fills.get(pattern));
            else if (page.getValue()) unfillable.add(pattern);
            else urls.put(pattern, pattern);
        }
        assertThat(unfillable).as("pages with path variables or required parameters that this test cannot fill: "
                + "add a fixture to fills(...) or, with the reason, to SKIPPED").isEmpty();
        assertThat(fills.keySet()).as("filled pages that no controller serves any more").isSubsetOf(pages.keySet());
        assertThat(SKIPPED.keySet()).as("skipped pages that no controller serves any more").isSubsetOf(pages.keySet());

        // the customer signs in on the phone with the same number (a new code once the resend interval has passed)
        clock.advance(Duration.ofMinutes(2));
        var customer = phone(null);
        customer.navigate("/signin");
        enterSmsCode(customer, phone);
        customer.waitForURL(url -> !url.contains("/signin"));
        var ownerPhone = phone(owner.ownerUsername());
        var operator = phone("operator");
        var courier = phone(world.courier());
        var anonymous = phone(null);

        var tooWide = new ArrayList<String>();
        var failed = new ArrayList<String>();
        for (var entry : urls.entrySet()) {
            var pattern = entry.getKey();
            var url = entry.getValue();
            Page on = pattern.startsWith("/merchant/courier") || pattern.equals("/courier") ? courier
                    : pattern.startsWith("/merchant") ? ownerPhone
                    : pattern.startsWith("/admin") ? operator
                    : Set.of("/signin", "/staff/login", "/apply").contains(pattern) ? anonymous
                    : customer;
            var response = on.navigate(url);
            if (response == null || response.status() >= 400) {
                failed.add(url + " → " + (response == null ? "no response" : response.status()));
                continue;
            }
            on.waitForLoadState();
            var fragment = (Boolean) on.evaluate("() => !document.querySelector('meta[name=viewport]')");
            if (fragment) hostFragment(on, pattern);
            @SuppressWarnings("unchecked")
            var widths = (List<Number>) on.evaluate(
                    "() => [document.documentElement.scrollWidth, window.innerWidth]");
            int scroll = widths.get(0).intValue();
            int inner = widths.get(1).intValue();
            if (scroll > inner || scroll > WIDTH) {
                tooWide.add(url + " (" + pattern + (fragment ? ", an htmx fragment in its surface's page" : "")
                        + "): " + scroll + " px wide in a " + inner + " px viewport, widest: " + on.evaluate(WIDEST));
            }
        }
        // the webhook console in the state the issue was found in: a new signing secret shown once, unbroken
        ownerPhone.navigate("/merchant/webhooks");
        ownerPhone.locator("#webhook-url").fill("https://hooks.example.com/o2o/merchants/" + owner.id() + "/events");
        ownerPhone.locator("input[name=eventTypes][value='order.paid']").check();
        ownerPhone.locator("#add-webhook").click();
        ownerPhone.locator("#new-secret").waitFor();
        int secretPage = ((Number) ownerPhone.evaluate("() => document.documentElement.scrollWidth")).intValue();
        if (secretPage > WIDTH) {
            tooWide.add("/merchant/webhooks with a new secret: " + secretPage + " px wide, widest: "
                    + ownerPhone.evaluate(WIDEST));
        }
        assertThat(failed).as("pages that did not open with the fixtures").isEmpty();
        assertThat(tooWide).as("pages wider than a " + WIDTH + " px phone").isEmpty();
        assertThat(urls).as("pages measured").hasSizeGreaterThan(60);
        assertThat(policyViolations).as("what the Content-Security-Policy blocked on the pages").isEmpty();
    }

    /** Moves the clock out of the quiet hours (to the next 10:00 in China), so the send's SMS goes out at once. */
    private void daytime() {
        var now = clock.instant();
        var china = now.atZone(QuietHours.ZONE);
        var ten = china.toLocalDate().atTime(java.time.LocalTime.of(10, 0)).atZone(QuietHours.ZONE);
        if (!ten.isAfter(china)) ten = ten.plusDays(1);
        clock.advance(Duration.between(now, ten.toInstant()));
    }

    /**
     * An htmx fragment (no document of its own, so Chromium would lay it out at 980 px) is measured where it lands: in
     * the main part of a page of the same surface, with every stylesheet of the site.
     */
    private static void hostFragment(Page on, String pattern) {
        var html = (String) on.evaluate("() => document.body.innerHTML");
        on.navigate(pattern.startsWith("/merchant") ? "/merchant" : pattern.startsWith("/admin") ? "/admin" : "/");
        on.evaluate("""
                html => Promise.all(['/css/tableorders.css', '/css/dining-sheet.css'].map(css => new Promise(loaded => {
                    const link = document.createElement('link');
                    link.rel = 'stylesheet';
                    link.href = css;
                    link.onload = link.onerror = loaded;
                    document.head.appendChild(link);
                }))).then(() => { document.querySelector('main').innerHTML = html; })
                """, html);
    }

    /** The deepest elements whose right edge is past the viewport, to say what to fix. */
    private static final String WIDEST = """
            () => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > %d.5)
                .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > %d.5))
                .slice(0, 3)
                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).trim().replace(/\\s+/g, '.') : '')
                    + ' ' + Math.round(e.getBoundingClientRect().right) + 'px')
                .join(', ')
            """.formatted(WIDTH, WIDTH);

    private static com.microsoft.playwright.Browser.NewContextOptions options() {
        return new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(WIDTH, 780).setDeviceScaleFactor(3).setIsMobile(true).setHasTouch(true)
                .setLocale("zh-CN");
    }

    /** A 360 px phone of its own, signed in as this staff member, or (null) not signed in yet. */
    private Page phone(@Nullable String staffUsername) {
        var phone = Browser.get().newContext(options().setBaseURL("http://127.0.0.1:" + port));
        Browser.recordPolicyViolations(phone, policyViolations);
        contexts.add(phone);
        var opened = phone.newPage();
        if (staffUsername == null) return opened;
        var previous = page;
        page = opened;
        try {
            signInAsStaff(staffUsername, staffUsername.equals("operator") ? "operator-pass" : "password-1");
        } finally {
            page = previous;
        }
        return opened;
    }

    private final List<BrowserContext> contexts = new ArrayList<>();
    private final List<String> policyViolations = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void closeSmallPhones() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    /**
     * Pattern → whether it needs filling (path variables or required query parameters), for every GET handler that
     * renders a view, outside the API, Actuator and the OpenAPI pages.
     */
    private Map<String, Boolean> viewPages() {
        var pages = new TreeMap<String, Boolean>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            var info = entry.getKey();
            var handler = entry.getValue();
            var methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) continue;
            if (handler.hasMethodAnnotation(ResponseBody.class)
                    || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)) continue;
            var returns = handler.getMethod().getReturnType();
            if (returns != String.class && returns != ModelAndView.class) continue;
            boolean requiresParameters = false;
            for (var parameter : handler.getMethodParameters()) {
                var param = parameter.getParameterAnnotation(RequestParam.class);
                if (param != null && param.required() && param.defaultValue().equals(ValueConstants.DEFAULT_NONE)
                        && !Map.class.isAssignableFrom(parameter.getParameterType())) {
                    requiresParameters = true;
                }
            }
            for (var pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api") || pattern.startsWith("/actuator") || pattern.startsWith("/v3")
                        || pattern.startsWith("/swagger") || pattern.startsWith("/error")) continue;
                pages.put(pattern, requiresParameters || pattern.contains("{"));
            }
        }
        return pages;
    }

    private World world(Fixtures.MerchantFixture owner, String customerToken) {
        var storeBody = new HashMap<String, Object>(Fixtures.storeBody(
                Fixtures.unique("老弄堂本帮菜（人民广场来福士旗舰店）"), 31.2304, 121.4737, "本帮菜"));
        var allDay = new LinkedHashMap<String, Object>();
        for (var day : java.time.DayOfWeek.values()) allDay.put(day.name(), List.of("00:00-00:00"));
        storeBody.put("openingHours", allDay);
        storeBody.put("address", "上海市黄浦区西藏中路268号来福士广场七楼 701-703 室（近人民广场地铁站 8 号口）");
        var created = api.post("/api/v1/merchant/stores", storeBody, owner.ownerToken());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        var store = UUID.fromString(created.text("id"));

        var category = api.post("/api/v1/merchant/menu/categories", Map.of("name", "招牌热菜", "sortOrder", 1),
                owner.ownerToken());
        assertThat(category.status()).as(category.raw()).isEqualTo(201);
        var item = api.post("/api/v1/merchant/menu/items", Map.of("categoryId", category.text("id"),
                "name", "老上海浓油赤酱红烧肉（肥瘦相间，慢炖两小时）", "description", "招牌",
                "price", Map.of("minor", 4800, "currency", "CNY"), "optionGroups", List.of()), owner.ownerToken());
        assertThat(item.status()).as(item.raw()).isEqualTo(201);

        var deal = fixtures.deal(owner, Set.of(store), 9900, 100, false, "ANYTIME");
        var table = api.post("/api/v1/merchant/stores/" + store + "/tables", Map.of("label", "A01 靠窗大桌", "seats", 6),
                owner.ownerToken());
        assertThat(table.status()).as(table.raw()).isEqualTo(201);

        var joined = api.post("/api/v1/me/memberships", Map.of("merchantId", owner.id()), customerToken);
        assertThat(joined.status()).as(joined.raw()).isEqualTo(200);
        var member = UUID.fromString(api.get("/api/v1/me", customerToken).text("id"));

        var paid = fixtures.order(customerToken, deal, 1);
        assertThat(paid.status()).as(paid.raw()).isEqualTo(201);
        fixtures.pay(customerToken, paid.text("id"), true);
        var voucher = fixtures.vouchersOf(customerToken, 1).get(0).path("id").asString();
        var unpaid = fixtures.order(customerToken, deal, 2);
        var payment = api.post("/api/v1/orders/" + unpaid.text("id") + "/payments", Map.of("provider", "sandbox"),
                customerToken);
        assertThat(payment.status()).as(payment.raw()).isEqualTo(201);
        var redirect = payment.text("redirectUrl");
        var paymentRef = redirect.substring(redirect.lastIndexOf('/') + 1);
        // the merchant also takes WeChat Pay (its Native QR page) and Alipay (its precreated QR page)
        var ownerPrincipal = new o2o.identity.StaffPrincipal(UUID.randomUUID(), owner.ownerUsername(), owner.id(),
                o2o.identity.Role.OWNER, Set.of());
        gatewayAccounts.save(ownerPrincipal, "wechatpay", json.valueToTree(
                wechatPay.newMerchant(o2o.payments.wechatpay.FakeWechatPay.Mode.PUBLIC_KEY).settings(wechatPay)));
        gatewayAccounts.save(ownerPrincipal, "alipay", json.valueToTree(alipay.newApp(false).settings()));
        var byWechat = api.post("/api/v1/orders/" + unpaid.text("id") + "/payments", Map.of("provider", "wechatpay"),
                customerToken);
        assertThat(byWechat.status()).as(byWechat.raw()).isEqualTo(201);
        var byAlipay = payments.start(new o2o.payments.StartPayment(
                new o2o.shared.OrderId(UUID.fromString(unpaid.text("id"))), new o2o.shared.MerchantId(owner.id()),
                new o2o.shared.CustomerId(UUID.fromString(api.get("/api/v1/me", customerToken).text("id"))),
                o2o.shared.Money.cny(19800),
                "alipay", "老上海浓油赤酱红烧肉双人套餐（含两份米饭和一份时令蔬菜）", "/me/orders/" + unpaid.text("id"),
                o2o.payments.PaymentProvider.Scene.QR, null));
        fixtures.staff(owner, o2o.identity.Role.CASHIER, Set.of(store));
        var cashier = jdbc.sql("select id from staff_account where merchant_id = :m and role = 'CASHIER'")
                .param("m", owner.id()).query(UUID.class).single();

        var pickup = api.send("POST", "/api/v1/stores/" + store + "/pickup-orders",
                Map.of("lines", List.of(Map.of("itemId", item.text("id"), "quantity", 2, "optionIds", List.of())),
                        "pickupTime", "", "note", "少放糖，不要葱，谢谢！请在取餐时提醒我带上发票抬头：上海某某餐饮管理有限公司"),
                customerToken, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(pickup.status()).as(pickup.raw()).isEqualTo(201);

        var settings = new HashMap<String, Object>();
        var slots = new LinkedHashMap<String, Object>();
        for (var day : java.time.DayOfWeek.values()) slots.put(day.name(), List.of("11:00", "18:00"));
        settings.put("slots", slots);
        settings.put("tableTypes", List.of(Map.of("name", "小桌（2-4 人）", "minParty", 1, "maxParty", 4, "tables", 5)));
        settings.put("daysAhead", 30);
        settings.put("cutoffMinutes", 60);
        settings.put("depositMinor", 0);
        settings.put("depositPerPerson", false);
        settings.put("freeCancelHours", 24);
        settings.put("reminderMinutes", 120);
        var saved = api.put("/api/v1/merchant/stores/" + store + "/reservations/settings", settings, owner.ownerToken());
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        var tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(2);
        var booking = api.send("POST", "/api/v1/reservations", Map.of("storeId", store, "date", tomorrow.toString(),
                        "time", "18:00", "partySize", 4, "name", "王先生", "note", "靠窗，有一位老人和一个婴儿车"),
                customerToken, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(booking.status()).as(booking.raw()).isIn(200, 201);

        var topUp = api.send("POST", "/api/v1/me/wallet/top-ups", Map.of("merchantId", owner.id(),
                "amount", Map.of("minor", 10000, "currency", "CNY")), customerToken,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(topUp.status()).as(topUp.raw()).isIn(200, 201);

        var imported = api.postRaw("/api/v1/merchant/member-imports",
                "card_number,phone,name,points,balance\n" + Fixtures.unique("VIP") + "," + Fixtures.uniquePhone()
                        + ",欧阳娜娜,120,35.00\n", "text/csv", owner.ownerToken());
        assertThat(imported.status()).as(imported.raw()).isIn(200, 201, 202);

        var campaign = api.post("/api/v1/merchant/campaigns", Map.of("name", "国庆黄金周 · 人民广场地铁站出口大幅海报投放",
                "goal", "拉新与到店", "startsOn", "2027-10-01", "endsOn", "2027-10-07",
                "mediaCost", Map.of("minor", 1_250_000, "currency", "CNY")), owner.ownerToken());
        assertThat(campaign.status()).as(campaign.raw()).isEqualTo(201);
        var trackingCode = api.post("/api/v1/merchant/campaigns/" + campaign.text("id") + "/tracking-codes",
                Map.of("channel", "POSTER", "target", "STORE", "storeId", store,
                        "label", "人民广场地铁站 8 号口扶梯旁的灯箱海报（左侧第二块）"), owner.ownerToken());
        assertThat(trackingCode.status()).as(trackingCode.raw()).isEqualTo(201);

        // a send to every member (none held out), so the results page has a send and the member an unsubscribe link
        Drained.await(jdbc);
        var segment = api.post("/api/v1/merchant/segments", Map.of("name", "全部会员（含导入的 VIP 与到店扫码加入的新会员）",
                "rule", Map.of("field", "visits", "op", "gte", "value", 0)), owner.ownerToken());
        assertThat(segment.status()).as(segment.raw()).isEqualTo(201);
        var today = java.time.LocalDate.now(clock.withZone(QuietHours.ZONE));
        var outreach = api.post("/api/v1/merchant/campaigns", Map.of("name", "春季老客回馈 · 送 50 积分并短信提醒全部会员",
                "startsOn", today.toString(), "endsOn", today.plusDays(14).toString(), "attributionDays", 14),
                owner.ownerToken());
        assertThat(outreach.status()).as(outreach.raw()).isEqualTo(201);
        var planned = api.put("/api/v1/merchant/campaigns/" + outreach.text("id") + "/outreach", Map.of(
                "segmentId", segment.text("id"), "offer", Map.of("kind", "POINTS", "points", 50),
                "message", Map.of("channels", List.of("SMS", "IN_APP"), "text", "{name}，春天到了，送您 50 积分，欢迎回来尝尝新菜！"),
                "holdoutPercent", 0), owner.ownerToken());
        assertThat(planned.status()).as(planned.raw()).isEqualTo(201);
        var unsubscribe = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.sql("select token from outreach_link where merchant_id = :m limit 1")
                        .param("m", owner.id()).query(String.class).optional(), java.util.Optional::isPresent)
                .orElseThrow();

        var deliveryZone = deliveryWorld(owner, store, UUID.fromString(item.text("id")), customerToken);
        // the customer also has an address with a long text and an order to it
        var address = Map.<String, Object>of("label", "公司（总部大楼）", "contact", "欧阳娜娜（前台代收）", "phone", "13800138000",
                "address", "上海市黄浦区淮海中路 999 号环贸广场二期写字楼 36 楼 3601-3608 室（请从 B2 停车场电梯上楼）",
                "lat", 31.2204, "lng", 121.4637);
        var book = api.post("/api/v1/me/addresses", address, customerToken);
        assertThat(book.status()).as(book.raw()).isEqualTo(201);
        var delivery = api.send("POST", "/api/v1/stores/" + store + "/delivery-orders",
                Map.of("lines", List.of(Map.of("itemId", item.text("id"), "quantity", 2, "optionIds", List.of())),
                        "addressId", book.text("id"), "note", "请放在前台，不要打电话，午休时间请敲门两下然后离开，谢谢理解与配合！"),
                customerToken, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(delivery.status()).as(delivery.raw()).isEqualTo(201);
        var courier = jdbc.sql("select username from staff_account where merchant_id = :m and role = 'COURIER'")
                .param("m", owner.id()).query(String.class).single();

        notifications.inApp(member, o2o.notifications.MessageKind.VOUCHERS_ISSUED, "您的券码已到账：https://o2o.example.com/me/vouchers/" + voucher
                + "?utm_source=sms&utm_campaign=spring_festival_2027_very_long_tracking_code");
        var mallWorld = mallWorld(owner, customerToken);
        return new World(owner.id(), store, deal, UUID.fromString(table.text("id")), table.text("code"),
                paid.text("id"), voucher, paymentRef, pickup.text("id"), booking.text("id"),
                topUp.text("orderId"), member, imported.text("id"), UUID.fromString(byWechat.text("id")),
                byAlipay.id(), cashier, campaign.text("id"), trackingCode.text("id"), trackingCode.text("code"),
                outreach.text("id"), unsubscribe, delivery.text("id"), courier, deliveryZone,
                parkingWorld(owner, mallWorld.id(), customerToken), mallWorld.store(), mallWorld.order());
    }

    /** The mall, its first tenant's store (open all day, with a dish) and the customer's cart across tenants. */
    private record MallWorld(UUID id, UUID store, String order) {}

    /**
     * The owner's merchant also runs a mall, in a second building, with a tenant of another merchant on each floor
     * (long names), so the mall operator's pages have something to show.
     */
    private MallWorld mallWorld(Fixtures.MerchantFixture owner, String customerToken) {
        var building = fixtures.store(owner, "老弄堂生活广场 · 人民广场购物中心", 31.2310, 121.4740, "购物中心");
        var mall = api.post("/api/v1/admin/malls", Map.of("buildingStoreId", building, "name", "老弄堂生活广场",
                "floors", List.of(Map.of("level", -1, "name", "B1 美食广场"), Map.of("level", 1, "name", "L1 国际名品"),
                        Map.of("level", 2, "name", "L2 潮流服饰与生活方式"))), fixtures.operatorToken());
        assertThat(mall.status()).as(mall.raw()).isEqualTo(201);
        var id = UUID.fromString(mall.text("id"));
        for (var floor : List.of(-1, 1, 2)) {
            var tenant = fixtures.approvedMerchant("租户 · 海底捞火锅（人民广场来福士店）" + floor);
            var store = fixtures.store(tenant, "海底捞火锅（人民广场来福士店）" + floor, 31.2311, 121.4741, "火锅");
            var letIn = api.post("/api/v1/admin/malls/" + id + "/tenants", Map.of("storeId", store, "floor", floor,
                    "unit", "L" + floor + "-1208A", "category", "餐饮美食"), fixtures.operatorToken());
            assertThat(letIn.status()).as(letIn.raw()).isEqualTo(201);
        }
        // a tenant open all day for pick-up, with a dish, and the customer's cart of it
        var cook = fixtures.approvedMerchant("租户 · 鼎泰丰（人民广场来福士店）");
        var body = new HashMap<String, Object>(Fixtures.storeBody("鼎泰丰（人民广场来福士店）", 31.2311, 121.4741, "餐饮"));
        var allDay = new HashMap<String, List<String>>();
        for (var day : java.time.DayOfWeek.values()) allDay.put(day.name(), List.of("00:00-00:00"));
        body.put("openingHours", allDay);
        var store = UUID.fromString(api.post("/api/v1/merchant/stores", body, cook.ownerToken()).text("id"));
        assertThat(api.post("/api/v1/admin/malls/" + id + "/tenants", Map.of("storeId", store, "floor", -1,
                "unit", "B1-0808", "category", "餐饮美食"), fixtures.operatorToken()).status()).isEqualTo(201);
        var category = api.post("/api/v1/merchant/menu/categories", Map.of("name", "点心", "sortOrder", 1),
                cook.ownerToken());
        var item = api.post("/api/v1/merchant/menu/items", Map.of("categoryId", category.text("id"),
                "name", "蟹粉小笼包（十只装，现包现蒸）", "description", "招牌", "price",
                Map.of("minor", 6800, "currency", "CNY"), "optionGroups", List.of()), cook.ownerToken());
        var cart = api.send("POST", "/api/v1/malls/" + id + "/cart-orders", Map.of("lines", List.of(Map.of(
                "storeId", store, "itemId", item.text("id"), "quantity", 2)), "pickupTime", ""), customerToken,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(cart.status()).as(cart.raw()).isEqualTo(201);
        var closed = api.post("/api/v1/merchant/mall/statements/close", Map.of("month",
                o2o.malls.StatementMonth.last(java.time.Clock.systemUTC()).toString()), owner.ownerToken());
        assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
        var coupon = api.post("/api/v1/merchant/mall/coupons", Map.of("title", "老弄堂生活广场周年庆 · 全场满300减50商场通用券",
                "kind", "AMOUNT_OFF", "amountOff", Map.of("minor", 5000, "currency", "CNY"), "minSpend",
                Map.of("minor", 30000, "currency", "CNY"), "totalQuantity", 1000, "perCustomerLimit", 1,
                "validFrom", java.time.Instant.now().minusSeconds(60).toString(),
                "validUntil", java.time.Instant.now().plus(java.time.Duration.ofDays(30)).toString()), owner.ownerToken());
        assertThat(coupon.status()).as(coupon.raw()).isEqualTo(201);
        return new MallWorld(id, store, cart.text("groupId"));
    }

    /**
     * The customer's new-energy car has been in the mall's car park for two hours (reported by the building's POS
     * key), so the parking pages show a stay with its fee; answers the mall's id.
     */
    private UUID parkingWorld(Fixtures.MerchantFixture owner, UUID mall, String customerToken) {
        var building = api.get("/api/v1/admin/malls/" + mall, fixtures.operatorToken()).text("buildingStoreId");
        var key = api.post("/api/v1/merchant/stores/" + building + "/pos-keys", Map.of("name", "停车场道闸"),
                owner.ownerToken()).text("secret");
        var plate = "沪AD" + String.format("%05d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000));
        assertThat(api.post("/api/v1/me/plates", Map.of("plate", plate), customerToken).status()).isEqualTo(201);
        var entered = api.post("/api/v1/pos/parking/entries", Map.of("plate", plate, "entryId", "B2-EAST-000123",
                "enteredAt", clock.instant().minus(Duration.ofHours(2)).toString()), key);
        assertThat(entered.status()).as(entered.raw()).isEqualTo(201);
        return mall;
    }

    /**
     * The store delivers (a 6 km zone with fee bands), with two paid delivery orders to a long address with a long
     * note, one new and one accepted and waiting for the courier on shift; answers the zone's id.
     */
    private String deliveryWorld(Fixtures.MerchantFixture owner, UUID store, UUID item, String customerToken) {
        var zone = api.post("/api/v1/merchant/stores/" + store + "/delivery/zones", Map.of("name", "人民广场周边六公里全城配送",
                "priority", 1, "radiusMeters", 6000, "minimum", Map.of("minor", 2000, "currency", "CNY"),
                "baseFee", Map.of("minor", 500, "currency", "CNY"), "feeBands", List.of(Map.of("fromMeters", 3000,
                        "perKm", Map.of("minor", 100, "currency", "CNY")))), owner.ownerToken());
        assertThat(zone.status()).as(zone.raw()).isEqualTo(201);
        var courier = fixtures.staff(owner, o2o.identity.Role.COURIER, Set.of());
        assertThat(api.put("/api/v1/merchant/courier/shift", Map.of("onShift", true), courier).status()).isEqualTo(200);
        var ids = new ArrayList<String>();
        for (int i = 0; i < 2; i++) {
            var placed = api.send("POST", "/api/v1/stores/" + store + "/delivery-orders", Map.of(
                    "lines", List.of(Map.of("itemId", item, "quantity", 2, "optionIds", List.of())),
                    "address", Map.of("label", "公司", "contact", "欧阳娜娜（前台代收）", "phone", "13800138000",
                            "address", "上海市静安区南京西路1266号恒隆广场办公楼一座五十二层5201-5208室（请放前台）",
                            "lat", 31.2304 + 2000 / 111_195.0, "lng", 121.4737),
                    "note", "少放糖，不要葱，谢谢！到了请打电话，不要敲门，宝宝在睡觉"), customerToken,
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(placed.status()).as(placed.raw()).isEqualTo(201);
            var id = placed.text("id");
            var payment = api.post("/api/v1/me/delivery-orders/" + id + "/payments", Map.of("provider", "sandbox"),
                    customerToken);
            assertThat(payment.status()).as(payment.raw()).isEqualTo(201);
            var session = new o2o.testing.WebSession(port);
            session.get(payment.text("redirectUrl"));
            assertThat(session.post(payment.text("redirectUrl") + "/confirm", Map.of()).status()).isEqualTo(302);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> api.get("/api/v1/me/delivery-orders/" + id, customerToken).body().path("paidAt")
                            .isString());
            ids.add(id);
        }
        var accepted = api.post("/api/v1/merchant/stores/" + store + "/delivery-orders/" + ids.get(1) + "/accept",
                null, owner.ownerToken());
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        return zone.text("id");
    }

    /** A free event of the owner's mall with long words; the customer signed up (its QR code and text on their page). */
    private Map<String, String> mallEventFills(UUID mall, Fixtures.MerchantFixture owner, String customerToken) {
        var starts = clock.instant().plus(Duration.ofDays(2));
        var event = api.post("/api/v1/merchant/mall/events", Map.of("title", "周末亲子手工市集 · 中庭特别场（限量名额先到先得）",
                "description", "小朋友和家长一起动手做灯笼、扎染手帕和陶艺小摆件，材料由商场提供，现场还有抽奖和租户优惠券派发。",
                "place", "L1 中庭 · 近南门入口（HelloKitty 主题装置旁）", "startsAt", starts.toString(),
                "endsAt", starts.plus(Duration.ofHours(3)).toString(), "capacity", 200,
                "price", Map.of("minor", 0, "currency", "CNY")), owner.ownerToken());
        assertThat(event.status()).as(event.raw()).isEqualTo(201);
        var id = event.text("id");
        var signed = api.post("/api/v1/me/mall-events/" + id + "/sign-ups", null, customerToken);
        assertThat(signed.status()).as(signed.raw()).isEqualTo(201);
        return Map.of("/malls/{mallId}/events", "/malls/" + mall + "/events",
                "/malls/{mallId}/events/{eventId}", "/malls/" + mall + "/events/" + id,
                "/merchant/mall/events/{eventId}", "/merchant/mall/events/" + id,
                "/merchant/mall/events/{eventId}/door", "/merchant/mall/events/" + id + "/door");
    }

    /** Concrete addresses for the pages that need something to show. */
    private static Map<String, String> fills(World w) {
        Function<String, String> store = path -> path.replace("{storeId}", w.store().toString())
                .replace("{id}", w.store().toString());
        var fills = new HashMap<String, String>();
        for (var path : List.of("/stores/{id}", "/stores/{id}/reviews", "/stores/{storeId}/menu", "/stores/{storeId}/reserve",
                "/stores/{storeId}/pickup", "/stores/{storeId}/delivery", "/stores/{storeId}/delivery/quote",
                "/stores/{storeId}/membership", "/stores/{storeId}/coupons",
                "/merchant/stores/{id}", "/merchant/stores/{storeId}/menu", "/merchant/stores/{storeId}/reservations",
                "/merchant/stores/{storeId}/reservations/settings", "/merchant/stores/{storeId}/tables",
                "/merchant/stores/{storeId}/tables/board", "/merchant/stores/{storeId}/tables/sheet",
                "/merchant/stores/{storeId}/pickup", "/merchant/stores/{storeId}/pickup/board",
                "/merchant/stores/{storeId}/kitchen", "/merchant/stores/{storeId}/kitchen/tickets",
                "/merchant/stores/{storeId}/service", "/merchant/stores/{storeId}/service/board",
                "/merchant/stores/{storeId}/delivery", "/merchant/stores/{storeId}/delivery/board",
                "/merchant/stores/{storeId}/delivery/kitchen", "/merchant/stores/{storeId}/delivery/zones",
                "/merchant/stores/{storeId}/delivery/zones/new")) {
            fills.put(path, store.apply(path));
        }
        fills.put("/stores/{storeId}/reservation-link", store.apply("/stores/{storeId}/reservation-link"));
        fills.put("/me/wallet/top-up/bonus", "/me/wallet/top-up/bonus?merchantId=" + w.merchant() + "&amount=500");
        fills.put("/nearby", "/nearby?lat=31.2304&lng=121.4737&radiusMeters=3000");
        fills.put("/deals/{id}", "/deals/" + w.deal());
        fills.put("/me/orders/{id}", "/me/orders/" + w.order());
        fills.put("/me/orders/{id}/status", "/me/orders/" + w.order() + "/status");
        fills.put("/me/orders/{id}/review", "/me/orders/" + w.order() + "/review");
        fills.put("/me/orders/{id}/review-box", "/me/orders/" + w.order() + "/review-box");
        fills.put("/me/vouchers/{id}/qr", "/me/vouchers/" + w.voucher() + "/qr");
        fills.put("/me/pickups/{id}", "/me/pickups/" + w.pickup());
        fills.put("/me/deliveries/{id}", "/me/deliveries/" + w.delivery());
        fills.put("/me/deliveries/{id}/status", "/me/deliveries/" + w.delivery() + "/status");
        fills.put("/me/pickups/{id}/status", "/me/pickups/" + w.pickup() + "/status");
        fills.put("/me/reservations/{id}", "/me/reservations/" + w.reservation());
        fills.put("/me/reservations/{id}/status", "/me/reservations/" + w.reservation() + "/status");
        fills.put("/me/wallet/top-ups/{orderId}", "/me/wallet/top-ups/" + w.topUp());
        fills.put("/me/wallet/top-ups/{orderId}/status", "/me/wallet/top-ups/" + w.topUp() + "/status");
        fills.put("/me/wallet/top-up", "/me/wallet/top-up?merchantId=" + w.merchant());
        fills.put("/me/wallet/pay-option", "/me/wallet/pay-option?merchant=" + w.merchant() + "&amount=9900");
        fills.put("/me/points/checkout", "/me/points/checkout?merchant=" + w.merchant() + "&price=9900");
        fills.put("/me/points/worth", "/me/points/worth?merchant=" + w.merchant());
        fills.put("/me/coupons/choices", "/me/coupons/choices?merchant=" + w.merchant());
        fills.put("/me/memberships/checkout-choice", "/me/memberships/checkout-choice?merchant=" + w.merchant());
        for (var path : List.of("/me/memberships/{merchantId}", "/me/memberships/{merchantId}/mall",
                "/me/memberships/{merchantId}/qr", "/me/memberships/{merchantId}/points")) {
            fills.put(path, path.replace("{merchantId}", w.merchant().toString()));
        }
        for (var path : List.of("/t/{code}", "/t/{code}/join", "/t/{code}/bill", "/t/{code}/bill/panel",
                "/t/{code}/order", "/t/{code}/order/panel")) {
            fills.put(path, path.replace("{code}", w.tableCode()));
        }
        fills.put("/merchant/tables/{tableId}/bill", "/merchant/tables/" + w.tableId() + "/bill");
        fills.put("/merchant/tables/{tableId}/bill/panel", "/merchant/tables/" + w.tableId() + "/bill/panel");
        fills.put("/merchant/members/{customerId}", "/merchant/members/" + w.member());
        fills.put("/merchant/members/{customerId}/facts", "/merchant/members/" + w.member() + "/facts");
        fills.put("/merchant/members/import/{id}", "/merchant/members/import/" + w.memberImport());
        fills.put("/sandbox/pay/{ref}", "/sandbox/pay/" + w.paymentRef());
        fills.put("/pay/options", "/pay/options?merchant=" + w.merchant());
        fills.put("/pay/wechatpay/{paymentId}", "/pay/wechatpay/" + w.wechatPayment() + "?return=/me/orders");
        fills.put("/pay/wechatpay/{paymentId}/status", "/pay/wechatpay/" + w.wechatPayment() + "/status");
        fills.put("/pay/alipay/{paymentId}", "/pay/alipay/" + w.alipayPayment() + "?back=/me/orders");
        fills.put("/pay/alipay/{paymentId}/status", "/pay/alipay/" + w.alipayPayment() + "/status");
        fills.put("/merchant/staff/{id}", "/merchant/staff/" + w.cashier());
        fills.put("/merchant/campaigns/{id}", "/merchant/campaigns/" + w.campaign());
        fills.put("/merchant/campaigns/{id}/results", "/merchant/campaigns/" + w.campaign() + "/results");
        fills.put("/merchant/campaigns/{id}/codes/{codeId}/poster",
                "/merchant/campaigns/" + w.campaign() + "/codes/" + w.trackingCodeId() + "/poster");
        fills.put("/c/{code}", "/c/" + w.trackingCode());
        fills.put("/merchant/outreach/{campaignId}", "/merchant/outreach/" + w.outreach());
        fills.put("/u/{token}", "/u/" + w.unsubscribeToken());
        fills.put("/merchant/stores/{storeId}/delivery/zones/{zoneId}",
                "/merchant/stores/" + w.store() + "/delivery/zones/" + w.deliveryZone());
        fills.put("/malls/{mallId}", "/malls/" + w.mall());
        fills.put("/malls/{mallId}/stores/{storeId}", "/malls/" + w.mall() + "/stores/" + w.mallStore());
        fills.put("/malls/{mallId}/search", "/malls/" + w.mall() + "/search?q=" + "小笼");
        fills.put("/malls/{mallId}/cart", "/malls/" + w.mall() + "/cart");
        fills.put("/me/mall-orders/{groupId}", "/me/mall-orders/" + w.mallOrder());
        fills.put("/me/mall-orders/{groupId}/status", "/me/mall-orders/" + w.mallOrder() + "/status");
        fills.put("/malls/{mallId}/wifi", "/malls/" + w.mall() + "/wifi?mac=AA-BB-CC-DD-EE-FF&ap=L1-AP-03");
        fills.put("/malls/{mallId}/card", "/malls/" + w.mall() + "/card");
        fills.put("/malls/{mallId}/coupons", "/malls/" + w.mall() + "/coupons");
        return fills;
    }
}
