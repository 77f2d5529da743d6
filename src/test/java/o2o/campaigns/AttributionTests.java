package o2o.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The attribution rule alone: coupon, then table code, then the latest scan whose window covers the fact. */
class AttributionTests {

    private static final Instant AT = Instant.parse("2027-05-10T04:00:00Z");
    private static final UUID SPRING = UUID.randomUUID();
    private static final UUID SUMMER = UUID.randomUUID();

    private static RecentScan scan(UUID campaign, Duration before, int days) {
        return new RecentScan(campaign, UUID.randomUUID(), AT.minus(before), days);
    }

    @Test
    void aCouponOfACampaignBeatsAnyScan() {
        var attribution = Attribution.decide(SPRING, null, List.of(scan(SUMMER, Duration.ofHours(1), 7)), AT);
        assertThat(attribution.campaignId()).isEqualTo(SPRING);
        assertThat(attribution.rule()).isEqualTo(AttributionRule.COUPON);
        assertThat(attribution.codeId()).isNull();
    }

    @Test
    void aTableCodeBeatsAnEarlierScan() {
        var table = new RecentScan(SUMMER, UUID.randomUUID(), AT, 7);
        var attribution = Attribution.decide(null, table, List.of(scan(SPRING, Duration.ofHours(1), 7)), AT);
        assertThat(attribution).isEqualTo(new Attribution(SUMMER, table.codeId(), AttributionRule.TABLE_CODE));
    }

    @Test
    void theLatestScanWithinItsWindowWins() {
        var older = scan(SPRING, Duration.ofDays(3), 7);
        var newer = scan(SUMMER, Duration.ofDays(1), 7);
        var attribution = Attribution.decide(null, null, List.of(older, newer), AT);
        assertThat(attribution).isEqualTo(new Attribution(SUMMER, newer.codeId(), AttributionRule.SCAN));
    }

    @Test
    void aLaterScanWhoseWindowIsOverLeavesTheFactToAnEarlierOneWithALongerWindow() {
        var longWindow = scan(SPRING, Duration.ofDays(10), 30);
        var shortWindow = scan(SUMMER, Duration.ofDays(8), 7);
        assertThat(Attribution.decide(null, null, List.of(shortWindow, longWindow), AT).campaignId())
                .isEqualTo(SPRING);
    }

    @Test
    void exactlyTheWindowsDaysAfterTheScanStillCountsAndOneSecondLaterDoesNot() {
        assertThat(scan(SPRING, Duration.ofDays(7), 7).covers(AT)).isTrue();
        assertThat(scan(SPRING, Duration.ofDays(7).plusSeconds(1), 7).covers(AT)).isFalse();
        assertThat(Attribution.decide(null, null, List.of(scan(SPRING, Duration.ofDays(7).plusSeconds(1), 7)), AT))
                .isEqualTo(Attribution.ORGANIC);
    }

    @Test
    void aScanAtTheFactsMomentCountsAndAScanAfterItDoesNot() {
        assertThat(scan(SPRING, Duration.ZERO, 7).covers(AT)).isTrue();
        assertThat(scan(SPRING, Duration.ofSeconds(-1), 7).covers(AT)).isFalse();
    }

    @Test
    void noCouponNoTableCodeAndNoScanIsOrganic() {
        var attribution = Attribution.decide(null, null, List.of(), AT);
        assertThat(attribution.organic()).isTrue();
        assertThat(attribution.campaignId()).isNull();
    }

    @Test
    void anOrganicAttributionNamesNoCampaignAndACampaignsIsNeverOrganic() {
        assertThatThrownBy(() -> new Attribution(SPRING, null, AttributionRule.ORGANIC))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Attribution(null, null, AttributionRule.SCAN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
