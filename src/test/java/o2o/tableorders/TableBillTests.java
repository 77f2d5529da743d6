package o2o.tableorders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import o2o.shared.InvalidInput;
import o2o.shared.Money;
import o2o.shared.Problem;
import o2o.tableorders.Bill.Split;
import o2o.tableorders.TableBill.Status;
import org.junit.jupiter.api.Test;

/** A bill opens, then settles or is reopened, and never moves again; it splits only while open. */
class TableBillTests {

    private static final Instant OPENED = Instant.parse("2026-12-06T11:00:00Z");
    private static final Instant LATER = OPENED.plusSeconds(3600);

    @Test
    void anOpenSplitBillSettlesOnce() {
        var settled = bill(Status.OPEN, Split.EVEN).settle(LATER);

        assertThat(settled.status()).isEqualTo(Status.SETTLED);
        assertThat(settled.settledAt()).isEqualTo(LATER);
        assertThat(settled.shown()).isEqualTo(Bill.Status.SETTLED);
        assertThatThrownBy(() -> settled.settle(LATER)).isInstanceOf(Problem.class)
                .extracting(p -> ((Problem) p).slug()).isEqualTo("bill-not-open");
    }

    @Test
    void aBillNeverSplitDoesNotSettle() {
        assertThatThrownBy(() -> bill(Status.OPEN, null).settle(LATER)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anOpenBillIsReopenedAndThenMovesNoMore() {
        var reopened = bill(Status.OPEN, null).reopen();

        assertThat(reopened.status()).isEqualTo(Status.REOPENED);
        assertThat(reopened.open()).isFalse();
        assertThatThrownBy(reopened::reopen).isInstanceOf(Problem.class);
        assertThatThrownBy(() -> reopened.settle(LATER)).isInstanceOf(Problem.class);
        assertThatThrownBy(() -> reopened.shareAmounts(Split.WHOLE, 1)).isInstanceOf(Problem.class);
    }

    @Test
    void aSettledBillIsNeitherReopenedNorSplit() {
        var settled = bill(Status.SETTLED, Split.WHOLE);

        assertThatThrownBy(settled::reopen).isInstanceOf(Problem.class);
        assertThatThrownBy(settled::requireOpen).isInstanceOf(Problem.class);
        assertThatThrownBy(() -> settled.shareAmounts(Split.EVEN, 2)).isInstanceOf(Problem.class);
    }

    @Test
    void aSplitMakesOneWholeShareEvenSharesOrNoneForItems() {
        var open = bill(Status.OPEN, null);

        assertThat(open.shareAmounts(Split.WHOLE, 7)).containsExactly(Money.cny(1001));
        assertThat(open.shareAmounts(Split.EVEN, 3)).containsExactly(Money.cny(334), Money.cny(334), Money.cny(333));
        assertThat(open.shareAmounts(Split.ITEMS, 7)).isEmpty();
        assertThat(TableBill.partsOf(Split.EVEN, 3)).isEqualTo(3);
        assertThat(TableBill.partsOf(Split.ITEMS, 3)).isEqualTo(1);
    }

    @Test
    void anEvenSplitTakesOneTo99PartsAndNoMoreThanTheBillHasFen() {
        var open = bill(Status.OPEN, null);

        assertThatThrownBy(() -> open.shareAmounts(Split.EVEN, 0)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> open.shareAmounts(Split.EVEN, 100)).isInstanceOf(InvalidInput.class);
        var small = new TableBill(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), Status.OPEN, null, 1, Money.cny(3), OPENED, null);
        assertThatThrownBy(() -> small.shareAmounts(Split.EVEN, 4)).isInstanceOf(InvalidInput.class);
        assertThat(small.shareAmounts(Split.EVEN, 3)).hasSize(3);
    }

    @Test
    void onlyABillSplitByItemsTakesClaims() {
        bill(Status.OPEN, Split.ITEMS).requireSplitByItems();

        assertThatThrownBy(() -> bill(Status.OPEN, Split.EVEN).requireSplitByItems()).isInstanceOf(Problem.class)
                .extracting(p -> ((Problem) p).slug()).isEqualTo("bill-not-split-by-items");
        assertThatThrownBy(() -> bill(Status.OPEN, null).requireSplitByItems()).isInstanceOf(Problem.class);
    }

    @Test
    void whatNoShareCoversIsAllBeforeASplitTheUnclaimedItemsByItemsAndNothingOtherwise() {
        var claimed = item(400, UUID.randomUUID());
        var unclaimed = item(601, null);
        var items = List.of(claimed, unclaimed);

        assertThat(bill(Status.OPEN, null).unclaimed(items)).isEqualTo(Money.cny(1001));
        assertThat(bill(Status.OPEN, Split.ITEMS).unclaimed(items)).isEqualTo(Money.cny(601));
        assertThat(bill(Status.OPEN, Split.EVEN).unclaimed(items)).isEqualTo(Money.cny(0));
    }

    private static TableBill bill(Status status, Split split) {
        return new TableBill(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), status, split, 1, Money.cny(1001), OPENED,
                status == Status.SETTLED ? LATER : null);
    }

    private static Bill.Item item(long fen, UUID shareId) {
        return new Bill.Item(UUID.randomUUID(), 1, "dish", List.of(), Money.cny(fen), 1, Money.cny(fen), shareId);
    }
}
