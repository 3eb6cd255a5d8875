package dev.platen.rules;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleSetBundleTest {

    private static final Map<String, byte[]> MINIMAL = new LinkedHashMap<>(Map.of(
            "workflows/proof-lane.dmn", bytes("<definitions/>"),
            "layout-tiers/poster.yaml", bytes("id: poster"),
            "icc-profiles/stocks.yaml", bytes("stocks: []")));

    @Test
    void theSameFilesAreTheSameRuleSetWhateverOrderTheZipHoldsThemIn() throws IOException {
        Map<String, byte[]> reversed = new LinkedHashMap<>();
        List<String> names = List.copyOf(MINIMAL.keySet());
        for (int i = names.size() - 1; i >= 0; i--) {
            reversed.put(names.get(i), MINIMAL.get(names.get(i)));
        }
        String one = RuleSetBundle.fromZip(new ByteArrayInputStream(zip(MINIMAL))).digest();
        String other = RuleSetBundle.fromZip(new ByteArrayInputStream(zip(reversed))).digest();
        assertThat(one).isEqualTo(other).matches("[0-9a-f]{64}");
        // and the stored zip reads back to the same digest
        assertThat(RuleSetBundle.fromZip(new ByteArrayInputStream(new RuleSetBundle(MINIMAL).zip())).digest()).isEqualTo(one);
    }

    @Test
    void oneChangedByteIsAnotherRuleSet() throws IOException {
        Map<String, byte[]> changed = new LinkedHashMap<>(MINIMAL);
        changed.put("layout-tiers/poster.yaml", bytes("id: posters"));
        assertThat(new RuleSetBundle(changed).digest()).isNotEqualTo(new RuleSetBundle(MINIMAL).digest());
    }

    @Test
    void aBundleHoldsOnlyRulesAndNeedsItsThreeParts() {
        Map<String, byte[]> escaping = new LinkedHashMap<>(MINIMAL);
        escaping.put("../../etc/cron.d/x", bytes("* * * * * root sh"));
        assertThatThrownBy(() -> new RuleSetBundle(escaping)).isInstanceOf(InvalidRuleSet.class)
                .hasMessageContaining("has no place in a rule set");
        Map<String, byte[]> noTable = new LinkedHashMap<>(MINIMAL);
        noTable.remove("workflows/proof-lane.dmn");
        assertThatThrownBy(() -> new RuleSetBundle(noTable)).hasMessageContaining("needs workflows/proof-lane.dmn");
        Map<String, byte[]> noTiers = new LinkedHashMap<>(MINIMAL);
        noTiers.remove("layout-tiers/poster.yaml");
        assertThatThrownBy(() -> new RuleSetBundle(noTiers)).hasMessageContaining("layout-tiers/*.yaml");
    }

    @Test
    void aZipThatInflatesPastTheLimitIsRefusedWhileReading() throws IOException {
        Map<String, byte[]> bomb = new LinkedHashMap<>(MINIMAL);
        bomb.put("icc-profiles/huge.icc", new byte[(int) RuleSetBundle.MAX_FILE_BYTES + 1]); // zeros: a tiny zip
        byte[] zip = zip(bomb);
        assertThat(zip.length).isLessThan(100_000);
        assertThatThrownBy(() -> RuleSetBundle.fromZip(new ByteArrayInputStream(zip)))
                .isInstanceOf(InvalidRuleSet.class).hasMessageContaining("larger than a rule set allows");
        assertThatThrownBy(() -> RuleSetBundle.fromZip(new ByteArrayInputStream(bytes("not a zip"))))
                .isInstanceOf(InvalidRuleSet.class);
    }

    @Test
    void unpacksOnceIntoAFolderNamedByItsDigest() throws IOException {
        Path folder = Files.createTempDirectory("rulesets");
        RuleSetBundle bundle = new RuleSetBundle(MINIMAL);
        Path unpacked = bundle.unpackInto(folder);
        assertThat(unpacked.getFileName().toString()).isEqualTo(bundle.digest());
        assertThat(Files.readString(unpacked.resolve("layout-tiers/poster.yaml"))).isEqualTo("id: poster");
        assertThat(bundle.unpackInto(folder)).isEqualTo(unpacked);
        try (var left = Files.list(folder)) {
            assertThat(left).hasSize(1);
        }
    }

    private static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
