package o2o.shared.web;

import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Names the schema of a type nested in another after both ({@code Sale.Line} is {@code SaleLine},
 * {@code CouponApi.Claim} is {@code CouponClaim}) instead of the nested type's simple name alone: many controllers
 * have a {@code Line} or a {@code Claim} of their own, and schemas sharing a name overwrite each other in the
 * document. A type naming its schema with {@code @Schema(name = …)} keeps that name.
 */
public final class NestedTypeNames implements ModelConverter {

    private static final List<String> ROLE_SUFFIXES = List.of("Api", "Controller", "Console");

    @Override
    public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        var named = nestedClass(type.getType());
        if (named != null && (type.getName() == null || type.getName().isBlank())) type.name(nameOf(named));
        return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    }

    /** The schema name of a class: its simple name, prefixed with its enclosing types' names when nested. */
    public static String nameOf(Class<?> type) {
        var annotation = type.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        if (annotation != null && !annotation.name().isBlank()) return annotation.name();
        var outer = type.getEnclosingClass();
        if (outer == null) return type.getSimpleName();
        var prefix = nameOf(outer);
        for (var suffix : ROLE_SUFFIXES) {
            if (prefix.endsWith(suffix) && prefix.length() > suffix.length()) {
                prefix = prefix.substring(0, prefix.length() - suffix.length());
                break;
            }
        }
        var simple = type.getSimpleName();
        return simple.startsWith(prefix) ? simple : prefix + simple;
    }

    private static @Nullable Class<?> nestedClass(@Nullable Type type) {
        Class<?> raw = type instanceof Class<?> c ? c
                : type instanceof JavaType java && !java.hasGenericTypes() && !java.isContainerType()
                        ? java.getRawClass() : null;
        if (raw == null || raw.isEnum() || raw.isArray() || raw.getEnclosingClass() == null) return null;
        return raw.getName().startsWith("o2o.") ? raw : null;
    }
}
