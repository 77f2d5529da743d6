package o2o.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.UUID;
import java.util.stream.IntStream;

import o2o.shared.InvalidInput;
import o2o.shared.Money;
import org.junit.jupiter.api.Test;

/** The rules of campaigns and tracking codes, without Spring. */
class CampaignTests {

    private static final LocalDate MAY_1 = LocalDate.of(2027, 5, 1);

    private static Campaign campaign(String name, LocalDate from, LocalDate to, long cost, int days) {
        return new Campaign(UUID.randomUUID(), UUID.randomUUID(), name, null, from, to, Money.cny(cost), days,
                CampaignAudience.MERCHANT,
                Instant.EPOCH, UUID.randomUUID());
    }

    private static String fieldOf(Runnable making) {
        try {
            making.run();
        } catch (InvalidInput e) {
            return e.field();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void aCampaignRunsOnEveryDayOfItsPeriodBothEndsIncluded() {
        var may = campaign("五一", MAY_1, MAY_1.plusDays(4), 0, 7);
        assertThat(may.isRunningOn(MAY_1.minusDays(1))).isFalse();
        assertThat(may.isRunningOn(MAY_1)).isTrue();
        assertThat(may.isRunningOn(MAY_1.plusDays(4))).isTrue();
        assertThat(may.isRunningOn(MAY_1.plusDays(5))).isFalse();
        assertThat(campaign("一天", MAY_1, MAY_1, 0, 7).isRunningOn(MAY_1)).as("a one-day campaign").isTrue();
    }

    @Test
    void aCampaignRefusesABlankNameAPeriodEndingBeforeItStartsAndAWindowOutsideOneToNinetyDays() {
        assertThat(fieldOf(() -> campaign("  ", MAY_1, MAY_1, 0, 7))).isEqualTo("name");
        assertThat(fieldOf(() -> campaign("x".repeat(101), MAY_1, MAY_1, 0, 7))).isEqualTo("name");
        assertThat(fieldOf(() -> campaign("五一", MAY_1, MAY_1.minusDays(1), 0, 7))).isEqualTo("endsOn");
        assertThat(fieldOf(() -> campaign("五一", MAY_1, MAY_1, 0, 0))).isEqualTo("attributionDays");
        assertThat(fieldOf(() -> campaign("五一", MAY_1, MAY_1, 0, 91))).isEqualTo("attributionDays");
        assertThat(campaign("五一", MAY_1, MAY_1, 0, 1).attributionDays()).isEqualTo(1);
        assertThat(campaign("五一", MAY_1, MAY_1, 0, 90).attributionDays()).isEqualTo(90);
        assertThatThrownBy(() -> campaign("五一", MAY_1, MAY_1, -1, 7)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void theAttributionWindowDefaultsToSevenDaysAndEndsThatLongAfterTheScan() {
        var terms = new CampaignTerms("五一", null, MAY_1, MAY_1, Money.cny(0), null);
        assertThat(terms.attributionDaysOrDefault()).isEqualTo(7);
        var scan = Instant.parse("2027-05-01T10:00:00Z");
        assertThat(campaign("五一", MAY_1, MAY_1, 0, 3).attributionEndsAfter(scan))
                .isEqualTo(Instant.parse("2027-05-04T10:00:00Z"));
    }

    @Test
    void randomCodesAreEightCharactersWithoutLookAlikesAndDoNotRepeat() {
        var codes = new HashSet<String>();
        IntStream.range(0, 10_000).forEach(i -> codes.add(CodeText.random()));
        assertThat(codes).hasSize(10_000).allMatch(c -> c.matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}"));
        assertThat(String.join("", codes)).doesNotContain("0", "O", "1", "I", "L");
    }

    @Test
    void aChosenCodeIsThreeToThirtyTwoLettersDigitsUnderscoresOrDashes() {
        assertThat(CodeText.chosen("abc")).isEqualTo("abc");
        assertThat(CodeText.chosen("Spring_2027-A")).isEqualTo("Spring_2027-A");
        assertThat(CodeText.chosen("x".repeat(32))).hasSize(32);
        for (var bad : new String[] {"ab", "x".repeat(33), "有中文", "a b c", "a/b/c", "a.b.c"}) {
            assertThat(fieldOf(() -> CodeText.chosen(bad))).as(bad).isEqualTo("code");
            assertThat(CodeText.isWellFormed(bad)).as(bad).isFalse();
        }
        assertThat(CodeText.isWellFormed(null)).isFalse();
    }

    @Test
    void theDeviceComesFromTheUserAgentInAppBrowsersFirst() {
        assertThat(Device.of("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
                + "MicroMessenger/8.0.40")).isEqualTo(Device.WECHAT);
        assertThat(Device.of("Mozilla/5.0 (Linux; Android 13) AlipayClient/10.5.0")).isEqualTo(Device.ALIPAY);
        assertThat(Device.of("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1"))
                .isEqualTo(Device.IOS);
        assertThat(Device.of("Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/120 Mobile")).isEqualTo(Device.ANDROID);
        assertThat(Device.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120")).isEqualTo(Device.DESKTOP);
        assertThat(Device.of("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Safari/605")).isEqualTo(Device.DESKTOP);
        assertThat(Device.of("curl/8.0")).isEqualTo(Device.OTHER);
        assertThat(Device.of(null)).isEqualTo(Device.OTHER);
        assertThat(Device.of("")).isEqualTo(Device.OTHER);
    }

    @Test
    void aStorePageTargetNeedsTheStoreADealTargetTheDealAndJoinNothing() {
        var store = UUID.randomUUID();
        var deal = UUID.randomUUID();
        for (var target : new Target[] {Target.STORE, Target.MENU, Target.BOOKING, Target.PICKUP}) {
            assertThat(fieldOf(() -> new NewTrackingCode(Channel.POSTER, target, null, null, null, null, null)))
                    .as(target.name()).isEqualTo("storeId");
            assertThat(new NewTrackingCode(Channel.POSTER, target, store, null, null, null, null).landingObject())
                    .isEqualTo(store);
        }
        assertThat(fieldOf(() -> new NewTrackingCode(Channel.SMS, Target.DEAL, null, null, null, null, null)))
                .isEqualTo("targetId");
        assertThat(fieldOf(() -> new NewTrackingCode(Channel.SMS, Target.STORE, store, null, deal, null, null)))
                .isEqualTo("targetId");
        assertThat(new NewTrackingCode(Channel.SMS, Target.DEAL, null, null, deal, null, null).landingObject())
                .isEqualTo(deal);
        assertThat(new NewTrackingCode(Channel.FLYER, Target.JOIN, null, null, null, " ", " ").code()).isNull();
        assertThat(fieldOf(() -> new NewTrackingCode(Channel.FLYER, Target.JOIN, null, null, null, "a!", null)))
                .isEqualTo("code");
        assertThat(fieldOf(() -> new NewTrackingCode(Channel.FLYER, Target.JOIN, null, null, null, null,
                "x".repeat(101)))).isEqualTo("label");
    }

    @Test
    void eachTargetLandsOnItsPage() {
        var id = UUID.fromString("0190a000-0000-7000-8000-000000000001");
        assertThat(TrackingCode.landingPath(Target.STORE, id)).isEqualTo("/stores/" + id);
        assertThat(TrackingCode.landingPath(Target.DEAL, id)).isEqualTo("/deals/" + id);
        assertThat(TrackingCode.landingPath(Target.MENU, id)).isEqualTo("/stores/" + id + "/menu");
        assertThat(TrackingCode.landingPath(Target.JOIN, id)).isEqualTo("/stores/" + id + "#membership");
        assertThat(TrackingCode.landingPath(Target.BOOKING, id)).isEqualTo("/stores/" + id + "/reserve");
        assertThat(TrackingCode.landingPath(Target.PICKUP, id)).isEqualTo("/stores/" + id + "/pickup");
    }
}
