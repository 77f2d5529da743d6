package o2o.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;

import o2o.shared.InvalidInput;
import org.junit.jupiter.api.Test;

class ExpiryPolicyTests {

    private static Instant china(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ExpiryPolicy.CHINA).toInstant();
    }

    @Test
    void endOfNextYearIsNewYearTwoYearsOnInChina() {
        var policy = ExpiryPolicy.parse(" END_OF_NEXT_YEAR ");
        assertThat(policy.kind()).isEqualTo(ExpiryPolicy.Kind.END_OF_NEXT_YEAR);
        assertThat(policy.expiryOf(china("2026-12-31T23:59:00"))).isEqualTo(china("2028-01-01T00:00:00"));
        assertThat(policy.expiryOf(china("2026-01-01T00:00:00"))).isEqualTo(china("2028-01-01T00:00:00"));
    }

    @Test
    void monthsCountFromTheMomentEarned() {
        var policy = ExpiryPolicy.parse("MONTHS:6");
        assertThat(policy).isEqualTo(new ExpiryPolicy(ExpiryPolicy.Kind.MONTHS, 6));
        assertThat(policy.expiryOf(china("2026-08-31T10:00:00"))).isEqualTo(china("2027-02-28T10:00:00"));
    }

    @Test
    void onlyOneToOneHundredTwentyMonthsOrTheEndOfNextYearAreAPolicy() {
        assertThat(ExpiryPolicy.parse("MONTHS:1").months()).isEqualTo(1);
        assertThat(ExpiryPolicy.parse("MONTHS:120").months()).isEqualTo(120);
        for (var bad : new String[] {"MONTHS:0", "MONTHS:121", "MONTHS:x", "MONTHS:", "NEVER", "", "months:3"}) {
            assertThatThrownBy(() -> ExpiryPolicy.parse(bad)).as(bad).isInstanceOf(InvalidInput.class);
        }
        assertThatThrownBy(() -> ExpiryPolicy.parse(null)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void theStoredKindAndMonthsReadBackAsThePolicyTyped() {
        assertThat(ExpiryPolicy.written("END_OF_NEXT_YEAR", 0)).isEqualTo("END_OF_NEXT_YEAR");
        assertThat(ExpiryPolicy.written("MONTHS", 18)).isEqualTo("MONTHS:18");
    }
}
