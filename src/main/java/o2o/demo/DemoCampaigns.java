package o2o.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import o2o.campaigns.Campaign;
import o2o.campaigns.CampaignImport;
import o2o.campaigns.CampaignTerms;
import o2o.campaigns.Campaigns;
import o2o.campaigns.Channel;
import o2o.campaigns.Device;
import o2o.campaigns.NewTrackingCode;
import o2o.campaigns.PastOrder;
import o2o.campaigns.PastScan;
import o2o.campaigns.Target;
import o2o.deals.Deals;
import o2o.identity.StaffAccounts;
import o2o.identity.StaffPrincipal;
import o2o.insights.Period;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The showcase merchant's marketing story over the last {@value DemoHistory#STORY_DAYS} days: three campaigns (a
 * Spring Festival poster in two stores, a WeChat Moments article for the set meal, table tents in two stores), a few
 * thousand scans of their codes (some by members shortly before an order), and the period's orders attributed by the
 * campaigns' own rule. The campaigns and scans are made once; orders a later run adds are attributed against them.
 */
@Component
class DemoCampaigns {

    static final String POSTER = "春节海报";
    private static final int SCANS = 3000;
    private static final int LEADING_SCANS = 1200;
    private static final Logger log = LoggerFactory.getLogger(DemoCampaigns.class);

    private record StoryCode(UUID id, Campaign campaign) {}

    private final StaffAccounts staff;
    private final Campaigns campaigns;
    private final CampaignImport imports;
    private final Stores stores;
    private final Deals deals;
    private final DemoProperties properties;
    private final Clock clock;

    DemoCampaigns(StaffAccounts staff, Campaigns campaigns, CampaignImport imports, Stores stores, Deals deals,
            DemoProperties properties, Clock clock) {
        this.staff = staff;
        this.campaigns = campaigns;
        this.imports = imports;
        this.stores = stores;
        this.deals = deals;
        this.properties = properties;
        this.clock = clock;
    }

    /** Opens the campaigns and their scans if the merchant has none yet, then attributes the recent orders given. */
    void tell(List<PastOrder> recent) {
        long started = System.nanoTime();
        var owner = staff.byUsername("owner1").orElseThrow();
        var principal = new StaffPrincipal(owner.id(), owner.username(), owner.merchantId(), owner.role(), Set.of());
        var merchant = new MerchantId(owner.merchantId());
        long scans = 0;
        if (campaigns.page(principal, null, Campaigns.MAX_LIMIT).items().stream()
                .noneMatch(c -> c.name().equals(POSTER))) {
            scans = imports.importScans(merchant, scans(open(principal), recent));
        }
        long attributed = imports.attributeOrders(merchant, recent);
        log.info("Demo campaigns: {} scans added, {} orders of the last days attributed (to a campaign or none) in {} ms", scans, attributed,
                (System.nanoTime() - started) / 1_000_000);
    }

    private List<StoryCode> open(StaffPrincipal principal) {
        var today = LocalDate.now(clock.withZone(Period.ZONE));
        var shops = stores.visibleTo(principal).stream().map(Store::id).sorted().toList();
        var setMeal = deals.ofMerchant(principal).stream().filter(d -> !d.terms().flashSale()).findFirst()
                .orElseThrow();
        var codes = new ArrayList<StoryCode>();
        var poster = campaigns.create(principal, new CampaignTerms(POSTER, "门店海报扫码，春节前后拉新",
                today.minusDays(59), today.minusDays(20), Money.cny(300_000), 14));
        codes.add(code(principal, poster, new NewTrackingCode(Channel.POSTER, Target.STORE, shops.get(0), null, null,
                "LNT-CNY-1", "一号店门口海报")));
        codes.add(code(principal, poster, new NewTrackingCode(Channel.POSTER, Target.STORE, shops.get(1 % shops.size()),
                null, null, "LNT-CNY-2", "二号店门口海报")));
        var moments = campaigns.create(principal, new CampaignTerms("朋友圈推文", "朋友圈推双人套餐",
                today.minusDays(45), today.minusDays(5), Money.cny(150_000), 7));
        codes.add(code(principal, moments, new NewTrackingCode(Channel.WECHAT_ARTICLE, Target.DEAL, null, null,
                setMeal.id(), "LNT-WX-1", "朋友圈推文")));
        var tents = campaigns.create(principal, new CampaignTerms("桌贴扫码", "桌贴扫码看菜单、入会",
                today.minusDays(30), today.plusDays(30), Money.cny(50_000), 3));
        codes.add(code(principal, tents, new NewTrackingCode(Channel.TABLE_TENT, Target.MENU, shops.get(0), null, null,
                "LNT-TT-1", "一号店桌贴")));
        codes.add(code(principal, tents, new NewTrackingCode(Channel.TABLE_TENT, Target.MENU,
                shops.get(2 % shops.size()), null, null, "LNT-TT-3", "三号店桌贴")));
        return codes;
    }

    private StoryCode code(StaffPrincipal principal, Campaign campaign, NewTrackingCode code) {
        return new StoryCode(campaigns.addCode(principal, campaign.id(), code).code().id(), campaign);
    }

    /**
     * Scans by members a few minutes to two days before some of the orders on a campaign's days (what the rule will
     * credit), and anonymous passers-by over each campaign's days up to today.
     */
    private List<PastScan> scans(List<StoryCode> codes, List<PastOrder> recent) {
        var random = new Random(properties.seed() + 14);
        var now = clock.instant();
        var scans = new ArrayList<PastScan>();
        double share = Math.min(0.25, (double) LEADING_SCANS / Math.max(1, recent.size()));
        for (var order : recent) {
            if (order.customer() == null || random.nextDouble() >= share) continue;
            var day = LocalDate.ofInstant(order.paidAt(), Period.ZONE);
            var running = codes.stream().filter(c -> c.campaign().isRunningOn(day)).toList();
            if (running.isEmpty()) continue;
            var at = order.paidAt().minus(Duration.ofMinutes(10 + random.nextInt(48 * 60)));
            scans.add(scan(random, running.get(random.nextInt(running.size())), at, order.customer()));
        }
        while (scans.size() < SCANS) {
            var code = codes.get(random.nextInt(codes.size()));
            var start = code.campaign().startsOn().atStartOfDay(Period.ZONE).toInstant();
            var end = code.campaign().endsOn().plusDays(1).atStartOfDay(Period.ZONE).toInstant();
            if (end.isAfter(now)) end = now;
            var at = start.plusSeconds(random.nextLong(Duration.between(start, end).getSeconds()));
            scans.add(scan(random, code, at, null));
        }
        return scans;
    }

    private static PastScan scan(Random random, StoryCode code, Instant at, @Nullable CustomerId customer) {
        var device = random.nextInt(10) < 8 ? Device.WECHAT : random.nextBoolean() ? Device.IOS : Device.ANDROID;
        return new PastScan(new UUID(random.nextLong(), random.nextLong()), code.id(), at,
                new UUID(random.nextLong(), random.nextLong()), customer, device);
    }
}
