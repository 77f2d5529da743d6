package o2o.webhooks;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import o2o.identity.StaffPrincipal;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import o2o.webhooks.persistence.EndpointTable;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The merchant's webhook endpoints: owners and managers add, change, remove them and rotate their signing secrets.
 * Every statement is keyed by the caller's merchant, so another merchant's endpoint is simply not found.
 */
@Service
public class WebhookEndpoints {

    /** An endpoint as just created or with a fresh secret: the only time the secret is shown. */
    public record WithSecret(WebhookEndpoint endpoint, String secret) {}

    private static final int MAX_ENDPOINTS = 20;

    private final EndpointTable table;
    private final Subscriptions subscriptions;
    private final WebhookProperties properties;
    private final Clock clock;

    WebhookEndpoints(EndpointTable table, Subscriptions subscriptions, WebhookProperties properties, Clock clock) {
        this.table = table;
        this.subscriptions = subscriptions;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public WithSecret add(StaffPrincipal staff, String url, @Nullable String description, Collection<String> types) {
        var merchant = managedMerchant(staff);
        var settings = EndpointSettings.checked(url, description, types, properties.allowLoopback());
        if (table.countOf(merchant) >= MAX_ENDPOINTS) {
            throw new InvalidInput("url", "at most " + MAX_ENDPOINTS + " endpoints");
        }
        var id = Ids.next();
        var secret = SigningSecret.next();
        table.insert(id, merchant, settings, secret, clock.instant());
        subscriptions.forget(merchant);
        return new WithSecret(find(staff, id), secret);
    }

    @Transactional
    public WebhookEndpoint change(StaffPrincipal staff, UUID id, String url, @Nullable String description,
            Collection<String> types) {
        var merchant = managedMerchant(staff);
        var settings = EndpointSettings.checked(url, description, types, properties.allowLoopback());
        if (!table.change(id, merchant, settings, clock.instant())) throw Problem.notFound("webhook");
        subscriptions.forget(merchant);
        return find(staff, id);
    }

    /** A new secret for the endpoint; signatures made with the old one stop at once. */
    @Transactional
    public WithSecret rotateSecret(StaffPrincipal staff, UUID id) {
        var secret = SigningSecret.next();
        if (!table.changeSecret(id, managedMerchant(staff), secret, clock.instant())) {
            throw Problem.notFound("webhook");
        }
        return new WithSecret(find(staff, id), secret);
    }

    /** Removes the endpoint with its deliveries and their log; deliveries still pending are not sent. */
    @Transactional
    public void remove(StaffPrincipal staff, UUID id) {
        var merchant = managedMerchant(staff);
        if (!table.delete(id, merchant)) throw Problem.notFound("webhook");
        subscriptions.forget(merchant);
    }

    @Transactional(readOnly = true)
    public WebhookEndpoint find(StaffPrincipal staff, UUID id) {
        return table.find(id, managedMerchant(staff)).orElseThrow(() -> Problem.notFound("webhook"));
    }

    @Transactional(readOnly = true)
    public List<WebhookEndpoint> of(StaffPrincipal staff) {
        return table.of(managedMerchant(staff));
    }

    /** The merchant's endpoints that subscribed to this type, for the deliveries to record ({@link Subscriptions}). */
    List<UUID> subscribedTo(UUID merchantId, EventType type) {
        return subscriptions.to(merchantId, type);
    }

    private static UUID managedMerchant(StaffPrincipal staff) {
        if (staff.merchantId() == null) throw Problem.notFound("merchant");
        if (!staff.role().manages()) throw Problem.forbidden("only owners and managers manage webhooks");
        return staff.merchantId();
    }
}
