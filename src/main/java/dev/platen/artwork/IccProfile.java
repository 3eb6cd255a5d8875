package dev.platen.artwork;

import org.jspecify.annotations.Nullable;

import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An ICC profile embedded in artwork. Prepress cares about its description ("U.S. Web Coated (SWOP) v2",
 * "Display P3", ...) to tell what the colours were prepared for. A profile the colour management module cannot
 * load is reported as a finding, never as a rejection: the pixels are still usable, only their colour intent
 * is unknown.
 */
final class IccProfile {

    static final String INVALID = "ICC_PROFILE_INVALID";

    private static final int HEADER_SIZE = 128;
    private static final int SIG_DESC = 0x64657363; // 'desc'
    private static final int TYPE_DESC = 0x64657363; // 'desc', textDescriptionType (ICC v2)
    private static final int TYPE_MLUC = 0x6D6C7563; // 'mluc', multiLocalizedUnicodeType (ICC v4)
    private static final int TYPE_TEXT = 0x74657874; // 'text', seen in some v2 profiles

    private IccProfile() {
    }

    /**
     * The profile's description, or null when there is none. A malformed profile adds an
     * {@value #INVALID} finding and gives null.
     */
    static @Nullable String describe(byte @Nullable [] profile, List<Finding> findings) {
        if (profile == null) {
            return null;
        }
        try {
            ByteBuffer icc = ByteBuffer.wrap(profile);
            checkStructure(icc);
            // The colour management module (LCMS) is what will convert these colours later; if it refuses the
            // profile, the profile is as good as absent.
            ICC_Profile loaded = ICC_Profile.getInstance(profile);
            // Loading only parses; converting one colour makes LCMS build a transform, which is where profiles
            // with impossible white points or tables fail ("Couldn't link the profiles").
            new ICC_ColorSpace(loaded).toRGB(new float[loaded.getNumComponents()]);
            return description(icc);
        } catch (MalformedProfile | RuntimeException e) {
            findings.add(new Finding(INVALID,
                    "The embedded ICC profile is malformed and will be ignored: " + e.getMessage()));
            return null;
        }
    }

    private static void checkStructure(ByteBuffer icc) throws MalformedProfile {
        if (icc.limit() < HEADER_SIZE + 4) {
            throw new MalformedProfile("only " + icc.limit() + " bytes");
        }
        long declared = Integer.toUnsignedLong(icc.getInt(0));
        if (declared > icc.limit() || declared < HEADER_SIZE + 4) {
            throw new MalformedProfile("declares " + declared + " bytes but has " + icc.limit());
        }
        if (icc.getInt(36) != 0x61637370) { // 'acsp'
            throw new MalformedProfile("no 'acsp' signature");
        }
        long tags = Integer.toUnsignedLong(icc.getInt(HEADER_SIZE));
        if (HEADER_SIZE + 4 + tags * 12 > declared) {
            throw new MalformedProfile("tag table of " + tags + " entries does not fit");
        }
        for (int i = 0; i < tags; i++) {
            int entry = HEADER_SIZE + 4 + i * 12;
            long offset = Integer.toUnsignedLong(icc.getInt(entry + 4));
            long size = Integer.toUnsignedLong(icc.getInt(entry + 8));
            if (offset + size > declared) {
                throw new MalformedProfile("tag " + i + " lies outside the profile");
            }
        }
    }

    private static @Nullable String description(ByteBuffer icc) throws MalformedProfile {
        int tags = icc.getInt(HEADER_SIZE);
        for (int i = 0; i < tags; i++) {
            int entry = HEADER_SIZE + 4 + i * 12;
            if (icc.getInt(entry) == SIG_DESC) {
                int offset = icc.getInt(entry + 4);
                int size = icc.getInt(entry + 8);
                return text(icc.slice(offset, size));
            }
        }
        return null;
    }

    private static @Nullable String text(ByteBuffer tag) throws MalformedProfile {
        if (tag.limit() < 12) {
            throw new MalformedProfile("description tag of " + tag.limit() + " bytes");
        }
        int type = tag.getInt(0);
        if (type == TYPE_DESC) {
            long count = Integer.toUnsignedLong(tag.getInt(8));
            if (12 + count > tag.limit()) {
                throw new MalformedProfile("description text runs past its tag");
            }
            return clean(new String(bytes(tag, 12, (int) count), StandardCharsets.ISO_8859_1));
        }
        if (type == TYPE_TEXT) {
            return clean(new String(bytes(tag, 8, tag.limit() - 8), StandardCharsets.ISO_8859_1));
        }
        if (type == TYPE_MLUC) {
            return localized(tag);
        }
        throw new MalformedProfile("description tag has an unknown type");
    }

    /** Picks the en-US record when there is one (what Adobe and Apple tools show), else the first. */
    private static @Nullable String localized(ByteBuffer tag) throws MalformedProfile {
        if (tag.limit() < 16) {
            throw new MalformedProfile("truncated multi-localized description");
        }
        long records = Integer.toUnsignedLong(tag.getInt(8));
        int recordSize = tag.getInt(12);
        if (records == 0) {
            return null;
        }
        if (recordSize < 12 || 16 + records * recordSize > tag.limit()) {
            throw new MalformedProfile("multi-localized description records do not fit");
        }
        int chosen = 16;
        for (int i = 0; i < records; i++) {
            int at = 16 + i * recordSize;
            if (tag.getShort(at) == 0x656E && tag.getShort(at + 2) == 0x5553) { // "en" "US"
                chosen = at;
                break;
            }
        }
        long length = Integer.toUnsignedLong(tag.getInt(chosen + 4));
        long offset = Integer.toUnsignedLong(tag.getInt(chosen + 8));
        if (offset + length > tag.limit()) {
            throw new MalformedProfile("description string lies outside its tag");
        }
        return clean(new String(bytes(tag, (int) offset, (int) length), StandardCharsets.UTF_16BE));
    }

    private static byte[] bytes(ByteBuffer b, int offset, int length) {
        byte[] out = new byte[length];
        b.get(offset, out);
        return out;
    }

    private static @Nullable String clean(String s) {
        int nul = s.indexOf('\0');
        String text = (nul >= 0 ? s.substring(0, nul) : s).strip();
        return text.isEmpty() ? null : text;
    }

    private static final class MalformedProfile extends Exception {
        MalformedProfile(String message) {
            super(message);
        }
    }
}
