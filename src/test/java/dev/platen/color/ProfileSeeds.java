package dev.platen.color;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the seed corpus of {@link ColorProfileFuzzTest}: the profiles LittleCMS builds itself (sRGB, gray, Lab)
 * and one with a lying header (a size larger than the data). Run from the project folder:
 *
 * <pre>java -cp "target/classes:target/test-classes:$(cat target/classpath.txt)" dev.platen.color.ProfileSeeds</pre>
 */
public final class ProfileSeeds {

    private static final Path INPUTS = Path.of("src/test/resources/dev/platen/color/ColorProfileFuzzTestInputs/openProfile");

    private ProfileSeeds() {
    }

    public static void main(String[] args) throws IOException {
        byte[] srgb = ColorProfile.srgb().bytes();
        byte[] lying = srgb.clone();
        ByteBuffer.wrap(lying).putInt(0, srgb.length * 100);
        Files.createDirectories(INPUTS);
        for (Map.Entry<String, byte[]> seed : Map.of("srgb.icc", srgb, "gray.icc", ColorProfile.gray(2.2).bytes(),
                "lab.icc", ColorProfile.lab().bytes(), "srgb_lying_size.icc", lying).entrySet()) {
            Files.write(INPUTS.resolve(seed.getKey()), seed.getValue());
            System.out.println(INPUTS.resolve(seed.getKey()) + " " + seed.getValue().length + " bytes");
        }
    }
}
