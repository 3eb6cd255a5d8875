package dev.platen.artwork;

/**
 * Something worth telling about a piece of artwork, with a stable code a client can switch on.
 *
 * @param code    stable, upper-case code, e.g. {@code PDF_EXTRA_PAGES_IGNORED}
 * @param message one sentence for a person
 */
public record Finding(String code, String message) {
}
