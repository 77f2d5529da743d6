package o2o.tableorders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import o2o.orders.LineKind;
import o2o.shared.Money;
import o2o.tableorders.persistence.ChargedItem;
import org.junit.jupiter.api.Test;

/** The order paying a share lists the even share as one line, or each dish with its options. */
class ShareLinesTests {

    private static final TableBill BILL = new TableBill(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
            UUID.randomUUID(), UUID.randomUUID(), TableBill.Status.OPEN, Bill.Split.EVEN, 3, Money.cny(1000),
            Instant.parse("2026-12-06T12:00:00Z"), null);

    @Test
    void anEvenShareIsOneLineNamingTheTableAndWhichShareItIs() {
        var share = new BillShare(UUID.randomUUID(), BillShare.Kind.EVEN, 2, 3, Money.cny(333), null, null, null,
                BillShare.State.OPEN, List.of());

        var line = ShareLines.even(BILL, share, "A1");

        assertThat(line.kind()).isEqualTo(LineKind.SHARE);
        assertThat(line.title()).isEqualTo("桌台 A1 的 2/3");
        assertThat(line.quantity()).isEqualTo(1);
        assertThat(line.amount()).isEqualTo(Money.cny(333));
    }

    @Test
    void aDishIsALineWithItsOptionsInItsTitle() {
        var line = ShareLines.dish(new ChargedItem(UUID.randomUUID(), "noodles", List.of("large", "spicy"),
                Money.cny(1200), 2, Money.cny(2400)));

        assertThat(line.kind()).isEqualTo(LineKind.DISH);
        assertThat(line.title()).isEqualTo("noodles (large, spicy)");
        assertThat(line.amount()).isEqualTo(Money.cny(2400));
    }
}
