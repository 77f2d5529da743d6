package o2o.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import o2o.O2oApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

/** A production run starts only with its own secrets and without the sandbox; demos and tests make their own. */
class ProductionSecretsTests {

    @Test
    void theApplicationRefusesToStartWithoutItsSecretsAndNamesEveryMissingVariable() {
        var app = new SpringApplication(O2oApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);

        assertThatThrownBy(() -> app.run("--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none"))
                .isInstanceOf(MissingSecrets.class)
                .satisfies(e -> assertThat(((MissingSecrets) e).missing()).hasSize(6)
                        .anySatisfy(line -> assertThat(line).startsWith("O2O_TOKEN_SECRET"))
                        .anySatisfy(line -> assertThat(line).startsWith("O2O_VOUCHER_QR_SECRET"))
                        .anySatisfy(line -> assertThat(line).startsWith("O2O_MEMBER_QR_SECRET"))
                        .anySatisfy(line -> assertThat(line).startsWith("O2O_EVENT_QR_SECRET"))
                        .anySatisfy(line -> assertThat(line).startsWith("O2O_PAYMENTS_KEY"))
                        .anySatisfy(line -> assertThat(line).startsWith("O2O_SMS_PROVIDER")));
    }

    @Test
    void theStartUpReportListsEachMissingVariableOnItsOwnLine() {
        var analysis = new MissingSecretsAnalyzer().analyze(new MissingSecrets(java.util.List.of("A (a): x", "B (b): y")));
        assertThat(analysis).extracting(FailureAnalysis::getDescription).asString()
                .contains("  - A (a): x\n", "  - B (b): y\n");
    }

    @Test
    void theSandboxIsRefusedOutsideDemoDevAndTest() {
        var environment = configured().withProperty("o2o.payments.sandbox.enabled", "true");
        assertThatThrownBy(() -> new ProductionSecrets().postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(MissingSecrets.class)
                .hasMessageContaining("o2o.payments.sandbox.enabled");
    }

    @Test
    void theSandboxCourierFleetIsRefusedOutsideDemoDevAndTest() {
        var environment = configured().withProperty("o2o.delivery.providers.sandbox.enabled", "true");
        assertThatThrownBy(() -> new ProductionSecrets().postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(MissingSecrets.class)
                .hasMessageContaining("o2o.delivery.providers.sandbox.enabled");
    }

    @Test
    void weChatSignInWithoutItsSecretIsRefused() {
        var environment = configured().withProperty("o2o.identity.wechat.app-id", "wx0123456789abcdef");
        assertThatThrownBy(() -> new ProductionSecrets().postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(MissingSecrets.class)
                .hasMessageContaining("O2O_WECHAT_APP_SECRET");
    }

    @Test
    void anSmsCarrierWithoutItsKeysIsNamedInTheSameReport() {
        var environment = new MockEnvironment().withProperty("o2o.notifications.sms.provider", "tencent");
        assertThatThrownBy(() -> new ProductionSecrets().postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOfSatisfying(MissingSecrets.class, e -> assertThat(e.missing())
                        .anySatisfy(line -> assertThat(line).startsWith("O2O_TOKEN_SECRET"))
                        .anySatisfy(line -> assertThat(line).startsWith("O2O_SMS_ACCESS_KEY_ID"))
                        .anySatisfy(line -> assertThat(line).startsWith("O2O_SMS_SDK_APP_ID"))
                        .anySatisfy(line -> assertThat(line).startsWith("O2O_SMS_TEMPLATE_SIGN_IN_CODE"))
                        .noneSatisfy(line -> assertThat(line).startsWith("O2O_SMS_PROVIDER")));
    }

    @Test
    void aConfiguredProductionRunStarts() {
        new ProductionSecrets().postProcessEnvironment(configured(), new SpringApplication());
    }

    @Test
    void demoDevAndTestRunsMayUseRandomSecretsAndTheSandbox() {
        for (var profile : new String[] {"demo", "dev", "test"}) {
            var environment = new MockEnvironment().withProperty("o2o.payments.sandbox.enabled", "true")
                    .withProperty("o2o.delivery.providers.sandbox.enabled", "true");
            environment.setActiveProfiles(profile);
            new ProductionSecrets().postProcessEnvironment(environment, new SpringApplication());
        }
    }

    private static MockEnvironment configured() {
        return new MockEnvironment()
                .withProperty("o2o.identity.token-secret", "dGVzdC1zZWNyZXQtdGhhdC1pcy1hdC1sZWFzdC0zMi1ieXRlcw==")
                .withProperty("o2o.vouchers.qr-secret", "v")
                .withProperty("o2o.loyalty.member-qr-secret", "m")
                .withProperty("o2o.mallevents.qr-secret", "e")
                .withProperty("o2o.payments.key-encryption-key", "k")
                .withProperty("o2o.notifications.sms.provider", "aliyun")
                .withProperty("o2o.notifications.sms.access-key-id", "id")
                .withProperty("o2o.notifications.sms.access-key-secret", "secret")
                .withProperty("o2o.notifications.sms.sign-name", "o2o")
                .withProperty("o2o.notifications.sms.templates.sign-in-code", "SMS_1");
    }
}
