package o2o.outreach;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import o2o.identity.Customers;
import o2o.loyalty.Loyalty;
import o2o.merchants.Merchant;
import o2o.merchants.Merchants;
import o2o.notifications.MessageKind;
import o2o.notifications.Notifications;
import o2o.outreach.persistence.AudienceRows;
import o2o.outreach.persistence.AudienceRows.MessageState;
import o2o.outreach.persistence.AudienceRows.Pending;
import o2o.outreach.persistence.ContactRows;
import o2o.outreach.persistence.OutreachRows;
import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.web.PublicSite;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the pending marketing messages, a batch per transaction, outside the quiet hours: a member who opted out of the
 * merchant's messages gets none, nor one who had one from the merchant within its frequency cap (across all its
 * campaigns, and within the batch); the others get the campaign's SMS (with their unsubscribe link) and/or in-app
 * message through the outbox. Rows are locked with {@code skip locked}, so nodes share the work and none sends twice.
 */
@Component
class OutreachMessages {

    static final int BATCH = 500;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final AudienceRows audience;
    private final OutreachRows outreach;
    private final ContactRows contacts;
    private final OutreachSettings settings;
    private final Customers customers;
    private final Loyalty loyalty;
    private final Merchants merchants;
    private final Notifications notifications;
    private final MessageSource messages;
    private final PublicSite site;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    OutreachMessages(AudienceRows audience, OutreachRows outreach, ContactRows contacts, OutreachSettings settings,
            Customers customers, Loyalty loyalty, Merchants merchants, Notifications notifications,
            MessageSource messages, PublicSite site, TransactionTemplate tx, Clock clock) {
        this.audience = audience;
        this.outreach = outreach;
        this.contacts = contacts;
        this.settings = settings;
        this.customers = customers;
        this.loyalty = loyalty;
        this.merchants = merchants;
        this.notifications = notifications;
        this.messages = messages;
        this.site = site;
        this.tx = tx;
        this.clock = clock;
    }

    /** The pending messages, on one node at a time. */
    @Scheduled(fixedDelayString = "${o2o.outreach.message-interval:2s}")
    @SchedulerLock(name = "outreach.messages", lockAtLeastFor = "PT0.1S", lockAtMostFor = "PT10M")
    public void sendPendingOnSchedule() {
        sendPending();
    }

    void sendPending() {
        while (sendBatch() == BATCH) {
            // again while batches come back full
        }
    }

    /** One batch; answers how many messages it settled (none in the quiet hours). */
    int sendBatch() {
        if (QuietHours.at(clock.instant())) return 0;
        return Objects.requireNonNull(tx.execute(s -> {
            var pending = audience.lockPending(BATCH);
            if (pending.isEmpty()) return 0;
            var campaigns = new LinkedHashMap<UUID, Outreach>();
            outreach.findAll(pending.stream().map(Pending::campaign).distinct().toList())
                    .forEach(o -> campaigns.put(o.campaignId(), o));
            var byMerchant = new LinkedHashMap<UUID, List<Pending>>();
            for (var p : pending) {
                byMerchant.computeIfAbsent(campaigns.get(p.campaign()).merchantId(), k -> new ArrayList<>()).add(p);
            }
            var names = merchants.findAll(byMerchant.keySet());
            byMerchant.forEach((merchant, ofMerchant) -> send(names.get(merchant), ofMerchant, campaigns));
            return pending.size();
        }));
    }

    private void send(Merchant merchant, List<Pending> pending, Map<UUID, Outreach> campaigns) {
        var now = clock.instant();
        var members = pending.stream().map(Pending::customer).distinct().toList();
        var optedOut = contacts.optedOut(merchant.id(), members);
        var reachable = members.stream().filter(m -> !optedOut.contains(m)).toList();
        var cap = Duration.ofDays(settings.capDays(merchant.id()));
        var slots = contacts.claimSlots(merchant.id(), reachable, now, cap);
        var phones = customers.phonesOf(slots);
        var memberNames = loyalty.names(new MerchantId(merchant.id()),
                slots.stream().map(CustomerId::new).toList());
        var tokens = contacts.tokens(merchant.id(), new ArrayList<>(slots), this::token);
        var messaged = new HashSet<UUID>();
        var states = new ArrayList<MessageState>(pending.size());
        for (var p : pending) {
            var campaign = campaigns.get(p.campaign());
            MessageState state;
            if (optedOut.contains(p.customer())) {
                state = MessageState.OPTED_OUT;
            } else if (!slots.contains(p.customer()) || (!cap.isZero() && !messaged.add(p.customer()))) {
                state = MessageState.CAPPED;
            } else {
                var name = memberNames.getOrDefault(new CustomerId(p.customer()), "会员");
                var text = campaign.message().textFor(name) + link(campaign, p);
                var phone = phones.get(p.customer());
                boolean sms = campaign.message().channels().contains(MessagePlan.Channel.SMS) && phone != null;
                boolean inApp = campaign.message().channels().contains(MessagePlan.Channel.IN_APP);
                if (sms) {
                    var kind = MessageKind.MARKETING;
                    var params = kind.params(merchant.name(), text, site.link("/u/{token}", tokens.get(p.customer())));
                    notifications.sms(phone, kind, params, messages.getMessage("sms.marketing",
                            params.values().toArray(), Locale.SIMPLIFIED_CHINESE));
                }
                if (inApp) notifications.inApp(p.customer(), MessageKind.MARKETING, "【" + merchant.name() + "】" + text);
                state = sms || inApp ? MessageState.SENT : MessageState.UNREACHABLE;
            }
            states.add(state);
        }
        audience.setMessages(pending, states, now);
    }

    /** A review request carries the link to the review form of the order that brought it. */
    private String link(Outreach campaign, Pending p) {
        return campaign.kind() == OutreachKind.REVIEW_REQUEST
                ? " " + site.link("/me/orders/{id}/review", p.occurrence()) : "";
    }

    private String token() {
        var token = new StringBuilder(12);
        for (int i = 0; i < 12; i++) token.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return token.toString();
    }
}
