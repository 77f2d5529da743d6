package o2o.commissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.shared.MerchantId;
import org.junit.jupiter.api.Test;

/** Which rate each taker takes of a merchant's order on a day. */
class RateCardTests {

    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);
    private final MerchantId shop = new MerchantId(UUID.randomUUID());
    private final MerchantId other = new MerchantId(UUID.randomUUID());
    private final Taker mall = new Taker(new MerchantId(UUID.randomUUID()));

    private CommissionRate ofMerchant(Taker taker, MerchantId merchant, int bps, LocalDate from) {
        return new CommissionRate(UUID.randomUUID(), taker, merchant, null, bps, from);
    }

    private CommissionRate ofCategory(Taker taker, String category, int bps, LocalDate from) {
        return new CommissionRate(UUID.randomUUID(), taker, null, category, bps, from);
    }

    @Test
    void aMerchantsOwnRateWinsOverItsCategorysEvenWhenTheCategoryRateIsNewer() {
        var card = new RateCard(List.of(ofCategory(Taker.PLATFORM, "火锅", 500, DAY.minusDays(1)),
                ofMerchant(Taker.PLATFORM, shop, 200, DAY.minusDays(30))));
        assertThat(card.ratesFor(shop, "火锅", Map.of(), DAY)).isEqualTo(Map.of(Taker.PLATFORM, 200));
        assertThat(card.ratesFor(other, "火锅", Map.of(), DAY)).isEqualTo(Map.of(Taker.PLATFORM, 500));
        assertThat(card.ratesFor(other, "烧烤", Map.of(), DAY)).isEmpty();
        assertThat(card.ratesFor(other, null, Map.of(), DAY)).as("no category known, no category rate").isEmpty();
    }

    @Test
    void theLatestRateBegunByTheDayAppliesAndAFutureOneNotYet() {
        var card = new RateCard(List.of(ofMerchant(Taker.PLATFORM, shop, 100, DAY.minusDays(10)),
                ofMerchant(Taker.PLATFORM, shop, 300, DAY),
                ofMerchant(Taker.PLATFORM, shop, 900, DAY.plusDays(1))));
        assertThat(card.ratesFor(shop, null, Map.of(), DAY.minusDays(1))).isEqualTo(Map.of(Taker.PLATFORM, 100));
        assertThat(card.ratesFor(shop, null, Map.of(), DAY)).isEqualTo(Map.of(Taker.PLATFORM, 300));
        assertThat(card.ratesFor(shop, null, Map.of(), DAY.plusDays(5))).isEqualTo(Map.of(Taker.PLATFORM, 900));
        assertThat(card.ratesFor(shop, null, Map.of(), DAY.minusDays(11))).isEmpty();
    }

    @Test
    void thePlatformAndAMallBothTakeTheirShareAsTwoLinesPlatformFirst() {
        var card = new RateCard(List.of(ofMerchant(mall, shop, 800, DAY), ofCategory(Taker.PLATFORM, "火锅", 300, DAY)));
        var rates = card.ratesFor(shop, "火锅", Map.of(), DAY);
        assertThat(rates).isEqualTo(Map.of(Taker.PLATFORM, 300, mall, 800));
        assertThat(rates.keySet()).first().isEqualTo(Taker.PLATFORM);
    }

    @Test
    void aZeroOwnRateExemptsTheMerchantAndATakerNeverChargesItself() {
        var card = new RateCard(List.of(ofCategory(Taker.PLATFORM, "火锅", 300, DAY),
                ofMerchant(Taker.PLATFORM, shop, 0, DAY), ofCategory(mall, "火锅", 500, DAY)));
        assertThat(card.ratesFor(shop, "火锅", Map.of(mall.merchant(), "火锅"), DAY)).isEqualTo(Map.of(mall, 500));
        assertThat(card.ratesFor(mall.merchant(), "火锅", Map.of(mall.merchant(), "火锅"), DAY))
                .isEqualTo(Map.of(Taker.PLATFORM, 300));
    }

    @Test
    void aMallsCategoryRateReachesOnlyItsTenantsByTheCategoryTheyRentUnder() {
        var otherMall = new MerchantId(UUID.randomUUID());
        var card = new RateCard(List.of(ofCategory(mall, "餐饮", 600, DAY), ofCategory(Taker.PLATFORM, "餐饮", 100, DAY)));
        assertThat(card.ratesFor(shop, "零售", Map.of(mall.merchant(), "餐饮"), DAY))
                .as("a tenant renting as 餐饮, whatever its own category").isEqualTo(Map.of(mall, 600));
        assertThat(card.ratesFor(other, "餐饮", Map.of(), DAY))
                .as("no tenant of the mall: only the platform's rate of its own category").isEqualTo(Map.of(Taker.PLATFORM, 100));
        assertThat(card.ratesFor(other, null, Map.of(otherMall, "餐饮"), DAY))
                .as("a tenant of another mall in that category").isEmpty();
        assertThat(card.ratesFor(shop, null, Map.of(mall.merchant(), "零售"), DAY)).isEmpty();
        assertThat(card.hasTenantCategoryRates()).isTrue();
        assertThat(new RateCard(List.of(ofCategory(Taker.PLATFORM, "餐饮", 1, DAY))).hasTenantCategoryRates()).isFalse();
    }

    @Test
    void onlyMerchantsARateMayApplyToAreWrittenDown() {
        var named = new RateCard(List.of(ofMerchant(Taker.PLATFORM, shop, 100, DAY)));
        assertThat(named.mayCharge(shop)).isTrue();
        assertThat(named.mayCharge(other)).isFalse();
        assertThat(RateCard.EMPTY.mayCharge(shop)).isFalse();
        assertThat(new RateCard(List.of(ofCategory(Taker.PLATFORM, "火锅", 1, DAY))).mayCharge(other))
                .as("a category rate may apply to any merchant: the drain asks for its category").isTrue();
    }
}
