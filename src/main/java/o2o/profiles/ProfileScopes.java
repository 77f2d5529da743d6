package o2o.profiles;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import o2o.loyalty.Loyalty;
import o2o.loyalty.Membership;
import o2o.loyalty.PointsProgram;
import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import org.springframework.stereotype.Component;

/**
 * Whose facts a profile row holds. Every fact counts in its merchant's own scope (keyed by the merchant's id), and,
 * when the merchant collects in a group points program (a mall), also in the group's scope, keyed by
 * {@link #groupOf(MerchantId) a key made from the program owner's id}: the owner sees its program's members across
 * every merchant of the group, no tenant sees the group's rows. A group owner's profiles, tags and segments are over
 * the group scope (its own merchant's facts are part of it).
 */
@Component
class ProfileScopes {

    private final PointsProgram programs;
    private final Loyalty loyalty;

    ProfileScopes(PointsProgram programs, Loyalty loyalty) {
        this.programs = programs;
        this.loyalty = loyalty;
    }

    /**
     * The group scope's key of a group program's owner: a name-based UUID (version 3), so it can never be a
     * merchant's id (version 7) and needs no table of its own.
     */
    static UUID groupOf(MerchantId owner) {
        return UUID.nameUUIDFromBytes(("o2o.profiles.group:" + owner.value()).getBytes(StandardCharsets.UTF_8));
    }

    /** The scope a merchant's staff read and segment: the group's for a group program's owner, else its own. */
    UUID readBy(MerchantId merchant) {
        return programs.ownsGroup(merchant) ? groupOf(merchant) : merchant.value();
    }

    /** For the merchants in a group program, the key of their group's scope; one read for the whole batch. */
    Map<UUID, UUID> groupScopesOf(Collection<UUID> merchants) {
        var scopes = new HashMap<UUID, UUID>();
        if (merchants.isEmpty()) return scopes;
        programs.groupOwnersOf(merchants.stream().map(MerchantId::new).toList())
                .forEach((merchant, owner) -> scopes.put(merchant.value(), groupOf(owner)));
        return scopes;
    }

    /**
     * The customer's membership the reader sees them by: at the reader itself, or, when the reader owns a group
     * program, at any merchant of the group (the program's member).
     */
    Optional<Membership> memberSeenBy(MerchantId reader, UUID scope, CustomerId customer) {
        var own = loyalty.membership(customer, reader);
        if (own.isPresent() || scope.equals(reader.value())) return own;
        List<Membership> all = loyalty.memberships(customer.value());
        var owners = programs.groupOwnersOf(all.stream().map(m -> new MerchantId(m.merchantId())).toList());
        return all.stream().filter(m -> reader.equals(owners.get(new MerchantId(m.merchantId())))).findFirst();
    }
}
