package dev.platen.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Candidate rule sets as an admin uploads them: the bundled files as a zip, some of them changed or added. */
public final class RuleSetZips {

    private RuleSetZips() {
    }

    /** The bundled files, with {@code changed} replacing or adding files by their path in the bundle. */
    public static byte[] bundledWith(Map<String, byte[]> changed) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        files.put("workflows/proof-lane.dmn", Files.readAllBytes(Path.of("workflows/proof-lane.dmn")));
        files.put("quality-checks.yaml", Files.readAllBytes(Path.of("quality-checks.yaml")));
        files.put("icc-profiles/stocks.yaml", Files.readAllBytes(Path.of("icc-profiles/stocks.yaml")));
        for (String folder : List.of("layout-tiers", "icc-profiles")) {
            String ending = folder.equals("layout-tiers") ? ".yaml" : ".icc";
            try (Stream<Path> list = Files.list(Path.of(folder))) {
                for (Path f : list.filter(f -> f.getFileName().toString().endsWith(ending)).toList()) {
                    files.put(folder + "/" + f.getFileName(), Files.readAllBytes(f));
                }
            }
        }
        files.putAll(changed);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
