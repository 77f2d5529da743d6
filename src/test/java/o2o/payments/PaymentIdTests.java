package o2o.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class PaymentIdTests {

    @Test
    void aPaymentIdRefusesNullAndPrintsAsItsUuid() {
        var uuid = UUID.fromString("0190a6b2-7c3e-7000-8000-000000000003");
        assertThatThrownBy(() -> new PaymentId(null)).isInstanceOf(NullPointerException.class);
        assertThat(new PaymentId(uuid)).hasToString(uuid.toString());
    }
}
