package o2o.vouchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.OrderId;
import o2o.shared.StoreId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class VoucherIdTests {

    private final UUID uuid = UUID.fromString("0190a6b2-7c3e-7000-8000-000000000002");

    @Test
    void aVoucherOrRedemptionIdRefusesNullAndPrintsAsItsUuid() {
        assertThatThrownBy(() -> new VoucherId(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new RedemptionId(null)).isInstanceOf(NullPointerException.class);
        assertThat(new VoucherId(uuid)).hasToString(uuid.toString());
        assertThat(new RedemptionId(uuid)).hasToString(uuid.toString());
    }

    @Test
    void aRedemptionEventReadsBackAsWritten() {
        var json = JsonMapper.builder().build();
        var event = new VoucherRedeemed(new VoucherId(uuid), new RedemptionId(UUID.randomUUID()),
                new OrderId(UUID.randomUUID()), new MerchantId(UUID.randomUUID()), new StoreId(UUID.randomUUID()),
                new CustomerId(UUID.randomUUID()), Instant.parse("2026-12-06T10:00:00Z"));
        assertThat(json.readValue(json.writeValueAsString(event), VoucherRedeemed.class)).isEqualTo(event);
    }
}
