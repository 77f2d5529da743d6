package o2o.outreach;

import java.time.Clock;
import java.util.Optional;

import o2o.merchants.Merchants;
import o2o.outreach.persistence.ContactRows;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's unsubscribe link: whose marketing messages it stops (shown before they confirm), and stopping them. The
 * link's token is random and names one member at one merchant, so it reveals nothing and stops nothing else.
 */
@Service
public class OptOuts {

    private final ContactRows contacts;
    private final Merchants merchants;
    private final Clock clock;

    OptOuts(ContactRows contacts, Merchants merchants, Clock clock) {
        this.contacts = contacts;
        this.merchants = merchants;
        this.clock = clock;
    }

    /** The link's merchant's name and whether the member has opted out already; empty for an unknown token. */
    @Transactional(readOnly = true)
    public Optional<LinkState> state(String token) {
        if (token.length() > 40) return Optional.empty();
        return contacts.link(token).flatMap(link -> merchants.find(link.merchant()).map(m ->
                new LinkState(m.name(), contacts.isOptedOut(link.merchant(), link.customer()))));
    }

    /** Stops the merchant's marketing messages to the member; again changes nothing. */
    @Transactional
    public Optional<LinkState> optOut(String token) {
        if (token.length() > 40) return Optional.empty();
        return contacts.link(token).flatMap(link -> {
            contacts.optOut(link.merchant(), link.customer(), clock.instant());
            return merchants.find(link.merchant()).map(m -> new LinkState(m.name(), true));
        });
    }

    public record LinkState(String merchantName, boolean optedOut) {}
}
