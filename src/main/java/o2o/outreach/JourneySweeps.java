package o2o.outreach;

import java.time.Clock;
import java.time.Duration;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import o2o.identity.Customers;
import o2o.loyalty.Loyalty;
import o2o.outreach.Intake.Candidate;
import o2o.outreach.persistence.OutreachRows;
import o2o.profiles.MemberLapses;
import o2o.shared.MerchantId;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The journeys that time starts: a member whose last visit is now {@code triggerDays} old (win-back, once per last
 * visit), a member whose birthday is today in China (once a year), a member whose points start to expire within
 * {@code triggerDays} (once per expiry day). Each sweep looks back a week, so a sweep missed (a node down) is made up
 * and the occurrence keeps a member from being taken in twice.
 */
@Component
class JourneySweeps {

    static final Duration LOOK_BACK = Duration.ofDays(7);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JourneySweeps.class);

    private final OutreachRows rows;
    private final Intake intake;
    private final MemberLapses lapses;
    private final Customers customers;
    private final Loyalty loyalty;
    private final TransactionTemplate tx;
    private final Clock clock;

    JourneySweeps(OutreachRows rows, Intake intake, MemberLapses lapses, Customers customers, Loyalty loyalty,
            TransactionTemplate tx, Clock clock) {
        this.rows = rows;
        this.intake = intake;
        this.lapses = lapses;
        this.customers = customers;
        this.loyalty = loyalty;
        this.tx = tx;
        this.clock = clock;
    }

    /** The sweep, on one node at a time. */
    @Scheduled(fixedDelayString = "${o2o.outreach.sweep-interval:10m}")
    @SchedulerLock(name = "outreach.sweeps", lockAtLeastFor = "PT2M", lockAtMostFor = "PT30M")
    public void sweepOnSchedule() {
        sweep();
    }

    void sweep() {
        for (var kind : List.of(OutreachKind.WIN_BACK, OutreachKind.BIRTHDAY, OutreachKind.POINTS_EXPIRING)) {
            for (var journey : rows.activeJourneys(kind)) {
                try {
                    tx.executeWithoutResult(s -> intake.enter(journey, candidates(journey), clock.instant()));
                } catch (RuntimeException e) {
                    log.warn("journey {} could not take its members in; the next sweep tries again",
                            journey.campaignId(), e);
                }
            }
        }
    }

    private List<Candidate> candidates(Outreach journey) {
        var now = clock.instant();
        var merchant = new MerchantId(journey.merchantId());
        int days = journey.triggerDays() == null ? 0 : journey.triggerDays();
        return switch (journey.kind()) {
            case WIN_BACK -> byDay(lapses.lastVisitBetween(merchant, now.minus(Duration.ofDays(days)).minus(LOOK_BACK),
                    now.minus(Duration.ofDays(days))));
            case POINTS_EXPIRING -> byDay(loyalty.expiring(merchant, now, now.plus(Duration.ofDays(days))));
            case BIRTHDAY -> {
                var today = now.atZone(QuietHours.ZONE).toLocalDate();
                var born = customers.bornOn(MonthDay.from(today));
                var year = String.valueOf(today.getYear());
                yield loyalty.membersAmong(merchant, born).stream().sorted().map(c -> new Candidate(c, year)).toList();
            }
            default -> List.of();
        };
    }

    /** The members with the day (in China) their moment falls on, which is the occurrence. */
    private static List<Candidate> byDay(Map<UUID, java.time.Instant> moments) {
        return moments.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new Candidate(e.getKey(),
                        Objects.toString(e.getValue().atZone(QuietHours.ZONE).toLocalDate())))
                .toList();
    }
}
