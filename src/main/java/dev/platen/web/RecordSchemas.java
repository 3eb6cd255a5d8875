package dev.platen.web;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The schema of every record the API reads or answers with tells the truth about nulls: a component is
 * {@code nullable} exactly when the record marks it {@link Nullable}, and every other component is required. In an
 * answer Jackson writes the null ones too ({@code spring.jackson.default-property-inclusion: always}); in a request
 * a {@link Nullable} component may be left out. The validator in the integration tests fails on a null the record
 * did not mark, so a missing mark does not go unnoticed.
 */
class RecordSchemas implements ModelConverter, OpenApiCustomizer {

    private static final String COMPONENTS = "#/components/schemas/";

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema resolved = chain.next().resolve(type, context, chain);
        JavaType javaType = Json.mapper().constructType(type.getType());
        Class<?> raw = javaType.getRawClass();
        if (resolved == null || !raw.isRecord() || !raw.getPackageName().startsWith("dev.platen")) {
            return resolved;
        }
        Schema model = resolved.get$ref() == null ? resolved
                : context.getDefinedModels().get(resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1));
        if (model == null || model.getProperties() == null) {
            return resolved;
        }
        Map<String, Schema> properties = model.getProperties();
        List<String> required = new ArrayList<>();
        for (RecordComponent component : raw.getRecordComponents()) {
            Schema property = properties.get(component.getName());
            if (property == null) {
                continue;
            }
            // JSpecify's @Nullable annotates the type (TYPE_USE), not the accessor: it is read off the component's type
            if (component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                properties.put(component.getName(), nullable(property));
            } else {
                required.add(component.getName());
            }
        }
        model.setRequired(required.isEmpty() ? null : required);
        return resolved;
    }

    /**
     * OpenAPI 3.0 ignores every sibling of a {@code $ref}, and {@code nullable} beside an {@code allOf} does not let
     * null pass the referenced schema (3.0.3): a nullable reference is marked here with {@code allOf} and settled in
     * {@link #customise}, once every use of the component is known.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema nullable(Schema property) {
        if (property.get$ref() == null) {
            if (property.getEnum() != null && !property.getEnum().contains(null)) {
                // an enum lists every value the property takes, null among them when it is nullable (the OpenAPI
                // 3.0.3 clarification of nullable: null must be one of the enum's values to pass it)
                property.addEnumItemObject(null);
            }
            return property.nullable(true);
        }
        Schema wrapped = new ComposedSchema().addAllOfItem(new Schema().$ref(property.get$ref())).nullable(true);
        wrapped.setDescription(property.getDescription());
        return wrapped;
    }

    /**
     * A component that only nullable properties refer to becomes nullable itself, and they refer to it plainly: the
     * one form of a nullable object that 3.0 validators and client generators read alike. A component that is also
     * referred to where it may not be null cannot be settled so; the document is then refused rather than wrong.
     */
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void customise(OpenAPI api) {
        Map<String, Schema> components = api.getComponents().getSchemas();
        Set<String> nullableUses = new TreeSet<>();
        Set<String> plainUses = new TreeSet<>();
        components.values().forEach(schema -> uses(schema, nullableUses, plainUses));
        api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().values().forEach(m -> uses(m.getSchema(), nullableUses, plainUses));
            }
            operation.getResponses().values().stream().filter(r -> r.getContent() != null)
                    .forEach(r -> r.getContent().values().forEach(m -> uses(m.getSchema(), nullableUses, plainUses)));
        }));
        Set<String> mixed = new TreeSet<>(nullableUses);
        mixed.retainAll(plainUses);
        if (!mixed.isEmpty()) {
            throw new IllegalStateException("Schemas " + mixed + " are referred to as nullable and as not nullable; "
                    + "OpenAPI 3.0 cannot say both of one component: give the nullable use a record of its own");
        }
        for (String name : nullableUses) {
            Schema component = components.get(name);
            if (component == null) {
                throw new IllegalStateException("a nullable reference to no component: " + name);
            }
            component.setNullable(true);
        }
        components.values().forEach(RecordSchemas::unwrap);
    }

    @SuppressWarnings("rawtypes")
    private static void uses(Schema schema, Set<String> nullableUses, Set<String> plainUses) {
        if (schema == null) {
            return;
        }
        if (isNullableReference(schema)) {
            nullableUses.add(name(((Schema) schema.getAllOf().get(0)).get$ref()));
            return;
        }
        if (schema.get$ref() != null) {
            plainUses.add(name(schema.get$ref()));
        }
        if (schema.getProperties() != null) {
            for (Object property : schema.getProperties().values()) {
                uses((Schema) property, nullableUses, plainUses);
            }
        }
        uses(schema.getItems(), nullableUses, plainUses);
        if (schema.getAdditionalProperties() instanceof Schema additional) {
            uses(additional, nullableUses, plainUses);
        }
        for (List<?> composed : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (composed != null) {
                composed.forEach(s -> uses((Schema) s, nullableUses, plainUses));
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void unwrap(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        Map<String, Schema> properties = schema.getProperties();
        properties.replaceAll((name, property) -> isNullableReference(property)
                ? new Schema().$ref(((Schema) property.getAllOf().get(0)).get$ref()).description(property.getDescription())
                : property);
    }

    @SuppressWarnings("rawtypes")
    private static boolean isNullableReference(Schema schema) {
        return Boolean.TRUE.equals(schema.getNullable()) && schema.getAllOf() != null && schema.getAllOf().size() == 1
                && ((Schema) schema.getAllOf().get(0)).get$ref() != null && schema.getProperties() == null;
    }

    private static String name(String ref) {
        return ref.substring(COMPONENTS.length());
    }
}
