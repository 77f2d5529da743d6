package o2o.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import org.junit.jupiter.api.Test;

class BalancedPostingsTests {

    private final UUID a = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private final UUID b = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private final UUID c = UUID.fromString("00000000-0000-0000-0000-00000000000c");

    @Test
    void anEntryThatSumsToZeroIsPostedInAccountOrder() {
        var postings = new BalancedPostings("order:1", List.of(new Posting(c, 5), new Posting(a, -7), new Posting(b, 2)));

        assertThat(postings.inAccountOrder()).extracting(Posting::accountId).containsExactly(a, b, c);
    }

    @Test
    void anEntryThatDoesNotSumToZeroIsRefused() {
        assertThatThrownBy(() -> new BalancedPostings("r", List.of(new Posting(a, -5), new Posting(b, 4))))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("sum to zero");
    }

    @Test
    void anEntryNeedsTwoAccounts() {
        assertThatThrownBy(() -> new BalancedPostings("r", List.of(new Posting(a, 0))))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("two accounts");
    }

    @Test
    void aPostingOfNothingIsRefused() {
        assertThatThrownBy(() -> new BalancedPostings("r", List.of(new Posting(a, 0), new Posting(b, 0))))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("moves something");
    }

    @Test
    void oneAccountIsPostedOncePerEntry() {
        assertThatThrownBy(() -> new BalancedPostings("r", List.of(new Posting(a, 1), new Posting(a, -1))))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("one posting per account");
    }

    @Test
    void theReferenceIsOneToTwoHundredCharacters() {
        var postings = List.of(new Posting(a, 1), new Posting(b, -1));
        assertThatThrownBy(() -> new BalancedPostings(" ", postings)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new BalancedPostings("r".repeat(201), postings)).isInstanceOf(InvalidInput.class);
        assertThat(new BalancedPostings("r".repeat(200), postings).postings()).hasSize(2);
    }

    @Test
    void manyPostingsMoveEachAccountOnceByTheirNetAmount() {
        var moves = new BalanceMoves();
        moves.add(new Posting(b, 5));
        moves.add(new Posting(a, -3));
        moves.add(new Posting(b, -5));
        moves.add(new Posting(a, -4));

        assertThat(moves.nonZero()).containsExactly(java.util.Map.entry(a, -7L));
    }

    @Test
    void anOverdraftSaysWhatIsShort() {
        var account = new Account(a, new AccountKey("POINTS", "customer:1", "program:1", "PTS"), null, false, 3);

        Problem problem = Overdraft.of(account);

        assertThat(problem.getMessage()).contains("not enough PTS in POINTS");
    }

    @Test
    void aReplayedEntryIsTheEarlierOneMarkedReplayed() {
        var entry = new Entry(a, "r", "d", java.time.Instant.EPOCH, List.of(), false);

        assertThat(entry.asReplay()).isEqualTo(new Entry(a, "r", "d", java.time.Instant.EPOCH, List.of(), true));
    }
}
