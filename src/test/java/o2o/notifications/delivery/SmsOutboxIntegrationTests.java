package o2o.notifications.delivery;

import static o2o.notifications.delivery.SmsGatewayContractTests.KEY_ID;
import static o2o.notifications.delivery.SmsGatewayContractTests.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import o2o.notifications.MessageKind;
import o2o.notifications.Notifications;
import o2o.notifications.persistence.MessageRows;
import o2o.notifications.persistence.OutboxTable;
import o2o.notifications.delivery.FakeGateway.Outcome;
import o2o.shared.Ids;
import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox relay with a real gateway's sender, pointed at a local fake. The application's own relay (with the
 * logging sender of test runs) must not take these messages, so they are queued a century ahead and this test's
 * relay runs on a clock of its own, set there.
 */
class SmsOutboxIntegrationTests extends ApiTest {

    @Autowired
    Notifications notifications;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    final FakeAliyunSms aliyun = new FakeAliyunSms(KEY_ID, SECRET);
    final FakeTencentSms tencent = new FakeTencentSms(KEY_ID, SECRET, "1400000001");
    final AtomicReference<Instant> farAhead = new AtomicReference<>(Instant.now().plus(Duration.ofDays(36_500)));
    final Clock relayClock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return farAhead.get();
        }
    };

    @AfterEach
    void stop() {
        aliyun.close();
        tencent.close();
    }

    @Test
    void theSignInCodeTextedToAPhoneIsTheSignInTemplateWithTheCodeAsItsParameter() {
        var phone = Fixtures.uniquePhone();
        api.post("/api/v1/auth/otp", Map.of("phone", phone));
        var code = fixtures.latestCode(phone);
        var message = notifications.latestTo(phone, 1).getFirst();
        assertThat(message.kind()).isEqualTo(MessageKind.SIGN_IN_CODE);
        assertThat(message.params()).containsEntry("code", code).containsEntry("minutes", "5");

        new AliyunSmsSender(SmsGatewayContractTests.aliyunAt(aliyun.endpoint(), SECRET)).send(message);
        new TencentSmsSender(SmsGatewayContractTests.tencentAt(tencent.endpoint(), SECRET)).send(message);

        assertThat(aliyun.received).singleElement().satisfies(sms -> {
            assertThat(sms.phone()).isEqualTo(phone);
            assertThat(sms.template()).isEqualTo("SMS_4700" + MessageKind.SIGN_IN_CODE.ordinal());
            assertThat(sms.namedParams()).containsEntry("code", code);
        });
        assertThat(tencent.received).singleElement().satisfies(sms -> {
            assertThat(sms.phone()).isEqualTo("+86" + phone);
            assertThat(sms.positionalParams()).containsExactly(code, "5");
        });
    }

    @Test
    void aMessageTheGatewayFailsStaysQueuedAndIsSentOnceAfterItsPause() {
        var relay = relayTo(new AliyunSmsSender(SmsGatewayContractTests.aliyunAt(aliyun.endpoint(), SECRET)));
        var phone = Fixtures.uniquePhone();
        aliyun.script(phone, Outcome.SERVER_ERROR);
        var id = queueAhead(phone);

        relay.relay();
        assertThat(aliyun.receivedWith(id.toString())).isEmpty();
        assertThat(row(id).sent()).isFalse();
        assertThat(row(id).attempts()).isEqualTo(1);
        assertThat(row(id).lastError()).contains("ServiceUnavailable");

        relay.relay();
        assertThat(row(id).attempts()).as("still in its pause").isEqualTo(1);

        farAhead.updateAndGet(now -> now.plusSeconds(2));
        relay.relay();
        relay.relay();
        assertThat(aliyun.receivedWith(id.toString())).hasSize(1);
        assertThat(row(id).sent()).isTrue();
        assertThat(row(id).attempts()).isEqualTo(2);
    }

    @Test
    void aNumberTheGatewayRefusesIsRecordedAsFailedAndNotTriedAgain() {
        var relay = relayTo(new TencentSmsSender(SmsGatewayContractTests.tencentAt(tencent.endpoint(), SECRET)));
        var phone = Fixtures.uniquePhone();
        tencent.script("+86" + phone, Outcome.INVALID_NUMBER);
        var id = queueAhead(phone);

        relay.relay();
        farAhead.updateAndGet(now -> now.plus(Duration.ofHours(1)));
        relay.relay();

        assertThat(tencent.receivedWith(id.toString())).isEmpty();
        assertThat(row(id).failed()).isTrue();
        assertThat(row(id).attempts()).isEqualTo(1);
        assertThat(row(id).lastError()).contains("InvalidParameterValue.IncorrectPhoneNumber");
    }

    @Test
    void aBatchMarksWhatItSentTogetherAndEveryOtherMessageByItsOwnOutcome() {
        var relay = relayTo(new AliyunSmsSender(SmsGatewayContractTests.aliyunAt(aliyun.endpoint(), SECRET)));
        var sent = IntStream.range(0, 3).mapToObj(i -> queueAhead(Fixtures.uniquePhone())).toList();
        var busyPhone = Fixtures.uniquePhone();
        aliyun.script(busyPhone, Outcome.SERVER_ERROR);
        var later = queueAhead(busyPhone);
        var wrongPhone = Fixtures.uniquePhone();
        aliyun.script(wrongPhone, Outcome.INVALID_NUMBER);
        var refused = queueAhead(wrongPhone);

        relay.relay();

        for (var id : sent) {
            assertThat(aliyun.receivedWith(id.toString())).hasSize(1);
            assertThat(row(id).sent()).isTrue();
            assertThat(row(id).attempts()).isEqualTo(1);
        }
        assertThat(row(later).sent()).isFalse();
        assertThat(row(later).attempts()).isEqualTo(1);
        assertThat(row(refused).sent()).isFalse();
        assertThat(row(refused).failed()).isTrue();
    }

    @Test
    void relaysRunningSideBySideSendEachMessageOnce() throws Exception {
        var sender = new TencentSmsSender(SmsGatewayContractTests.tencentAt(tencent.endpoint(), SECRET));
        var ids = IntStream.range(0, 5).mapToObj(i -> queueAhead(Fixtures.uniquePhone())).toList();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var gate = new CountDownLatch(1);
            var runs = IntStream.range(0, 4).mapToObj(i -> pool.submit(() -> {
                gate.await();
                relayTo(sender).relay();
                return null;
            })).toList();
            gate.countDown();
            for (var run : runs) run.get();
        }
        for (var id : ids) {
            assertThat(tencent.receivedWith(id.toString())).hasSize(1);
            assertThat(row(id).sent()).isTrue();
        }
    }

    @Test
    void inAppMessagesAreDeliveredIntoTheInboxWithoutAskingTheSmsGateway() {
        var relay = relayTo(new AliyunSmsSender(SmsGatewayContractTests.aliyunAt(aliyun.endpoint(), SECRET)));
        var customer = UUID.randomUUID();
        notifications.inApp(customer, MessageKind.PICKUP_READY, "你的 007 号餐已备好");

        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> notifications.latestTo(customer.toString(), 1).getFirst().sentAt() != null);
        var id = Ids.next();
        jdbc.sql("""
                        insert into notification (id, channel, recipient, kind, body, created_at, next_attempt_at)
                        values (:id, 'IN_APP', :to, 'PICKUP_READY', 'ready', :now, :ahead)
                        """)
                .param("id", id).param("to", customer.toString())
                .param("now", Instant.now().atOffset(ZoneOffset.UTC))
                .param("ahead", farAhead.get().atOffset(ZoneOffset.UTC))
                .update();
        relay.relay();

        assertThat(row(id).sent()).isTrue();
        assertThat(aliyun.received).isEmpty();
        assertThat(aliyun.refusedSignatures).isEmpty();
    }

    private OutboxRelay relayTo(MessageSender sender) {
        return new OutboxRelay(new OutboxTable(jdbc), tx, sender, relayClock);
    }

    /** A sign-in code due only on this test's clock. */
    private UUID queueAhead(String phone) {
        var id = Ids.next();
        jdbc.sql("""
                        insert into notification (id, channel, recipient, kind, params, body, created_at,
                            next_attempt_at)
                        values (:id, 'SMS', :to, 'SIGN_IN_CODE', cast(:params as jsonb), :body, :now, :ahead)
                        """)
                .param("id", id).param("to", phone)
                .param("params", MessageRows.json(Map.of("code", "123456", "minutes", "5")))
                .param("body", "【o2o】验证码 123456，5 分钟内有效。")
                .param("now", Instant.now().atOffset(ZoneOffset.UTC))
                .param("ahead", farAhead.get().atOffset(ZoneOffset.UTC))
                .update();
        return id;
    }

    private Row row(UUID id) {
        return jdbc.sql("""
                        select sent_at is not null as sent, failed_at is not null as failed, attempts, last_error
                        from notification where id = :id
                        """)
                .param("id", id)
                .query(Row.class)
                .single();
    }

    record Row(boolean sent, boolean failed, int attempts, String lastError) {}
}
