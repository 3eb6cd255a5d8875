package dev.platen.rules;

import dev.platen.storage.ContentDigest;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The files of one rule set, by their path in the repository's layout: {@value #LANE_TABLE}, {@code layout-tiers/*.yaml},
 * {@value #STOCKS} with the {@code icc-profiles/*.icc} it names, and optionally {@value #QUALITY_CHECKS}. Its
 * {@link #digest} is the SHA-256 of the sorted listing of paths and file SHA-256s, so the same files are the same rule
 * set whatever zip tool packed them. Uploaded as a zip of that layout.
 */
record RuleSetBundle(Map<String, byte[]> files) {

    static final String LANE_TABLE = "workflows/proof-lane.dmn";
    static final String STOCKS = "icc-profiles/stocks.yaml";
    static final String QUALITY_CHECKS = "quality-checks.yaml";
    static final String LAYOUT_TIERS = "layout-tiers/";

    /** Only these paths: a bundle is rules, not a place to smuggle files onto every node. */
    private static final Pattern ALLOWED = Pattern.compile(
            "workflows/proof-lane\\.dmn|layout-tiers/[A-Za-z0-9][A-Za-z0-9._-]{0,80}\\.yaml"
                    + "|icc-profiles/stocks\\.yaml|icc-profiles/[A-Za-z0-9][A-Za-z0-9._-]{0,80}\\.icc|quality-checks\\.yaml");
    static final int MAX_FILES = 200;
    static final long MAX_FILE_BYTES = 16L << 20;
    static final long MAX_TOTAL_BYTES = 64L << 20;

    RuleSetBundle {
        files = new TreeMap<>(files);
        for (String path : files.keySet()) {
            if (!ALLOWED.matcher(path).matches()) {
                throw new InvalidRuleSet("'" + path + "' has no place in a rule set; it holds " + LANE_TABLE + ", "
                        + LAYOUT_TIERS + "*.yaml, " + STOCKS + " with its icc-profiles/*.icc and " + QUALITY_CHECKS);
            }
        }
        for (String required : new String[]{LANE_TABLE, STOCKS}) {
            if (!files.containsKey(required)) {
                throw new InvalidRuleSet("a rule set needs " + required);
            }
        }
        if (files.keySet().stream().noneMatch(p -> p.startsWith(LAYOUT_TIERS))) {
            throw new InvalidRuleSet("a rule set needs at least one " + LAYOUT_TIERS + "*.yaml");
        }
    }

    /** The bundled rule set: the files the engine was started with. */
    static RuleSetBundle fromFolders(Path laneTable, Path layoutTiers, Path stocks, Path qualityChecks) {
        Map<String, byte[]> files = new TreeMap<>();
        try {
            files.put(LANE_TABLE, Files.readAllBytes(laneTable));
            try (Stream<Path> tiers = Files.list(layoutTiers)) {
                for (Path tier : tiers.filter(p -> p.getFileName().toString().endsWith(".yaml")).toList()) {
                    files.put(LAYOUT_TIERS + tier.getFileName(), Files.readAllBytes(tier));
                }
            }
            files.put(STOCKS, Files.readAllBytes(stocks));
            try (Stream<Path> profiles = Files.list(stocks.toAbsolutePath().getParent())) {
                for (Path icc : profiles.filter(p -> p.getFileName().toString().endsWith(".icc")).toList()) {
                    files.put("icc-profiles/" + icc.getFileName(), Files.readAllBytes(icc));
                }
            }
            if (qualityChecks != null && Files.isRegularFile(qualityChecks)) {
                files.put(QUALITY_CHECKS, Files.readAllBytes(qualityChecks));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled rule set cannot be read", e);
        }
        return new RuleSetBundle(files);
    }

    /** Reads an uploaded zip, within the limits above (counted as inflated, so a zip bomb stops early). */
    static RuleSetBundle fromZip(InputStream zip) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(zip, StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (files.size() >= MAX_FILES) {
                    throw new InvalidRuleSet("a rule set holds at most " + MAX_FILES + " files");
                }
                byte[] bytes = readAtMost(in, Math.min(MAX_FILE_BYTES, MAX_TOTAL_BYTES - total), entry.getName());
                total += bytes.length;
                if (files.put(entry.getName(), bytes) != null) {
                    throw new InvalidRuleSet("'" + entry.getName() + "' is in the zip twice");
                }
            }
        } catch (InvalidRuleSet e) {
            throw e;
        } catch (IllegalArgumentException | java.util.zip.ZipException e) {
            throw new InvalidRuleSet("the upload is not a readable zip: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new InvalidRuleSet("the upload is not a zip of a rule set (no files in it)");
        }
        return new RuleSetBundle(files);
    }

    private static byte[] readAtMost(InputStream in, long limit, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            if (out.size() + (long) n > limit) {
                throw new InvalidRuleSet("'" + name + "' is larger than a rule set allows (" + (MAX_FILE_BYTES >> 20)
                        + " MiB a file, " + (MAX_TOTAL_BYTES >> 20) + " MiB in all)");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** The content address: SHA-256 of "path SP sha256 LF" for every file, sorted by path. */
    String digest() {
        StringBuilder listing = new StringBuilder();
        files.forEach((path, bytes) -> listing.append(path).append(' ').append(ContentDigest.sha256Hex(bytes)).append('\n'));
        return ContentDigest.sha256Hex(listing.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The bundle as a zip with sorted entries and no timestamps, for the object store. */
    byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setTime(0);
                out.putNextEntry(entry);
                out.write(file.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a zip in memory cannot fail to write", e);
        }
        return bytes.toByteArray();
    }

    /**
     * The files in {@code folder}/{digest}, written once (to a temporary folder, then moved into place, so a node
     * that dies half-way never leaves a half rule set under its final name).
     */
    Path unpackInto(Path folder) {
        Path target = folder.resolve(digest());
        if (Files.isDirectory(target)) {
            return target;
        }
        try {
            Files.createDirectories(folder);
            Path temp = Files.createTempDirectory(folder, ".unpacking-");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path path = temp.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.write(path, file.getValue());
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
                // another thread of this node unpacked it meanwhile: the same files by their digest
                try (Stream<Path> left = Files.walk(temp)) {
                    for (Path p : left.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("rule set " + digest() + " cannot be unpacked into " + folder, e);
        }
    }

    /** The file at {@code path}, or null when the bundle has none there (an optional file). */
    byte @Nullable [] file(String path) {
        return files.get(path);
    }

    /** A file every bundle has ({@value #LANE_TABLE}, {@value #STOCKS}): checked when the bundle was made. */
    byte[] required(String path) {
        byte[] file = files.get(path);
        if (file == null) {
            throw new IllegalStateException("a rule set without " + path + " got past its check");
        }
        return file;
    }
}
