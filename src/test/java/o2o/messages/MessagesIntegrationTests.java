package o2o.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import o2o.notifications.Notifications;
import o2o.testing.Api;
import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A customer reads their in-app messages over the API: paged by cursor, marked read, and only their own. */
class MessagesIntegrationTests extends ApiTest {

    @Autowired
    Notifications notifications;

    private record Customer(UUID id, String token) {}

    private Customer customer() {
        var token = fixtures.customerToken(Fixtures.uniquePhone());
        return new Customer(UUID.fromString(api.get("/api/v1/me", token).text("id")), token);
    }

    private static List<String> ids(Api.Response page) {
        var ids = new ArrayList<String>();
        page.body().path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    private long unread(Customer customer) {
        var unread = api.get("/api/v1/me/messages/unread", customer.token());
        assertThat(unread.status()).as(unread.raw()).isEqualTo(200);
        return unread.body().path("unread").asLong();
    }

    @Test
    void fortyFiveMessagesPageAsTwentyTwentyAndFiveNewestFirstWithNoOverlapAndNoGap() {
        var customer = customer();
        IntStream.range(0, 45).forEach(i -> notifications.inApp(customer.id(), o2o.notifications.MessageKind.VOUCHERS_ISSUED, "消息 " + i));

        var sizes = new ArrayList<Integer>();
        var seen = new ArrayList<String>();
        var bodies = new ArrayList<String>();
        String cursor = null;
        do {
            var page = api.get("/api/v1/me/messages?limit=20" + (cursor == null ? "" : "&cursor=" + cursor),
                    customer.token());
            assertThat(page.status()).as(page.raw()).isEqualTo(200);
            sizes.add(page.body().path("items").size());
            seen.addAll(ids(page));
            page.body().path("items").forEach(item -> bodies.add(item.path("body").asString()));
            var next = page.body().path("next");
            cursor = next.isMissingNode() || next.isNull() ? null : next.asString();
        } while (cursor != null);

        assertThat(sizes).containsExactly(20, 20, 5);
        assertThat(new HashSet<>(seen)).hasSize(45);
        assertThat(bodies).containsExactlyElementsOf(IntStream.range(0, 45).mapToObj(i -> "消息 " + (44 - i)).toList());
        assertThat(unread(customer)).isEqualTo(45);
    }

    @Test
    void markingOneAndThenAllReadLowersTheUnreadCount() {
        var customer = customer();
        IntStream.range(0, 3).forEach(i -> notifications.inApp(customer.id(), o2o.notifications.MessageKind.VOUCHERS_ISSUED, "取餐提醒 " + i));
        assertThat(unread(customer)).isEqualTo(3);
        var first = ids(api.get("/api/v1/me/messages", customer.token())).getFirst();

        var read = api.post("/api/v1/me/messages/" + first + "/read", null, customer.token());
        assertThat(read.status()).as(read.raw()).isEqualTo(200);
        assertThat(read.text("readAt")).isNotBlank();
        assertThat(unread(customer)).isEqualTo(2);

        var again = api.post("/api/v1/me/messages/" + first + "/read", null, customer.token());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("readAt")).isEqualTo(read.text("readAt"));
        assertThat(unread(customer)).isEqualTo(2);

        var all = api.post("/api/v1/me/messages/read", null, customer.token());
        assertThat(all.status()).as(all.raw()).isEqualTo(200);
        assertThat(all.body().path("marked").asInt()).isEqualTo(2);
        assertThat(unread(customer)).isZero();
        api.get("/api/v1/me/messages", customer.token()).body().path("items")
                .forEach(item -> assertThat(item.path("readAt").isNull()).isFalse());
    }

    @Test
    void anotherCustomersMessageIsNotFoundAndStaysUnread() {
        var owner = customer();
        var other = customer();
        notifications.inApp(owner.id(), o2o.notifications.MessageKind.VOUCHERS_ISSUED, "您的订座已确认");
        var theirs = ids(api.get("/api/v1/me/messages", owner.token())).getFirst();

        var attempt = api.post("/api/v1/me/messages/" + theirs + "/read", null, other.token());
        assertThat(attempt.status()).as(attempt.raw()).isEqualTo(404);
        assertThat(attempt.contentType()).startsWith("application/problem+json");
        assertThat(api.post("/api/v1/me/messages/read", null, other.token()).body().path("marked").asInt()).isZero();
        assertThat(ids(api.get("/api/v1/me/messages", other.token()))).isEmpty();

        assertThat(unread(owner)).isEqualTo(1);
        assertThat(api.get("/api/v1/me/messages", owner.token()).body().path("items").get(0).path("readAt").isNull())
                .isTrue();
    }

    @Test
    void aBadCursorOrLimitIsABadRequestWithProblemDetails() {
        var customer = customer();
        for (var query : List.of("cursor=nonsense", "cursor=1_2", "cursor=99999999999999999999_" + UUID.randomUUID(),
                "limit=0", "limit=101", "limit=-5", "limit=many")) {
            var response = api.get("/api/v1/me/messages?" + query, customer.token());
            assertThat(response.status()).as(query + ": " + response.raw()).isEqualTo(400);
            assertThat(response.contentType()).as(query).startsWith("application/problem+json");
        }
        var badId = api.post("/api/v1/me/messages/not-a-uuid/read", null, customer.token());
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.contentType()).startsWith("application/problem+json");
    }

    @Test
    void messagesAreOnlyForSignedInCustomers() {
        assertThat(api.get("/api/v1/me/messages").status()).isEqualTo(401);
        var merchant = fixtures.approvedMerchant("消息无权");
        assertThat(api.get("/api/v1/me/messages", merchant.ownerToken()).status()).isEqualTo(403);
    }
}
