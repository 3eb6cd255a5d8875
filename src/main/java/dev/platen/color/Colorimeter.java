package dev.platen.color;

import com.sun.jna.Memory;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads device colours as CIELAB (D50) through their profile: the transform to lcms's Lab v4 identity
 * profile ({@code cmsCreateLab4Profile}) with {@code TYPE_Lab_DBL} output. What a spectrophotometer would
 * read off a print made to that profile, relative to the paper with the colorimetric intents or absolute with
 * {@link RenderingIntent#ABSOLUTE_COLORIMETRIC}. Thread-safe; close when done.
 */
public final class Colorimeter implements AutoCloseable {

    private final ColorTransform transform;

    private Colorimeter(ColorTransform transform) {
        this.transform = transform;
    }

    public static Colorimeter of(ColorProfile profile, PixelFormat format, RenderingIntent intent) {
        try (ColorProfile lab = ColorProfile.lab()) {
            return new Colorimeter(ColorTransform.create(profile, format, lab, PixelFormat.LAB_DOUBLE, intent, false));
        }
    }

    public PixelFormat format() {
        return transform.inputFormat();
    }

    /** One pixel given as its samples (0..255 for 8-bit formats, 0..65535 for 16-bit), alpha included. */
    public Lab measure(int... samples) {
        PixelFormat format = transform.inputFormat();
        if (samples.length != format.samplesPerPixel()) {
            throw new IllegalArgumentException(format + " has " + format.samplesPerPixel() + " samples, got "
                    + samples.length);
        }
        if (format.colorSpace() == ColorSpace.LAB) {
            throw new IllegalArgumentException("Lab input is already Lab");
        }
        byte[] pixel = new byte[format.bytesPerPixel()];
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(pixel).order(ByteOrder.nativeOrder());
        int max = format.bytesPerSample() == 1 ? 0xFF : 0xFFFF;
        for (int sample : samples) {
            if (sample < 0 || sample > max) {
                throw new IllegalArgumentException("sample " + sample + " outside 0.." + max);
            }
            if (format.bytesPerSample() == 1) {
                buffer.put((byte) sample);
            } else {
                buffer.putShort((short) sample);
            }
        }
        return measure(pixel, 1).get(0);
    }

    /** {@code pixelCount} pixels in the colorimeter's format, from index 0 of {@code pixels}. */
    public List<Lab> measure(byte[] pixels, int pixelCount) {
        int inBytes = transform.inputFormat().bytesPerPixel();
        if ((long) pixelCount * inBytes > pixels.length) {
            throw new IllegalArgumentException(pixels.length + " bytes hold fewer than " + pixelCount + " pixels");
        }
        List<Lab> result = new ArrayList<>(pixelCount);
        if (pixelCount == 0) {
            return result;
        }
        try (Memory in = new Memory((long) pixelCount * inBytes);
             Memory out = new Memory((long) pixelCount * 3 * Double.BYTES)) {
            in.write(0, pixels, 0, pixelCount * inBytes);
            transform.convert(in, out, pixelCount);
            double[] values = out.getDoubleArray(0, pixelCount * 3);
            for (int i = 0; i < pixelCount; i++) {
                result.add(new Lab(values[3 * i], values[3 * i + 1], values[3 * i + 2]));
            }
        }
        return result;
    }

    @Override
    public void close() {
        transform.close();
    }
}
