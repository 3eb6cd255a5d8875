package dev.platen.delivery;

import java.util.Locale;

/**
 * What a {@code Range} header (RFC 9110 §14.2) asks of a representation of a known length. One range is served
 * as a 206; a request for several ranges gets the whole file (200), which §14.2 allows a server to do, and so
 * does a header that is not valid bytes-range syntax or names another unit.
 */
sealed interface ByteRange {

    /** Serve the whole representation. */
    record Whole() implements ByteRange {
    }

    /** Serve bytes {@code first} to {@code last}, both inclusive. */
    record Part(long first, long last) implements ByteRange {

        long length() {
            return last - first + 1;
        }

        String contentRange(long total) {
            return "bytes " + first + "-" + last + "/" + total;
        }
    }

    /** No byte of the representation is in the range: 416 with {@code Content-Range: bytes *}{@code /length}. */
    record Unsatisfiable() implements ByteRange {
    }

    static ByteRange of(String header, long length) {
        if (header == null) {
            return new Whole();
        }
        String h = header.trim();
        int eq = h.indexOf('=');
        if (eq < 0 || !h.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("bytes")) {
            return new Whole();
        }
        String spec = h.substring(eq + 1).trim();
        if (spec.contains(",")) {
            return new Whole();
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return new Whole();
        }
        String from = spec.substring(0, dash).trim();
        String to = spec.substring(dash + 1).trim();
        if (!from.matches("[0-9]*") || !to.matches("[0-9]*") || (from.isEmpty() && to.isEmpty())) {
            return new Whole();
        }
        if (from.isEmpty()) {
            // suffix-range: the last n bytes; all of them when n exceeds the length (§14.1.2)
            long suffix = number(to);
            if (suffix == 0 || length == 0) {
                return new Unsatisfiable();
            }
            return new Part(Math.max(0, length - suffix), length - 1);
        }
        long first = number(from);
        long last = to.isEmpty() ? Long.MAX_VALUE : number(to);
        if (last < first) {
            return new Whole(); // invalid range-spec: the header is ignored
        }
        if (first >= length) {
            return new Unsatisfiable();
        }
        return new Part(first, Math.min(last, length - 1));
    }

    /** Digits too many for a long are further than any file reaches. */
    private static long number(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
