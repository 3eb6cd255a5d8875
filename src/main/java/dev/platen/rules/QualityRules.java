package dev.platen.rules;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.platen.preflight.QualityThresholds;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The numbers the quality checks and the quality floor judge by, from a rule set's {@code quality-checks.yaml}: every
 * threshold of {@link QualityThresholds} by its name, each one not named keeping its default, and {@code ssimFloor}.
 *
 * @param ssimFloor SSIM of lightness between print and art below which the print is PRINT_BELOW_QUALITY_FLOOR
 */
public record QualityRules(QualityThresholds thresholds, double ssimFloor) {

    /** Real photos and clean logos score 0.98 to 1.00 on every bundled stock; a crushed separation 0.61 to 0.91. */
    static final double DEFAULT_SSIM_FLOOR = 0.93;
    static final QualityRules DEFAULTS = new QualityRules(QualityThresholds.DEFAULTS, DEFAULT_SSIM_FLOOR);

    public QualityRules {
        if (!(ssimFloor >= 0 && ssimFloor <= 1)) {
            throw new InvalidRuleSet(RuleSetBundle.QUALITY_CHECKS + ": ssimFloor must be between 0 and 1");
        }
    }

    static QualityRules read(byte @Nullable [] yaml) {
        if (yaml == null) {
            return DEFAULTS;
        }
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            Map<String, Object> given = mapper.readValue(yaml, mapper.getTypeFactory()
                    .constructMapType(LinkedHashMap.class, String.class, Object.class));
            Map<String, Object> values = new LinkedHashMap<>(mapper.convertValue(QualityThresholds.DEFAULTS,
                    mapper.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class)));
            Object floor = given == null ? null : given.remove("ssimFloor");
            if (given != null) {
                values.putAll(given);
            }
            QualityThresholds thresholds = mapper.convertValue(values, QualityThresholds.class);
            return new QualityRules(thresholds, floor == null ? DEFAULT_SSIM_FLOOR : ((Number) floor).doubleValue());
        } catch (InvalidRuleSet e) {
            throw e;
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            // a message-less exception (a bare cast failure, say) still names the file rather than fail on the null
            String message = Objects.requireNonNullElse(e.getMessage(), e.toString());
            throw new InvalidRuleSet(RuleSetBundle.QUALITY_CHECKS + ": " + message.lines().findFirst().orElse(""));
        }
    }
}
