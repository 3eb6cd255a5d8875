package dev.platen.catalog;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads one catalog file into the record that says what it holds ({@link StocksFile}, {@link ProductFile}): Jackson
 * binds it, Bean Validation checks each field against its record's constraints. Every problem is a
 * {@link CatalogException} naming the file and the field as a path such as {@code placements[0].tiers[1].minDpi},
 * because a shop editing YAML by hand needs to know exactly where it went wrong.
 *
 * <p>Fields the records do not know are passed over, as they always were: a file may carry notes for people.
 */
final class CatalogYaml {

    static final String REQUIRED = "is required";
    static final String ID = "[a-z0-9][a-z0-9-]*";
    static final String NOT_AN_ID = "'${validatedValue}' is not a valid id (lower-case letters, digits and '-')";

    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    // Only what is written: "150" is no number, 150.5 no whole one, 'true' no true (Jackson would convert them)
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .addModule(CatalogWords.module())
            .build();
    // Bean Validation's default provider (Hibernate Validator, with EL for the messages that quote the value): a
    // catalog is loaded outside Spring too (rule-set bundles, tools), and one factory serves every load
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private CatalogYaml() {
    }

    private record Wrong(String at, String problem) {
    }

    static <T extends Record> T read(Path path, Class<T> shape) {
        String file = path.toString();
        T written;
        try {
            written = YAML.readValue(path.toFile(), shape);
        } catch (JsonMappingException e) {
            throw unbound(file, e);
        } catch (IOException e) {
            throw new CatalogException(file, "(document)", "cannot be read as YAML: " + e.getMessage(), e);
        }
        if (written == null) {
            throw new CatalogException(file, "(document)", "must be a YAML map");
        }
        // every field that is wrong by itself, in the order of the file's lists
        List<Wrong> wrong = VALIDATOR.validate(written).stream()
                .map(v -> new Wrong(path(v), v.getMessage()))
                .sorted(Comparator.comparing(w -> listOrder(w.at())))
                .toList();
        if (!wrong.isEmpty()) {
            throw new CatalogException(file, wrong.get(0).at(), wrong.get(0).problem() + wrong.stream().skip(1)
                    .map(w -> "; " + w.at() + ": " + w.problem()).collect(Collectors.joining()));
        }
        return written;
    }

    /** Where Jackson stopped, and why in the shop's words: the value's own refusal, or the shape it should have. */
    private static CatalogException unbound(String file, JsonMappingException e) {
        String at = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
        if (e instanceof CatalogWords.Refused) {
            return new CatalogException(file, at, e.getOriginalMessage(), e);
        }
        if (at.isEmpty() && e instanceof MismatchedInputException) {
            return new CatalogException(file, "(document)", "must be a YAML map", e);
        }
        Class<?> expected = e instanceof MismatchedInputException m ? m.getTargetType()
                : e.getCause() instanceof InputCoercionException c ? c.getTargetType() : null;
        if (expected == null && e.getCause() instanceof JacksonException notYaml) {
            return new CatalogException(file, "(document)", "cannot be read as YAML: " + notYaml.getMessage(), e);
        }
        return new CatalogException(file, at.isEmpty() ? "(document)" : at, shape(expected), e);
    }

    private static String shape(@Nullable Class<?> expected) {
        if (expected == null) {
            return "cannot be read";
        } else if (expected == Boolean.class || expected == boolean.class) {
            return CatalogWords.TRUE_OR_FALSE;
        } else if (expected == Integer.class || expected == int.class) {
            return "must be a whole number";
        } else if (Number.class.isAssignableFrom(expected) || expected.isPrimitive()) {
            return "must be a number";
        } else if (Collection.class.isAssignableFrom(expected)) {
            return "must be a list";
        } else if (expected.isRecord()) {
            List<String> keys = Arrays.stream(expected.getRecordComponents()).map(RecordComponent::getName).toList();
            return "must be a map with " + String.join(", ", keys.subList(0, keys.size() - 1))
                    + (keys.size() > 1 ? " and " : "") + keys.get(keys.size() - 1);
        }
        return "must be a single value";
    }

    /** {@code placements[0].tiers[1].minDpi}, as the file is read; Bean Validation's own adds list-element nodes. */
    private static String path(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        for (jakarta.validation.Path.Node node : violation.getPropertyPath()) {
            if (node.isInIterable() && node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return path.toString();
    }

    /** tiers[2] before tiers[10]. */
    private static String listOrder(String path) {
        return INDEX.matcher(path).replaceAll(m -> "[" + "0".repeat(Math.max(0, 9 - m.group(1).length()))
                + m.group(1) + "]");
    }
}
