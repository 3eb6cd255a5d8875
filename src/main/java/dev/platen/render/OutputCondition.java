package dev.platen.render;

import dev.platen.storage.ContentDigest;
import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * The printing condition a print file is made for: the stock's CMYK output profile and how to name it. It becomes
 * the PDF/X output intent (ISO 15930-7) and the TIFF's embedded profile.
 *
 * @param identifier  OutputConditionIdentifier: a registered name (such as {@code FOGRA39}) or the stock's own id
 * @param info        OutputCondition/Info: the condition in words for people, such as the profile's description
 * @param iccProfile  the stock's ICC output profile, CMYK (4 components), embedded byte for byte
 * @param registryName RegistryName: where {@code identifier} is registered (such as {@code http://www.color.org}),
 *                     so that a RIP recognises the condition; null when the identifier is the stock's own id
 */
record OutputCondition(String identifier, String info, byte[] iccProfile, @Nullable String registryName) {

    /** An unregistered condition: the identifier is the stock's own. */
    public OutputCondition(String identifier, String info, byte[] iccProfile) {
        this(identifier, info, iccProfile, null);
    }

    /**
     * The stock's condition: its registered identifier and registry when it names one (a RIP recognises FOGRA39
     * and takes the embedded profile as its definition), else the stock's own id; the condition in words either way.
     */
    public static OutputCondition forStock(dev.platen.catalog.Stock stock, byte[] iccProfile) {
        dev.platen.catalog.Stock.Registration registration = stock.registration();
        String registered = registration.outputConditionIdentifier();
        return registered != null
                ? new OutputCondition(registered, stock.outputCondition(), iccProfile, registration.registryName())
                : new OutputCondition(stock.id(), stock.outputCondition(), iccProfile);
    }

    public OutputCondition {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(iccProfile, "iccProfile");
        iccProfile = iccProfile.clone();
        // ICC.1 header: bytes 16..19 are the data colour space signature; 'CMYK' for a 4-ink output profile.
        if (iccProfile.length < 128 || iccProfile[16] != 'C' || iccProfile[17] != 'M' || iccProfile[18] != 'Y'
                || iccProfile[19] != 'K') {
            throw new IllegalArgumentException("the output profile must be an ICC profile with CMYK data");
        }
    }

    /** The profile itself; a copy, the record stays immutable. */
    @Override
    public byte[] iccProfile() {
        return iccProfile.clone();
    }

    byte[] profileBytes() {
        return iccProfile;
    }

    /** SHA-256 of the profile bytes exactly as embedded, lower-case hex. */
    public String profileSha256() {
        return ContentDigest.sha256Hex(iccProfile);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutputCondition other && identifier.equals(other.identifier) && info.equals(other.info)
                && java.util.Arrays.equals(iccProfile, other.iccProfile)
                && Objects.equals(registryName, other.registryName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(identifier, info, java.util.Arrays.hashCode(iccProfile), registryName);
    }

    @Override
    public String toString() {
        return "OutputCondition[" + identifier + (registryName == null ? "" : " (" + registryName + ")") + ", " + info
                + ", " + iccProfile.length + " bytes]";
    }
}
