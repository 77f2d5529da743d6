package o2o.shared;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Input that no retry will make valid: a 400 naming the offending field. With a message key ({@code input.*}) the
 * detail is worded in the caller's language, the field being its first argument and {@code args} the rest.
 */
public class InvalidInput extends Problem {

    private final String field;
    private final String reason;
    private final @Nullable String key;
    private final Object[] extra;

    public InvalidInput(String field, String detail) {
        this(field, detail, null);
    }

    public InvalidInput(String field, String detail, @Nullable String key, Object... args) {
        super(HttpStatus.BAD_REQUEST, "invalid-input", field + ": " + detail, Map.of("field", field));
        this.field = field;
        this.reason = detail;
        this.key = key;
        this.extra = args.clone();
    }

    public String field() {
        return field;
    }

    /** The same complaint about the field where it sits in the request ({@code price.currency}, {@code storeIds[0]}). */
    public InvalidInput at(String path) {
        return new InvalidInput(path, reason, key, extra);
    }

    @Override
    public String messageKey() {
        return key != null ? key : super.messageKey();
    }

    @Override
    public Object[] args() {
        // without a key of its own: problem.invalid-input, "{0}: {1}", the field and the reason as written
        if (key == null) return new Object[] {field, reason};
        var all = new Object[extra.length + 1];
        all[0] = field;
        System.arraycopy(extra, 0, all, 1, extra.length);
        return all;
    }
}
