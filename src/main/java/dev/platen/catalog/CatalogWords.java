package dev.platen.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.platen.color.Precision;
import dev.platen.color.RenderingIntent;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalog's words and measures ({@code relative-colorimetric}, {@code 12 x 16 in}, {@code 0.125 in} ...), read as
 * the files are bound, so that a wrong one is reported at its own path with what it should read like. Texts are
 * trimmed, and a blank one is as if it were not written.
 *
 * <p>A key written with nothing after it is as if it were not written too, except for a measure, a mockup and true or
 * false: there it is a mistake, refused as the empty word would be.
 */
final class CatalogWords {

    private static final Pattern SIZE = Pattern.compile(
            "([0-9]+(?:\\.[0-9]+)?|-[0-9]+(?:\\.[0-9]+)?)\\s*[xX×]\\s*([0-9]+(?:\\.[0-9]+)?|-[0-9]+(?:\\.[0-9]+)?)\\s*(in|mm)");
    private static final Pattern LENGTH = Pattern.compile("(-?[0-9]+(?:\\.[0-9]+)?)\\s*(in|mm)");

    static final String TRUE_OR_FALSE = "must be true or false";

    private CatalogWords() {
    }

    static SimpleModule module() {
        return new SimpleModule("platen-catalog-words")
                .addDeserializer(String.class, new Text())
                .addDeserializer(Boolean.class, new TrueOrFalse())
                .addDeserializer(RenderingIntent.class, new Word<>(RenderingIntent.class, CatalogWords::intent, false))
                .addDeserializer(Precision.class, new Word<>(Precision.class, CatalogWords::precision, false))
                .addDeserializer(Stock.GreyAs.class, new Word<>(Stock.GreyAs.class, CatalogWords::greyAs, false))
                .addDeserializer(Stock.SpotColours.class,
                        new Word<>(Stock.SpotColours.class, CatalogWords::spotColours, false))
                .addDeserializer(PrintFileFormat.class, new Word<>(PrintFileFormat.class, CatalogWords::output, true))
                .addDeserializer(TierPosition.Anchor.class, new Word<>(TierPosition.Anchor.class,
                        text -> text.isEmpty() ? null : TierPosition.Anchor.parse(text), false))
                .addDeserializer(PrintArea.class, new Word<>(PrintArea.class, CatalogWords::size, false))
                .addDeserializer(MockupShape.class, new Word<>(MockupShape.class, CatalogWords::mockup, true));
    }

    /** A word or measure that is not what it should be, with the message the shop reads: Jackson adds where it was. */
    static final class Refused extends JsonMappingException {

        Refused(JsonParser p, String message) {
            super(p, message);
        }
    }

    @Nullable
    private static RenderingIntent intent(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "" -> null;
            case "perceptual" -> RenderingIntent.PERCEPTUAL;
            case "relative", "relative-colorimetric" -> RenderingIntent.RELATIVE_COLORIMETRIC;
            case "saturation" -> RenderingIntent.SATURATION;
            case "absolute", "absolute-colorimetric" -> RenderingIntent.ABSOLUTE_COLORIMETRIC;
            default -> throw new IllegalArgumentException("'" + text + "' is not a rendering intent (perceptual,"
                    + " relative-colorimetric, saturation, absolute-colorimetric)");
        };
    }

    /** {@code exact} (the default) or {@code fast}: lcms's high-resolution precalculated grid. */
    private static Precision precision(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "", "exact" -> Precision.EXACT;
            case "fast" -> Precision.PRECALCULATED_HIGH_RES;
            default -> throw new IllegalArgumentException("'" + text + "' is not a precision (exact, fast)");
        };
    }

    private static Stock.GreyAs greyAs(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "", "k", "black" -> Stock.GreyAs.K;
            case "process" -> Stock.GreyAs.PROCESS;
            default -> throw new IllegalArgumentException("'" + text + "' is not a way to print grey (k, process)");
        };
    }

    private static Stock.SpotColours spotColours(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "", "keep" -> Stock.SpotColours.KEEP;
            case "convert" -> Stock.SpotColours.CONVERT;
            default -> throw new IllegalArgumentException("'" + text
                    + "' is not a way to handle spot colours (keep, convert)");
        };
    }

    private static PrintFileFormat output(String text) {
        return PrintFileFormat.parse(text).orElseThrow(() -> new IllegalArgumentException("unknown output '" + text
                + "' (known: pdfx4, tiff)"));
    }

    /** As written, in lower case: a file says {@code garment}. */
    private static MockupShape mockup(String text) {
        return MockupShape.named(text).orElseThrow(() -> new IllegalArgumentException("'" + text
                + "' is not a mockup (garment, mug, sticker, sheet, panel)"));
    }

    /** A print area, kept in the unit it is written in: {@code 12 x 16 in}, {@code 305 x 406 mm}. */
    @Nullable
    private static PrintArea size(String text) {
        if (text.isEmpty()) {
            return null;
        }
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("must read like '12 x 16 in' or '305 x 406 mm', not '" + text + "'");
        }
        BigDecimal w = new BigDecimal(m.group(1));
        BigDecimal h = new BigDecimal(m.group(2));
        if (w.signum() <= 0 || h.signum() <= 0) {
            throw new IllegalArgumentException("width and height must be positive, not '" + text + "'");
        }
        return new PrintArea(w, h, LengthUnit.valueOf(m.group(3).toUpperCase(Locale.ROOT)));
    }

    /** A length written {@code 0.125 in} or {@code 3 mm}, read in inches; on the record components that are one. */
    static final class Inches extends Word<Double> {

        Inches() {
            super(Double.class, Inches::inches, true);
        }

        private static Double inches(String text) {
            if (text.isEmpty()) {
                throw new IllegalArgumentException(CatalogYaml.REQUIRED);
            }
            Matcher m = LENGTH.matcher(text);
            if (!m.matches()) {
                throw new IllegalArgumentException("must read like '0.125 in' or '3 mm', not '" + text + "'");
            }
            LengthUnit unit = LengthUnit.valueOf(m.group(2).toUpperCase(Locale.ROOT));
            return new BigDecimal(m.group(1)).divide(unit.perInch(), MathContext.DECIMAL64).doubleValue();
        }
    }

    /**
     * A word read by {@code parse} from the trimmed text: null when it means "not given", an
     * {@link IllegalArgumentException} with the shop's message when it is wrong. A list or a map is no word.
     *
     * @param emptyKeyWrong a key written with nothing after it is read as the empty word (and so refused by
     *                      {@code parse}), not as a key not written
     */
    private static class Word<T> extends StdScalarDeserializer<T> {

        private final Function<String, T> parse;
        private final boolean emptyKeyWrong;

        Word(Class<T> type, Function<String, T> parse, boolean emptyKeyWrong) {
            super(type);
            this.parse = parse;
            this.emptyKeyWrong = emptyKeyWrong;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.currentToken().isScalarValue()) {
                @SuppressWarnings("unchecked")
                T never = (T) ctxt.handleUnexpectedToken(handledType(), p);
                return never;
            }
            return read(p, p.getText().trim());
        }

        @Override
        @Nullable
        public T getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            return emptyKeyWrong ? read(ctxt.getParser(), "") : null;
        }

        @Override
        @Nullable
        public Object getAbsentValue(DeserializationContext ctxt) {
            return null;
        }

        private T read(JsonParser p, String text) throws Refused {
            try {
                return parse.apply(text);
            } catch (IllegalArgumentException wrong) {
                // every parse says what is wrong; a bare exception still names the text and what it should be
                throw new Refused(p, Objects.requireNonNullElse(wrong.getMessage(),
                        "'" + text + "' is not a " + handledType().getSimpleName()));
            }
        }
    }

    /** Text, trimmed; blank is as if not written. */
    private static final class Text extends StdScalarDeserializer<String> {

        Text() {
            super(String.class);
        }

        @Override
        @Nullable
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = StringDeserializer.instance.deserialize(p, ctxt);
            return text == null || text.isBlank() ? null : text.trim();
        }
    }

    /** Jackson's own {@code true} and {@code false}; a key written with nothing after it is refused, not false. */
    private static final class TrueOrFalse extends StdScalarDeserializer<Boolean> {

        @SuppressWarnings("unchecked")
        private final JsonDeserializer<Boolean> read =
                (JsonDeserializer<Boolean>) NumberDeserializers.find(Boolean.class, Boolean.class.getName());

        TrueOrFalse() {
            super(Boolean.class);
        }

        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return read.deserialize(p, ctxt);
        }

        @Override
        public Boolean getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            throw new Refused(ctxt.getParser(), TRUE_OR_FALSE);
        }

        @Override
        @Nullable
        public Object getAbsentValue(DeserializationContext ctxt) {
            return null;
        }
    }
}
