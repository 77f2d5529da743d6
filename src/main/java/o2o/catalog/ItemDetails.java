package o2o.catalog;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import o2o.shared.InvalidInput;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * What a merchant says about an item, checked on construction: a name, an http(s) photo address, and option groups
 * whose choice rules hold together. Groups and options that carry an id keep it, so a cart holding it stays valid.
 */
public record ItemDetails(UUID categoryId, String name, String description, @Nullable String photoUrl, Money price,
        List<Group> optionGroups) {

    public record Group(@Nullable UUID id, String name, boolean required, int minChoices, int maxChoices,
            List<Choice> options) {}

    public record Choice(@Nullable UUID id, String name, long priceDeltaMinor) {}

    public ItemDetails {
        name = text("name", name, 60);
        requireSensible("price", price);
        description = description == null ? "" : description.strip();
        if (description.length() > 500) throw new InvalidInput("description", "at most 500 characters");
        photoUrl = photoUrl == null || photoUrl.isBlank() ? null : photo(photoUrl.strip());
        if (optionGroups.size() > 20) throw new InvalidInput("optionGroups", "at most 20 groups");
        var groupNames = new HashSet<String>();
        var ids = new HashSet<UUID>();
        optionGroups = optionGroups.stream().map(g -> group(g, groupNames, ids)).toList();
    }

    /** The ids the groups and options were sent with: those they keep. */
    List<UUID> givenIds() {
        var ids = new ArrayList<UUID>();
        for (var group : optionGroups) {
            if (group.id() != null) ids.add(group.id());
            group.options().stream().map(Choice::id).filter(id -> id != null).forEach(ids::add);
        }
        return ids;
    }

    private static Group group(Group group, HashSet<String> names, HashSet<UUID> ids) {
        var name = text("optionGroups.name", group.name(), 30);
        if (!names.add(name)) throw new InvalidInput("optionGroups.name", "two groups are named " + name);
        if (group.id() != null && !ids.add(group.id())) throw new InvalidInput("optionGroups.id", "given twice");
        var options = group.options();
        if (options.isEmpty() || options.size() > 30) {
            throw new InvalidInput("optionGroups.options", name + ": between 1 and 30 options");
        }
        if (group.required() && group.minChoices() < 1) {
            throw new InvalidInput("optionGroups.minChoices", name + ": a required group takes at least one choice");
        }
        if (!group.required() && group.minChoices() != 0) {
            throw new InvalidInput("optionGroups.minChoices", name + ": an optional group starts at zero choices");
        }
        if (group.maxChoices() < 1 || group.maxChoices() < group.minChoices()) {
            throw new InvalidInput("optionGroups.maxChoices", name + ": at least 1 and at least the minimum");
        }
        if (group.maxChoices() > options.size()) {
            throw new InvalidInput("optionGroups.maxChoices", name + ": more choices than options");
        }
        var optionNames = new HashSet<String>();
        var checked = options.stream().map(o -> {
            var optionName = text("options.name", o.name(), 30);
            if (!optionNames.add(optionName)) throw new InvalidInput("options.name", "two options are named " + optionName);
            if (o.id() != null && !ids.add(o.id())) throw new InvalidInput("options.id", "given twice");
            if (Math.abs(o.priceDeltaMinor()) > 100_000_000L) throw new InvalidInput("options.priceDeltaMinor", "too large");
            return new Choice(o.id(), optionName, o.priceDeltaMinor());
        }).toList();
        return new Group(group.id(), name, group.required(), group.minChoices(), group.maxChoices(), checked);
    }

    /** Prices up to ¥10,000,000, so that a line's deltas and quantity can never overflow. */
    static void requireSensible(String field, Money price) {
        if (price.minor() > MAX_PRICE_MINOR) throw new InvalidInput(field, "at most 10000000.00");
    }

    static final long MAX_PRICE_MINOR = 1_000_000_000L;

    static String text(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) throw new InvalidInput(field, "must not be blank");
        var stripped = value.strip();
        if (stripped.length() > max) throw new InvalidInput(field, "at most " + max + " characters");
        return stripped;
    }

    private static String photo(String url) {
        try {
            var uri = new URI(url);
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || url.length() > 500) {
                throw new InvalidInput("photoUrl", "an http(s) address of an image");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new InvalidInput("photoUrl", "an http(s) address of an image");
        }
    }
}
