package o2o.campaigns.web;

import java.util.UUID;

import o2o.campaigns.Channel;
import o2o.campaigns.NewTrackingCode;
import o2o.campaigns.Target;
import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/** The console's "add a code" form as typed; empty selects are "none". */
record CodeForm(@Nullable String channel, @Nullable String target, @Nullable String storeId,
        @Nullable String staffId, @Nullable String dealId, @Nullable String code, @Nullable String label) {

    static CodeForm blank() {
        return new CodeForm(Channel.POSTER.name(), Target.STORE.name(), "", "", "", "", "");
    }

    NewTrackingCode toNew() {
        return new NewTrackingCode(choice("channel", Channel.class, channel), choice("target", Target.class, target),
                id("storeId", storeId), id("staffId", staffId), id("targetId", dealId), code, label);
    }

    private static <E extends Enum<E>> E choice(String field, Class<E> type, @Nullable String text) {
        try {
            return Enum.valueOf(type, text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, "is not one of the choices", "input.must-be.value");
        }
    }

    private static @Nullable UUID id(String field, @Nullable String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, "must be a UUID", "input.must-be.uuid");
        }
    }
}
