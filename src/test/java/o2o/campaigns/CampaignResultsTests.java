package o2o.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import o2o.shared.InvalidInput;
import o2o.shared.Money;
import org.junit.jupiter.api.Test;

/** ROI, cost per new member and the results' period, without Spring. */
class CampaignResultsTests {

    private static Campaign campaign(long mediaCost) {
        return new Campaign(UUID.randomUUID(), UUID.randomUUID(), "春季", null, LocalDate.parse("2027-05-01"),
                LocalDate.parse("2027-05-05"), new Money(mediaCost, Money.CNY), 7, CampaignAudience.MERCHANT, Instant.now(),
                UUID.randomUUID());
    }

    private static CampaignResults results(long mediaCost, long net, long discount, long members) {
        var totals = new Figures("", 0, 0, 1, 0, members, 0, net, discount);
        return new CampaignResults(campaign(mediaCost), new ResultsPeriod(LocalDate.parse("2027-05-01"),
                LocalDate.parse("2027-05-05")), totals, new Funnel(0, 0, 0, 0, 0, 0), List.of(), List.of(), List.of(),
                List.of());
    }

    @Test
    void roiIsWhatIsLeftOfNetRevenueAfterDiscountsAndMediaOverTheMediaCost() {
        assertThat(results(10000, 35000, 5000, 0).roi()).isEqualByComparingTo("2.0000");
        assertThat(results(30000, 10000, 0, 0).roi()).isEqualByComparingTo("-0.6667");
        assertThat(results(0, 10000, 0, 0).roi()).as("nothing spent on media").isNull();
    }

    @Test
    void costPerNewMemberSharesTheMediaCostRoundedHalfUpAndIsNullWithoutMembers() {
        assertThat(results(10000, 0, 0, 3).costPerNewMemberMinor()).isEqualTo(3333);
        assertThat(results(10001, 0, 0, 2).costPerNewMemberMinor()).isEqualTo(5001);
        assertThat(results(10000, 0, 0, 0).costPerNewMemberMinor()).isNull();
    }

    @Test
    void aPeriodIsAtMost366DaysAndEndsOnOrAfterItStarts() {
        var from = LocalDate.parse("2027-01-01");
        assertThat(new ResultsPeriod(from, from.plusDays(365)).to()).isEqualTo("2028-01-01");
        assertThatThrownBy(() -> new ResultsPeriod(from, from.plusDays(366))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new ResultsPeriod(from, from.minusDays(1))).isInstanceOf(InvalidInput.class);
        assertThat(new ResultsPeriod(from, from).end()).isEqualTo(Instant.parse("2027-01-01T16:00:00Z"));
        assertThat(new ResultsPeriod(from, from).start()).isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
    }

    @Test
    void aMissingDayIsTheCampaignsOwn() {
        var period = ResultsPeriod.of(null, LocalDate.parse("2027-05-03"), campaign(0));
        assertThat(period).isEqualTo(new ResultsPeriod(LocalDate.parse("2027-05-01"), LocalDate.parse("2027-05-03")));
    }
}
