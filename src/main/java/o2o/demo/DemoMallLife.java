package o2o.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import o2o.coupons.CouponTerms;
import o2o.coupons.Coupons;
import o2o.footfall.DoorBatch;
import o2o.footfall.DoorCounts;
import o2o.footfall.Visits;
import o2o.identity.CustomerPrincipal;
import o2o.identity.PosKeys;
import o2o.identity.PosPrincipal;
import o2o.identity.StaffAccounts;
import o2o.identity.StaffPrincipal;
import o2o.mallevents.EventDoor;
import o2o.mallevents.EventSignUps;
import o2o.mallevents.EventTerms;
import o2o.mallevents.MallEvents;
import o2o.malls.MallCoupons;
import o2o.malls.MallStatements;
import o2o.malls.StatementMonth;
import o2o.parking.CarPark;
import o2o.parking.Plates;
import o2o.shared.CustomerId;
import o2o.shared.Money;
import o2o.shared.PhoneNumber;
import org.springframework.stereotype.Component;

/**
 * What happens in the demo's mall besides shopping: a month of door counts at three entrances and the members' Wi-Fi
 * visits (most purchases made during one), two mall coupons claimed by members, three upcoming events (one with its
 * early arrivals checked in), last month's statements with the first payout paid, and cars in the car park, so the
 * mall console's dashboard, coupons, events, settlement and parking pages all have figures at first look.
 */
@Component
class DemoMallLife {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final List<String> ENTRANCES = List.of("北门（西藏中路）", "南门（福州路）", "地铁 B1 口");
    private static final int[] ENTRANCE_WEIGHT = {5, 3, 4};
    private static final int DAYS = 30;

    /** A purchase of the month, for the Wi-Fi visit it was made in. */
    record Purchase(UUID customer, Instant at) {}

    private final StaffAccounts staff;
    private final PosKeys posKeys;
    private final DoorCounts doors;
    private final Visits visits;
    private final MallCoupons mallCoupons;
    private final Coupons coupons;
    private final MallEvents events;
    private final EventSignUps signUps;
    private final EventDoor door;
    private final MallStatements statements;
    private final Plates plates;
    private final CarPark carPark;
    private final Clock clock;

    DemoMallLife(StaffAccounts staff, PosKeys posKeys, DoorCounts doors, Visits visits, MallCoupons mallCoupons,
            Coupons coupons, MallEvents events, EventSignUps signUps, EventDoor door, MallStatements statements,
            Plates plates, CarPark carPark, Clock clock) {
        this.staff = staff;
        this.posKeys = posKeys;
        this.doors = doors;
        this.visits = visits;
        this.mallCoupons = mallCoupons;
        this.coupons = coupons;
        this.events = events;
        this.signUps = signUps;
        this.door = door;
        this.statements = statements;
        this.plates = plates;
        this.carPark = carPark;
        this.clock = clock;
    }

    /** The mall's month: what its people did besides buying, and what is owed for it. */
    void tell(DemoMall.Opened opened, long seed) {
        var purchases = opened.purchases();
        var random = new Random(seed);
        var operator = principal("mall1");
        var mall = opened.mall();
        var keyOwner = operator.staffId();
        var counter = posKeys.create(mall.owner(), mall.building(), "客流计数器", keyOwner).key();
        var gate = posKeys.create(mall.owner(), mall.building(), "停车场道闸", keyOwner).key();
        doorCounts(new PosPrincipal(counter.merchantId(), counter.storeId(), counter.id()), random);
        visits(opened, purchases, random);
        coupons(operator, opened.members());
        events(operator, opened.members());
        var last = StatementMonth.last(clock);
        var closed = statements.close(mall, last);
        if (!closed.isEmpty()) statements.pay(mall, closed.getFirst().id(), "招商银行 " + last + "-0001");
        parking(new PosPrincipal(gate.merchantId(), gate.storeId(), gate.id()), opened.members());
    }

    /** Every ended quarter hour of the last 30 days, at each entrance: busier at weekends, in the afternoon and evening. */
    private void doorCounts(PosPrincipal counter, Random random) {
        var now = clock.instant();
        var today = LocalDate.now(clock.withZone(SHANGHAI));
        for (int e = 0; e < ENTRANCES.size(); e++) {
            for (int d = DAYS; d >= 0; d--) {
                var day = today.minusDays(d);
                boolean weekend = day.getDayOfWeek().getValue() >= 6;
                var intervals = new ArrayList<DoorBatch.Interval>(96);
                for (int q = 0; q < 96; q++) {
                    var start = day.atStartOfDay(SHANGHAI).plusMinutes(15L * q).toInstant();
                    if (start.plus(DoorBatch.INTERVAL).isAfter(now)) break;
                    double hour = q / 4.0;
                    int people = hour < 10 || hour >= 22 ? 0 : (int) Math.round(ENTRANCE_WEIGHT[e] * (weekend ? 1.6 : 1)
                            * (6 + 10 * Math.exp(-Math.pow(hour - 15.5, 2) / 8) + 6 * Math.exp(-Math.pow(hour - 19, 2) / 2))
                            * (0.8 + 0.4 * random.nextDouble()));
                    int out = hour < 10 ? 0 : (int) Math.round(people * (0.85 + 0.3 * random.nextDouble()));
                    intervals.add(new DoorBatch.Interval(start, people, out));
                }
                if (!intervals.isEmpty()) doors.record(counter, new DoorBatch(ENTRANCES.get(e), intervals));
            }
        }
    }

    /**
     * Two in three purchases of the month were made during a Wi-Fi visit (signed in up to an hour before, left up to
     * an hour after), and as many visits again bought nothing.
     */
    private void visits(DemoMall.Opened opened, List<Purchase> purchases, Random random) {
        var past = new ArrayList<Visits.PastVisit>();
        var now = clock.instant();
        for (var purchase : purchases) {
            if (random.nextInt(3) == 0) continue;
            var first = purchase.at().minus(Duration.ofMinutes(5 + random.nextInt(55)));
            var last = purchase.at().plus(Duration.ofMinutes(5 + random.nextInt(55)));
            past.add(new Visits.PastVisit(new CustomerId(purchase.customer()), first, last.isAfter(now) ? now : last));
        }
        int browsing = past.size();
        for (int i = 0; i < browsing; i++) {
            var customer = opened.members().get(random.nextInt(opened.members().size()));
            var day = LocalDate.now(clock.withZone(SHANGHAI)).minusDays(1 + random.nextInt(DAYS));
            var first = day.atStartOfDay(SHANGHAI).plusMinutes(10 * 60 + random.nextInt(11 * 60)).toInstant();
            past.add(new Visits.PastVisit(new CustomerId(customer), first,
                    first.plus(Duration.ofMinutes(15 + random.nextInt(120)))));
        }
        visits.importPast(opened.mall(), past);
    }

    /** The mall's two coupons: ¥30 off ¥200 at every tenant, 20 % off at the restaurants of L4; members claim them. */
    private void coupons(StaffPrincipal operator, List<UUID> members) {
        var now = clock.instant();
        var all = mallCoupons.issue(operator, new CouponTerms("悦荟广场满200减30", CouponTerms.Kind.AMOUNT_OFF,
                Money.cny(3000), null, null, Money.cny(20000), Set.of(), 500, 1, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(30))), new MallCoupons.Eligible(Set.of(), Set.of()));
        mallCoupons.issue(operator, new CouponTerms("L4 美食八折券", CouponTerms.Kind.PERCENT_OFF, null, 20,
                Money.cny(5000), Money.cny(10000), Set.of(), 200, 1, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(14))), new MallCoupons.Eligible(Set.of(), Set.of()));
        for (int i = 0; i < 60; i++) coupons.claim(new CustomerId(members.get(i)), all.id());
    }

    /** Three events to come; the first starts within the hour and its early arrivals are checked in. */
    private void events(StaffPrincipal operator, List<UUID> members) {
        var now = clock.instant();
        var soon = now.plus(Duration.ofMinutes(50));
        var lego = events.create(operator, new EventTerms("周末亲子乐高拼搭赛", "6–12 岁小朋友与家长一起拼搭，作品现场展示，优胜者获乐高礼盒。",
                "L3 中庭", soon, soon.plus(Duration.ofHours(2)), 30, Money.cny(0), soon));
        var market = now.plus(Duration.ofDays(5));
        events.create(operator, new EventTerms("悦荟冬季市集", "三十家租户的限定好物与热饮，凭会员码领取暖手宝一个（限量）。", "一楼中庭与北广场",
                market, market.plus(Duration.ofHours(8)), 300, Money.cny(0), market));
        var latte = now.plus(Duration.ofDays(3));
        events.create(operator, new EventTerms("咖啡拉花体验课", "星巴克咖啡师带你做一杯拉花拿铁，含饮品与小食。", "L1 星巴克",
                latte, latte.plus(Duration.ofMinutes(90)), 12, Money.cny(4900), latte.minus(Duration.ofHours(2))));
        for (int i = 0; i < 24; i++) {
            var customer = new CustomerPrincipal(members.get(i), phoneOf(i));
            var signUp = signUps.signUp(customer, lego.id()).signUp();
            if (i < 10) door.checkIn(operator, lego.id(), signUps.ticket(customer, signUp.id()));
        }
    }

    /** Five members' cars in the car park, parked from half an hour to four hours ago. */
    private void parking(PosPrincipal gate, List<UUID> members) {
        var now = clock.instant();
        for (int i = 0; i < 5; i++) {
            var customer = new CustomerPrincipal(members.get(100 + i), phoneOf(100 + i));
            var plate = plates.add(customer, "沪A" + (52000 + i * 7)).number();
            carPark.enter(gate, plate, "B2-" + (1000 + i), now.minus(Duration.ofMinutes(30 + 50L * i)).toString());
        }
    }

    /** The member's phone, as the mall's members were registered ({@link DemoMall}). */
    private static PhoneNumber phoneOf(int member) {
        return new PhoneNumber("152" + String.format("%08d", member));
    }

    private StaffPrincipal principal(String username) {
        var s = staff.byUsername(username).orElseThrow();
        return new StaffPrincipal(s.id(), s.username(), s.merchantId(), s.role(), s.storeIds());
    }
}
