package o2o.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import o2o.testing.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Outside dev and demo the inbox does not exist: codes are only ever in the SMS (same context as SandboxAbsenceTests). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"o2o.notifications.dev-inbox=false", "o2o.payments.sandbox.enabled=false"})
@ActiveProfiles("test")
class DevInboxAbsenceTests {

    @LocalServerPort
    int port;

    @Test
    void thereIsNoDevInboxInProduction() {
        var api = new Api(port);
        assertThat(api.get("/api/v1/dev/inbox?phone=13900001111").status()).isEqualTo(404);
        assertThat(api.get("/dev/inbox?phone=13900001111").status()).isEqualTo(404);
    }
}
