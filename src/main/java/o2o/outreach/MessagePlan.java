package o2o.outreach;

import java.util.EnumSet;
import java.util.Set;

import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * The message a treated member gets, by SMS and/or in the app: the merchant's text, in which {@code {name}} is the
 * member's name. No channel, no message.
 */
public record MessagePlan(Set<Channel> channels, @Nullable String text) {

    public static final int MAX_TEXT = 200;
    public static final String NAME = "{name}";

    public enum Channel { SMS, IN_APP }

    public MessagePlan {
        channels = channels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(channels));
        text = text == null || text.isBlank() ? null : text.strip();
        if (!channels.isEmpty() && text == null) {
            throw new InvalidInput("message.text", "is required", "input.required");
        }
        if (text != null && text.length() > MAX_TEXT) {
            throw new InvalidInput("message.text", "at most " + MAX_TEXT + " characters");
        }
        if (channels.isEmpty()) text = null;
    }

    public static MessagePlan none() {
        return new MessagePlan(Set.of(), null);
    }

    public boolean sends() {
        return !channels.isEmpty();
    }

    /** The text for one member; {@code name} is what the merchant calls them, or a polite word when it has no name. */
    public String textFor(String name) {
        return text == null ? "" : text.replace(NAME, name);
    }
}
