package o2o.tableorders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A table session's bill: what the table ordered, round by round, and the shares it is split into. Before anybody
 * asks for it ({@code status} NOT_ASKED, no id) it shows the rounds as they stand; once asked it is frozen.
 *
 * @param unclaimed what no share covers yet (the items nobody claimed in an ITEMS split; the whole bill before a split)
 */
public record Bill(@Nullable UUID id, UUID merchantId, UUID storeId, UUID sessionId, UUID tableId, Status status,
        @Nullable Split split, Money subtotal, List<Round> rounds, List<BillShare> shares, Money unclaimed,
        @Nullable Instant openedAt, @Nullable Instant settledAt) {

    public enum Status { NOT_ASKED, OPEN, SETTLED }

    public enum Split { WHOLE, EVEN, ITEMS }

    public Bill {
        rounds = List.copyOf(rounds);
        shares = List.copyOf(shares);
    }

    /** A round as the bill shows it. */
    public record Round(int number, List<Item> items) {

        public Round {
            items = List.copyOf(items);
        }
    }

    /** A round item the bill charges; {@code shareId} is the share that claimed it, in an ITEMS split. */
    public record Item(UUID id, int round, String name, List<String> options, Money unitPrice, int quantity,
            Money amount, @Nullable UUID shareId) {

        public Item {
            options = List.copyOf(options);
        }

        public String title() {
            return options.isEmpty() ? name : name + " (" + String.join(", ", options) + ")";
        }
    }

    /** Nothing of it has been paid yet, so it may still be split again or reopened. */
    public boolean nothingPaid() {
        return shares.stream().noneMatch(s -> s.state() == BillShare.State.PAID);
    }
}
