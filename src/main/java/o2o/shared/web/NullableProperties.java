package o2o.shared.web;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Marks a record's {@code @Nullable} components {@code nullable} in its schema. The code is null-marked (what is not
 * {@code @Nullable} is never null), and the API writes a null member as {@code null}: without this the document
 * would say a string where the response has {@code null}.
 */
public final class NullableProperties implements ModelConverter {

    private static final String REF = "#/components/schemas/";

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        var record = recordClass(type.getType());
        if (schema == null || record == null) return schema;
        Schema model = schema.get$ref() != null && schema.get$ref().startsWith(REF)
                ? context.getDefinedModels().get(schema.get$ref().substring(REF.length())) : schema;
        if (model == null || model.getProperties() == null) return schema;
        for (var component : record.getRecordComponents()) {
            if (!nullable(component)) continue;
            var name = jsonName(component);
            Schema property = (Schema) model.getProperties().get(name);
            if (property == null) continue;
            if (property.get$ref() != null) {
                // OpenAPI 3.0 ignores siblings of a $ref, and a nullable without a type allows nothing more: the
                // referenced schema or null
                var onlyNull = new Schema<>().nullable(true);
                onlyNull.setEnum(Collections.singletonList(null));
                model.getProperties().put(name, new ComposedSchema()
                        .anyOf(List.of(new Schema<>().$ref(property.get$ref()), onlyNull)));
            } else {
                property.setNullable(true);
            }
        }
        return schema;
    }

    private static boolean nullable(RecordComponent component) {
        return isNullable(component) || isNullable(component.getAnnotatedType());
    }

    private static boolean isNullable(AnnotatedElement element) {
        return Arrays.stream(element.getAnnotations())
                .anyMatch(annotation -> annotation.annotationType().getSimpleName().equals("Nullable"));
    }

    private static String jsonName(RecordComponent component) {
        var property = component.getAccessor().getAnnotation(JsonProperty.class);
        if (property == null) property = component.getAnnotation(JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }

    private static @Nullable Class<?> recordClass(@Nullable Type type) {
        Class<?> raw = type instanceof Class<?> c ? c
                : type instanceof JavaType java ? java.getRawClass()
                : type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> c ? c : null;
        return raw != null && raw.isRecord() && raw.getName().startsWith("o2o.") ? raw : null;
    }
}
