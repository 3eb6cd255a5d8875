package dev.platen.orders;

import java.util.Objects;

/**
 * The quality finding that decides how urgent a placement's art is, as the proof lane reads it.
 *
 * @param severity {@code INFO}, {@code WARNING} or {@code PROBLEM}
 * @param code     the finding's stable code, e.g. {@code JPEG_BLOCKING}; null for rows recorded before codes were kept
 */
record WorstFinding(String severity, String code) {

    public WorstFinding {
        Objects.requireNonNull(severity, "severity");
    }
}
