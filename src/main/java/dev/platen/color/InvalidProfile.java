package dev.platen.color;

/**
 * An ICC profile that cannot be used: not a profile at all, truncated, with broken tags, or of a colour space
 * Platen does not print from. Checked on purpose, so that every caller decides what happens next; the
 * documented answer for embedded profiles is a finding ({@code INVALID_ICC_PROFILE}) and the default profile
 * of the art's colour space ({@link ColorProfile#srgb()} for RGB, {@link ColorProfile#gray(double)} with gamma
 * 2.2 for grey, the press profile for CMYK).
 */
public class InvalidProfile extends Exception {

    public InvalidProfile(String message) {
        super(message);
    }
}
