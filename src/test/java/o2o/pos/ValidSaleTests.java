package o2o.pos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import o2o.shared.InvalidInput;
import o2o.shared.Money;
import org.junit.jupiter.api.Test;

class ValidSaleTests {

    private static final Instant NOW = Instant.parse("2026-12-06T04:00:00Z");

    @Test
    void aSaleWhoseLinesAddUpIsKeptWithTrimmedNamesAndAFingerprint() {
        var valid = ValidSale.of(sale("T-1", NOW, 3000L, "CASH", line(" 拿铁 ", 2, 1500L, 3000L)), NOW);
        assertThat(valid.lines()).singleElement().satisfies(l -> assertThat(l.title()).isEqualTo("拿铁"));
        assertThat(valid.total()).isEqualTo(Money.cny(3000));
        assertThat(valid.paymentMethod()).isEqualTo(PaymentMethod.CASH);
        assertThat(valid.hash()).hasSize(64);
    }

    @Test
    void theSameSaleHasTheSameFingerprintAndAnotherOneAnother() {
        var first = ValidSale.of(sale("T-1", NOW, 3000L, "CASH", line("拿铁", 2, 1500L, 3000L)), NOW);
        var again = ValidSale.of(sale("T-1", NOW, 3000L, "CASH", line("拿铁", 2, 1500L, 3000L)), NOW.plusSeconds(9));
        var other = ValidSale.of(sale("T-1", NOW, 3000L, "CARD", line("拿铁", 2, 1500L, 3000L)), NOW);
        assertThat(again.hash()).isEqualTo(first.hash());
        assertThat(other.hash()).isNotEqualTo(first.hash());
    }

    @Test
    void aSaleIsRefusedNamingWhatIsWrong() {
        assertRefused(sale(" ", NOW, 3000L, "CASH", line("拿铁", 2, 1500L, 3000L)), "posTransactionId");
        assertRefused(sale("T-1", NOW.plus(Duration.ofMinutes(2)), 3000L, "CASH", line("拿铁", 2, 1500L, 3000L)), "soldAt");
        assertRefused(sale("T-1", NOW.minus(Duration.ofDays(8)), 3000L, "CASH", line("拿铁", 2, 1500L, 3000L)), "soldAt");
        assertRefused(sale("T-1", NOW, 3000L, "CASH"), "lines");
        assertRefused(sale("T-1", NOW, 3000L, "CASH", line("拿铁", 0, 1500L, 3000L)), "lines[0].quantity");
        assertRefused(sale("T-1", NOW, 2999L, "CASH", line("拿铁", 2, 1500L, 3000L)), "total");
        assertRefused(sale("T-1", NOW, 3000L, "CHEQUE", line("拿铁", 2, 1500L, 3000L)), "paymentMethod");
    }

    private static void assertRefused(Sale sale, String field) {
        assertThatThrownBy(() -> ValidSale.of(sale, NOW)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    private static Sale sale(String txn, Instant soldAt, Long total, String method, Sale.Line... lines) {
        return new Sale(txn, soldAt, List.of(lines), total, method, null);
    }

    private static Sale.Line line(String name, Integer quantity, Long unitPrice, Long amount) {
        return new Sale.Line(name, quantity, unitPrice, amount);
    }
}
