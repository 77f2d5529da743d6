package o2o.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import o2o.identity.Customers;
import o2o.identity.Role;
import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.PhoneNumber;
import o2o.testing.Api;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.CrossMerchantAccess;
import o2o.testing.CrossMerchantAccess.Endpoint;
import o2o.testing.CrossMerchantAccess.Victim;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class MemberImportIntegrationTests extends ApiTest {

    static final String HEADER = "card_number,phone,name,points,balance\n";

    @Autowired
    Customers customers;

    Api.Response importCsv(String csv, String token) {
        return api.postRaw("/api/v1/merchant/member-imports", csv, "text/csv", token);
    }

    JsonNode imported(String csv, String token) {
        var response = importCsv(csv, token);
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.body();
    }

    long points(String customer, Fixtures.MerchantFixture merchant) {
        return api.get("/api/v1/me/points?merchantId=" + merchant.id(), customer).body().path("points").asLong();
    }

    long principal(String customer, Fixtures.MerchantFixture merchant) {
        return api.get("/api/v1/me/wallet?merchantId=" + merchant.id(), customer).body().path("principal").path("minor").asLong();
    }

    void assertLedgerReconciles() {
        var reconciled = api.get("/api/v1/admin/ledger/reconcile", fixtures.operatorToken()).body();
        assertThat(reconciled.path("differences").size()).isZero();
        assertThat(reconciled.path("unbalancedEntries").size()).isZero();
    }

    static List<Integer> lines(JsonNode report) {
        var lines = new ArrayList<Integer>();
        report.path("rejections").forEach(r -> lines.add(r.path("line").asInt()));
        return lines;
    }

    static List<String> reasons(JsonNode report) {
        var reasons = new ArrayList<String>();
        report.path("rejections").forEach(r -> reasons.add(r.path("reason").asString()));
        return reasons;
    }

    @Test
    void badRowsAreRejectedWithTheirLineAndReasonAndTheGoodOnesImported() {
        var merchant = fixtures.approvedMerchant("导入会员店");
        String p1 = Fixtures.uniquePhone(), p2 = Fixtures.uniquePhone(), p3 = Fixtures.uniquePhone(),
                p4 = Fixtures.uniquePhone(), p5 = Fixtures.uniquePhone(), p6 = Fixtures.uniquePhone();
        var a = Fixtures.unique("A"); // unique card numbers per test run
        var csv = HEADER
                + a + "-1," + p1 + ",张三,100,12.50\n"
                + a + "-2,12345,李四,0,0\n"
                + "!!," + p2 + ",王五,0,0\n"
                + a + "-3," + p3 + ",赵六,-5,0\n"
                + a + "-4," + p4 + ",钱七,10,abc\n"
                + a + "-1," + p5 + ",重复,1,1\n"
                + a + "-5," + p6 + ",\"孙, 八\",7,0.5\n"
                + a + "-6," + p6 + ",only four columns\n";
        var report = imported(csv, merchant.ownerToken());

        assertThat(report.path("rows").asInt()).isEqualTo(8);
        assertThat(report.path("imported").asInt()).isEqualTo(2);
        assertThat(report.path("rejected").asInt()).isEqualTo(6);
        assertThat(lines(report)).containsExactly(3, 4, 5, 6, 7, 9);
        assertThat(reasons(report)).containsExactly("phone", "card-number", "points", "balance", "duplicate-card", "columns");
        assertThat(report.path("rejections").get(0).path("detail").asString()).isEqualTo("手机号不对");
        assertThat(customers.byPhone(new PhoneNumber(p5))).as("a rejected row registers nobody").isEmpty();
        assertThat(customers.byPhone(new PhoneNumber(p3))).isEmpty();

        var zhang = fixtures.customerToken(p1);
        assertThat(points(zhang, merchant)).isEqualTo(100);
        assertThat(principal(zhang, merchant)).isEqualTo(1250);
        var membership = api.get("/api/v1/me/memberships", zhang).body().get(0);
        assertThat(membership.path("channel").asString()).isEqualTo("import");
        var sun = fixtures.customerToken(p6);
        assertThat(points(sun, merchant)).isEqualTo(7);
        assertThat(principal(sun, merchant)).isEqualTo(50);
        assertThat(customers.byCard(merchant.id(), a + "-5").orElseThrow().phone().value()).isEqualTo(p6);

        var again = api.get("/api/v1/merchant/member-imports/" + report.path("id").asString(), merchant.ownerToken());
        assertThat(again.status()).isEqualTo(200);
        assertThat(lines(again.body())).containsExactly(3, 4, 5, 6, 7, 9);
        assertThat(api.get("/api/v1/merchant/member-imports", merchant.ownerToken()).body().path("items").get(0)
                .path("id").asString()).isEqualTo(report.path("id").asString());
        assertLedgerReconciles();
    }

    @Test
    void aCardWhosePhoneIsAlreadyACustomerIsMergedIntoThatCustomerNotDuplicated() {
        var merchant = fixtures.approvedMerchant("合并导入");
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        var id = api.get("/api/v1/me", customer).text("id");
        assertThat(api.post("/api/v1/me/memberships", Map.of("merchantId", merchant.id()), customer).status()).isEqualTo(200);
        var card1 = Fixtures.unique("M");
        var card2 = Fixtures.unique("M");

        var report = imported(HEADER + card1 + "," + phone + ",老会员,300,100\n" + card2 + ",+86 " + phone + ",,20,\n",
                merchant.ownerToken());
        assertThat(report.path("merged").asInt()).isEqualTo(2);
        assertThat(report.path("imported").asInt()).isZero();

        assertThat(customers.byPhone(new PhoneNumber(phone)).orElseThrow().customerId().toString()).isEqualTo(id);
        assertThat(customers.countWithPrefix(phone)).as("still one customer for the phone").isEqualTo(1);
        assertThat(customers.cardsOf(new CustomerId(UUID.fromString(id)), new MerchantId(merchant.id()))).hasSize(2);
        assertThat(points(customer, merchant)).isEqualTo(320);
        assertThat(principal(customer, merchant)).isEqualTo(10000);
        var membership = api.get("/api/v1/me/memberships", customer).body();
        assertThat(membership.size()).isEqualTo(1);
        assertThat(membership.get(0).path("channel").asString()).as("the earlier join is kept").isEqualTo("online");
    }

    @Test
    void aCardAlreadyBoundToAnotherPhoneIsRejected() {
        var merchant = fixtures.approvedMerchant("卡已绑定");
        var atCounter = Fixtures.unique("K");
        assertThat(api.post("/api/v1/merchant/member-cards", Map.of("phone", Fixtures.uniquePhone(), "cardNumber", atCounter),
                merchant.ownerToken()).status()).isEqualTo(201);
        var imported = Fixtures.unique("K");
        imported(HEADER + imported + "," + Fixtures.uniquePhone() + ",,5,\n", merchant.ownerToken());

        var other = Fixtures.uniquePhone();
        var report = imported(HEADER + atCounter + "," + other + ",,10,1\n" + imported + "," + other + ",,10,1\n",
                merchant.ownerToken());
        assertThat(reasons(report)).containsExactly("card-bound-to-another-phone", "card-bound-to-another-phone");
        assertThat(lines(report)).containsExactly(2, 3);
        assertThat(customers.byPhone(new PhoneNumber(other))).as("nothing of the rejected rows stays").isEmpty();
        assertLedgerReconciles();
    }

    @Test
    void importingTheSameFileTwiceBooksPointsAndBalanceOnce() {
        var merchant = fixtures.approvedMerchant("重复导入");
        var manager = fixtures.staff(merchant, Role.MANAGER, Set.of());
        var phones = IntStream.range(0, 5).mapToObj(i -> Fixtures.uniquePhone()).toList();
        var prefix = Fixtures.unique("T");
        var csv = new StringBuilder(HEADER);
        for (int i = 0; i < phones.size(); i++) csv.append(prefix).append('-').append(i).append(',').append(phones.get(i))
                .append(",会员").append(i).append(',').append(100 * (i + 1)).append(",").append(i + 1).append(".25\n");

        var first = imported(csv.toString(), merchant.ownerToken());
        assertThat(first.path("imported").asInt()).isEqualTo(5);
        var second = imported(csv.toString(), manager);
        assertThat(second.path("unchanged").asInt()).isEqualTo(5);
        assertThat(second.path("imported").asInt() + second.path("merged").asInt() + second.path("rejected").asInt()).isZero();

        for (int i = 0; i < phones.size(); i++) {
            var customer = fixtures.customerToken(phones.get(i));
            assertThat(points(customer, merchant)).isEqualTo(100L * (i + 1));
            assertThat(principal(customer, merchant)).isEqualTo(100L * (i + 1) + 25);
        }
        assertLedgerReconciles();
    }

    @Test
    void theSameImportSentTwiceWithOneIdempotencyKeyReplaysTheFirstReport() throws Exception {
        var merchant = fixtures.approvedMerchant("幂等导入");
        var phone = Fixtures.uniquePhone();
        var csv = HEADER + Fixtures.unique("I") + "," + phone + ",,40,4.00\n";
        var key = "import-" + UUID.randomUUID();
        var http = HttpClient.newHttpClient();
        var request = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/merchant/member-imports"))
                .header("Authorization", "Bearer " + merchant.ownerToken())
                .header("Content-Type", "text/csv")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build();
        var first = http.send(request, HttpResponse.BodyHandlers.ofString());
        var second = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(api.get("/api/v1/merchant/member-imports", merchant.ownerToken()).body().path("items").size()).isEqualTo(1);
        var customer = fixtures.customerToken(phone);
        assertThat(points(customer, merchant)).isEqualTo(40);
        assertThat(principal(customer, merchant)).isEqualTo(400);
    }

    @Test
    void theSameFileImportedFourTimesAtTheSameMomentBooksOnce() throws Exception {
        var merchant = fixtures.approvedMerchant("并发导入");
        var phones = IntStream.range(0, 12).mapToObj(i -> Fixtures.uniquePhone()).toList();
        var prefix = Fixtures.unique("C");
        var csv = new StringBuilder(HEADER);
        // the phone of row i also holds row i+6's card: two cards of one customer, racing
        for (int i = 0; i < phones.size(); i++) csv.append(prefix).append('-').append(i).append(',')
                .append(phones.get(i % 6)).append(",,").append(10).append(",").append("2.00\n");

        var reports = Concurrently.atOnce(IntStream.range(0, 4).<Callable<Api.Response>>mapToObj(i -> () ->
                importCsv(csv.toString(), merchant.ownerToken())).toList());
        assertThat(reports).extracting(Api.Response::status).containsOnly(201);
        int booked = reports.stream().mapToInt(r -> r.body().path("imported").asInt() + r.body().path("merged").asInt()).sum();
        int unchanged = reports.stream().mapToInt(r -> r.body().path("unchanged").asInt()).sum();
        assertThat(booked).isEqualTo(12);
        assertThat(unchanged).isEqualTo(36);
        assertThat(reports.stream().mapToInt(r -> r.body().path("rejected").asInt()).sum()).isZero();

        for (int i = 0; i < 6; i++) {
            var customer = fixtures.customerToken(phones.get(i));
            assertThat(points(customer, merchant)).isEqualTo(20);
            assertThat(principal(customer, merchant)).isEqualTo(400);
        }
        assertLedgerReconciles();
    }

    @Test
    void onlyOwnersAndManagersImportAndBadFilesAreRefusedWhole() {
        var merchant = fixtures.approvedMerchant("导入校验");
        var cashier = fixtures.staff(merchant, Role.CASHIER, Set.of());
        var phone = Fixtures.uniquePhone();
        var row = Fixtures.unique("V") + "," + phone + ",,1,1\n";

        var cashierTry = importCsv(HEADER + row, cashier);
        assertThat(cashierTry.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/merchant/member-imports", cashier).status()).isEqualTo(403);

        var json = api.post("/api/v1/merchant/member-imports", Map.of("csv", HEADER + row), merchant.ownerToken());
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.contentType()).startsWith("application/problem+json");

        var noHeader = importCsv(row, merchant.ownerToken());
        assertThat(noHeader.status()).isEqualTo(400);
        assertThat(noHeader.contentType()).startsWith("application/problem+json");

        var empty = api.postRaw("/api/v1/merchant/member-imports", "", "text/csv", merchant.ownerToken());
        assertThat(empty.status()).isEqualTo(400);

        var tooManyRows = new StringBuilder(HEADER);
        for (int i = 0; i < 50_001; i++) tooManyRows.append("R").append(i).append("00,13800000000,,,\n");
        var rows = importCsv(tooManyRows.toString(), merchant.ownerToken());
        assertThat(rows.status()).isEqualTo(413);
        assertThat(rows.text("type")).isEqualTo("urn:o2o:problem:import-too-large");

        var big = HEADER + "x".repeat(5 * 1024 * 1024);
        var tooBig = importCsv(big, merchant.ownerToken());
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.contentType()).startsWith("application/problem+json");

        assertThat(api.get("/api/v1/merchant/member-imports", merchant.ownerToken()).body().path("items").size())
                .as("no refused file left an import behind").isZero();
        assertThat(customers.byPhone(new PhoneNumber(phone))).isEmpty();
    }

    @Test
    void theOpenApiDocumentsTheImportAsACsvBody() {
        var docs = api.get("/v3/api-docs").body();
        var post = docs.path("paths").path("/api/v1/merchant/member-imports").path("post");
        assertThat(post.path("requestBody").path("content").has("text/csv")).as(post.toString()).isTrue();
    }

    @Test
    void anotherMerchantsStaffCannotReadAMerchantsImports() {
        var victim = fixtures.approvedMerchant("导入受害者");
        var attacker = fixtures.approvedMerchant("导入攻击者");
        var report = imported(HEADER + Fixtures.unique("X") + "," + Fixtures.uniquePhone() + ",,1,1\n", victim.ownerToken());
        var access = new CrossMerchantAccess(api);
        var target = new Victim(victim.ownerToken(), Map.of("import", report.path("id").asString()));
        var attackerManager = fixtures.staff(attacker, Role.MANAGER, Set.of());
        for (var token : new String[] {attacker.ownerToken(), attackerManager}) {
            access.assertDenied(token, target, v -> Endpoint.of("GET", v.fill("/api/v1/merchant/member-imports/{import}"),
                    null, v.fill("/api/v1/merchant/member-imports/{import}")));
        }
        assertThat(api.get("/api/v1/merchant/member-imports", attacker.ownerToken()).body().path("items").size()).isZero();
    }
}
