package o2o.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import o2o.shared.AmountTooLarge;
import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Why a request's input could not be read, in the caller's terms: the field or parameter and the kind of value it
 * takes ("quantity must be a whole number", "storeId must be a UUID"), never the Java type or the parser's wording.
 */
final class InputProblems {

    private InputProblems() {}

    /** The problem behind a body that could not be read, or null when it is not JSON at all. */
    static @Nullable Problem ofBody(Throwable failure) {
        var json = outermost(failure, JacksonException.class);
        var problem = outermost(failure, Problem.class);
        var path = json == null ? "" : path(json);
        if (problem instanceof InvalidInput invalid) return invalid.at(join(path, invalid.field()));
        if (problem instanceof AmountTooLarge && !path.isEmpty()) return new AmountTooLarge(path);
        if (problem != null) return problem;
        if (json instanceof InvalidNullException) {
            return new InvalidInput(orBody(path), "must not be null", "input.not-null");
        }
        if (json instanceof UnrecognizedPropertyException) {
            return new InvalidInput(orBody(path), "is not a known field", "input.unknown-field");
        }
        if (json instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return mustBe(orBody(path), mismatch.getTargetType());
        }
        if (json instanceof InputCoercionException coercion) {
            var field = json.processor() instanceof JsonParser parser && parser.currentName() != null
                    ? parser.currentName() : orBody(path);
            return new InvalidInput(field, "is out of range", "input.out-of-range");
        }
        return null;
    }

    /** What a body that is not JSON, or too deep or large to read, is told. */
    static String unreadable(Throwable failure) {
        var json = outermost(failure, JacksonException.class);
        if (outermost(failure, StreamConstraintsException.class) != null) return "too-deep";
        if (json != null && json.getLocation() != null && json.getLocation().getLineNr() > 0) return "syntax";
        return "unreadable";
    }

    /** "{field} must be a whole number" and the like, by the type the value was to become. */
    static InvalidInput mustBe(String field, @Nullable Class<?> type) {
        var kind = kind(type);
        var allowed = type != null && type.isEnum()
                ? Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "))
                : "";
        return new InvalidInput(field, "must be " + kind + (allowed.isEmpty() ? "" : ": " + allowed),
                "input.must-be." + kind, allowed);
    }

    private static final Map<Class<?>, String> KINDS = Map.ofEntries(
            Map.entry(Integer.class, "whole-number"), Map.entry(int.class, "whole-number"),
            Map.entry(Long.class, "whole-number"), Map.entry(long.class, "whole-number"),
            Map.entry(Short.class, "whole-number"), Map.entry(short.class, "whole-number"),
            Map.entry(Double.class, "number"), Map.entry(double.class, "number"),
            Map.entry(Float.class, "number"), Map.entry(float.class, "number"),
            Map.entry(java.math.BigDecimal.class, "number"), Map.entry(java.math.BigInteger.class, "whole-number"),
            Map.entry(Boolean.class, "boolean"), Map.entry(boolean.class, "boolean"),
            Map.entry(UUID.class, "uuid"), Map.entry(String.class, "text"), Map.entry(Currency.class, "currency"),
            Map.entry(Instant.class, "date-time"), Map.entry(OffsetDateTime.class, "date-time"),
            Map.entry(ZonedDateTime.class, "date-time"), Map.entry(LocalDateTime.class, "date-time"),
            Map.entry(LocalDate.class, "date"), Map.entry(LocalTime.class, "time"));

    static String kind(@Nullable Class<?> type) {
        if (type == null) return "value";
        if (type.isEnum()) return "one-of";
        var known = KINDS.get(type);
        if (known != null) return known;
        if (type.isArray() || Collection.class.isAssignableFrom(type)) return "list";
        if (type.isRecord() || Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) return "object";
        return "value";
    }

    /** Jackson's path as a caller writes it: {@code items[0].price}. */
    static String path(JacksonException json) {
        var out = new StringBuilder();
        for (var reference : json.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!out.isEmpty()) out.append('.');
                out.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String join(String path, String field) {
        if (path.isEmpty()) return field;
        var last = path.replaceAll("(\\[\\d+])+$", "");
        last = last.substring(last.lastIndexOf('.') + 1);
        if (field.equals("body") || last.equals(field)) return path;
        return path + "." + field;
    }

    private static String orBody(String path) {
        return path.isEmpty() ? "body" : path;
    }

    /** The first of {@code failure} and its causes that is a {@code type}. */
    static <T> @Nullable T outermost(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
        }
        return null;
    }
}
