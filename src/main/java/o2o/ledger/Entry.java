package o2o.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A journal entry and its postings.
 *
 * @param replayed true when the reference had been posted before and this is that earlier entry
 */
public record Entry(UUID id, String reference, String description, Instant createdAt, List<Posting> postings,
        boolean replayed) {

    /** This entry as handed back to a second post of its reference. */
    public Entry asReplay() {
        return new Entry(id, reference, description, createdAt, postings, true);
    }
}
