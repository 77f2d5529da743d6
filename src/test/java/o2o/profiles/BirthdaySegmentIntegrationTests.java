package o2o.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.testing.ApiTest;
import o2o.testing.Drained;
import o2o.testing.Fixtures;
import o2o.testing.Fixtures.MerchantFixture;
import o2o.testing.PosSaleBodies;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Segments on birthdays read the profiles' own copy of them: kept when a customer sets theirs, read once for a
 * customer whose birthday was given before it was kept, and compared by month and by the days to the next one.
 */
class BirthdaySegmentIntegrationTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aBirthdaySetLandsInTheMembersSegmentsAndShowsOnTheProfile() {
        var merchant = fixtures.approvedMerchant("生日分群");
        var phone = Fixtures.uniquePhone();
        var customer = join(merchant, phone);
        var token = fixtures.customerToken(phone);
        var other = join(merchant, Fixtures.uniquePhone());
        Drained.await(jdbc);
        var today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        var soon = today.plusDays(3);
        var may = save(merchant, "本月过生日", Map.of("field", "birthdayMonth", "op", "eq",
                "value", soon.getMonthValue()));
        assertThat(members(merchant, may)).isEmpty();

        var birthday = LocalDate.of(1992, soon.getMonthValue(), soon.getDayOfMonth());
        var set = api.put("/api/v1/me/birthday", Map.of("birthday", birthday.toString()), token);
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(members(merchant, may)).containsExactly(customer));

        assertThat(preview(merchant, "birthdayInDays", "lte", 5)).containsExactly(customer);
        assertThat(preview(merchant, "birthdayInDays", "eq", 3)).containsExactly(customer);
        assertThat(preview(merchant, "birthdayInDays", "eq", 2)).isEmpty();
        assertThat(preview(merchant, "birthdayInDays", "lte", 2)).isEmpty();
        assertThat(preview(merchant, "birthdayMonth", "eq", soon.plusMonths(1).getMonthValue())).isEmpty();
        assertThat(preview(merchant, "visits", "gte", 0)).as("both members").containsExactlyInAnyOrder(customer,
                other);
        var profile = api.get("/api/v1/merchant/members/" + customer + "/profile", merchant.ownerToken());
        assertThat(profile.body().path("birthday").asString()).isEqualTo(birthday.toString());

        var cleared = api.put("/api/v1/me/birthday", java.util.Collections.singletonMap("birthday", null), token);
        assertThat(cleared.status()).as(cleared.raw()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(members(merchant, may)).isEmpty());
    }

    @Test
    void aBirthdayGivenBeforeItWasKeptIsReadWhenTheProjectionFirstMeetsTheCustomer() {
        var merchant = fixtures.approvedMerchant("生日补读");
        var store = fixtures.store(merchant, Fixtures.unique("生日店"), 31.2, 121.4, "火锅");
        var key = api.post("/api/v1/merchant/stores/" + store + "/pos-keys", Map.of("name", "前台"),
                merchant.ownerToken()).text("secret");
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        assertThat(api.put("/api/v1/me/birthday", Map.of("birthday", "1985-11-02"), customer).status())
                .isEqualTo(200);
        var id = api.get("/api/v1/me", customer).text("id");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> birthdayRows(id) == 1);
        jdbc.sql("delete from profile_birthday where customer_id = :c").param("c", UUID.fromString(id)).update();

        join(merchant, phone);
        var sold = api.post("/api/v1/pos/sales", PosSaleBodies.sale("B-1", 5000, clock.instant().minusSeconds(60),
                "CASH", Map.of("phone", phone)), key);
        assertThat(sold.status()).as(sold.raw()).isEqualTo(201);
        Drained.await(jdbc);

        assertThat(preview(merchant, "birthdayMonth", "eq", 11)).containsExactly(id);
        assertThat(preview(merchant, "birthdayMonth", "eq", 10)).isEmpty();
    }

    @Test
    void aBirthdayConditionOutOfRangeIsA400NamingTheValue() {
        var merchant = fixtures.approvedMerchant("生日校验");
        for (var bad : List.of(Map.of("field", "birthdayMonth", "op", "eq", "value", 13),
                Map.of("field", "birthdayMonth", "op", "eq", "value", 0),
                Map.of("field", "birthdayInDays", "op", "lte", "value", 367),
                Map.of("field", "birthdayInDays", "op", "gt", "value", 3),
                Map.of("field", "birthdayMonth", "op", "eq", "value", "五月"))) {
            var refused = api.post("/api/v1/merchant/segments/preview", Map.of("rule", bad), merchant.ownerToken());
            assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
            assertThat(refused.body().path("field").asString()).startsWith("rule.");
        }
    }

    private long birthdayRows(String customer) {
        return jdbc.sql("select count(*) from profile_birthday where customer_id = :c")
                .param("c", UUID.fromString(customer)).query(Long.class).single();
    }

    private List<String> preview(MerchantFixture merchant, String field, String op, Object value) {
        var preview = api.post("/api/v1/merchant/segments/preview",
                Map.of("rule", Map.of("field", field, "op", op, "value", value)), merchant.ownerToken());
        assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
        return preview.body().path("sample").valueStream().map(JsonNode::asString).toList();
    }

    private String save(MerchantFixture merchant, String name, Map<String, ?> rule) {
        var saved = api.post("/api/v1/merchant/segments", Map.of("name", name, "rule", rule), merchant.ownerToken());
        assertThat(saved.status()).as(saved.raw()).isEqualTo(201);
        return saved.text("id");
    }

    private List<String> members(MerchantFixture merchant, String segment) {
        var page = api.get("/api/v1/merchant/segments/" + segment + "/members", merchant.ownerToken());
        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        return page.body().path("items").valueStream().map(JsonNode::asString).toList();
    }

    private String join(MerchantFixture merchant, String phone) {
        var member = api.post("/api/v1/merchant/members", Map.of("phone", phone, "name", "会员"),
                merchant.ownerToken());
        assertThat(member.status()).as(member.raw()).isEqualTo(201);
        return member.text("customerId");
    }
}
