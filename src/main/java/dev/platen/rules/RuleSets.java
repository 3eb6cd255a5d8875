package dev.platen.rules;

import dev.platen.catalog.Catalog;
import dev.platen.catalog.CatalogException;
import dev.platen.catalog.CatalogLocations;
import dev.platen.catalog.LiveCatalog;
import dev.platen.routing.LaneTable;
import dev.platen.routing.ProofLaneFacts;
import dev.platen.storage.ObjectStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rule sets every node shares through the database and the object store: which one is live, which one is being
 * tried and how, and each one loaded (catalog, lane table, quality rules) from its bundle. A node notices a change
 * made by another within {@link #FRESH_FOR}; nothing needs a restart.
 */
@Service
public class RuleSets implements LiveCatalog, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RuleSets.class);
    /** How long a node trusts its last look at which rule set is live: state changes are rare and need not be instant. */
    static final Duration FRESH_FOR = Duration.ofSeconds(1);

    private final JdbcClient jdbc;
    private final ObjectStore store;
    private final LaneTable.Reader laneTables;
    private final CatalogLocations bundledCatalog;
    private final RuleSetSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final Map<Integer, Loaded> loaded = new ConcurrentHashMap<>();
    private volatile @Nullable Pointers pointers;

    RuleSets(JdbcClient jdbc, ObjectStore store, LaneTable.Reader laneTables, CatalogLocations bundledCatalog,
             RuleSetSettings settings, ApplicationEventPublisher events, TransactionTemplate transactions,
             Clock clock) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.store = store;
        this.laneTables = laneTables;
        this.bundledCatalog = bundledCatalog;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** Files, loaded; the state lives in the database. */
    private record Loaded(Catalog catalog, LaneTable laneTable, QualityRules quality) {
    }

    /** Which rule set is live and which one (if any) is tried, as last read. */
    private record Pointers(int live, int tried, @Nullable RuleSetState triedState, double share, Instant readAt) {
    }

    /** Start-up: the bundled files are rule set 1 (or a newer one); a bad bundled file stops the engine here. */
    @Override
    public void afterSingletonsInstantiated() {
        RuleSetBundle bundled = RuleSetBundle.fromFolders(settings.laneTable(), bundledCatalog.layoutTiers(),
                bundledCatalog.stocks(), settings.qualityChecks());
        // loaded here to stop a bad file at start, and kept: the first placement needs it, unchanged
        Loaded files = load(bundled);
        Optional<Integer> known = numberOf(bundled);
        if (known.isPresent()) {
            loaded.putIfAbsent(known.get(), files);
            return;
        }
        boolean first = jdbc.sql("select count(*) from rule_set").query(Integer.class).single() == 0;
        String description = first ? "the bundled folders" : "the bundled folders, changed since the last start";
        try {
            int number = register(bundled, "engine start", description,
                    first || settings.adoptBundled() ? RuleSetState.LIVE : RuleSetState.CANDIDATE);
            loaded.putIfAbsent(number, files);
            log.info("Bundled rule set registered as rule set {} ({})", number, first || settings.adoptBundled()
                    ? "live" : "a candidate: replay, shadow and canary it through /api/v1/rulesets");
        } catch (DuplicateKeyException raced) {
            // another node registered the same files at the same moment
        }
        pointers = null;
    }

    @Override
    public Catalog current() {
        return live().catalog();
    }

    public RuleSet live() {
        return number(pointers().live());
    }

    /** The candidate in shadow or canary, if any. */
    public Optional<RuleSet> tried() {
        Pointers p = pointers();
        return p.tried() == 0 ? Optional.empty() : Optional.of(number(p.tried()));
    }

    /** Any rule set by its number, in its current state. */
    public RuleSet number(int number) {
        Row row = row(number).orElseThrow(() -> new UnknownRuleSet(number));
        Loaded files = loaded.computeIfAbsent(number, n -> loadStored(row));
        return new RuleSet(number, row.digest(), row.state(), row.canaryShare() == null ? 0 : row.canaryShare(),
                row.description(), files.catalog(), files.laneTable(), files.quality());
    }

    /**
     * The rule set a new placement runs under: the canary candidate for its stable share of placements (a hash of
     * the placement id, so every node and every retry gives the same answer) when the candidate prints what the
     * placement asks for, else the live one.
     */
    public RuleSet assign(String placementId, String product, String placement, String tier) {
        Pointers p = pointers();
        if (p.triedState() == RuleSetState.CANARY && CanaryBucket.of(placementId) < p.share()) {
            RuleSet candidate = number(p.tried());
            boolean prints = candidate.catalog().product(product).flatMap(pr -> pr.placement(placement))
                    .flatMap(pl -> pl.tier(tier)).isPresent();
            if (prints) {
                return candidate;
            }
        }
        return live();
    }

    /** Every rule set, newest first, for the admin. */
    public List<RuleSetRow> list() {
        return jdbc.sql("select * from rule_set order by number desc").query(RuleSets::rowOf).list().stream()
                .map(Row::view).toList();
    }

    Optional<RuleSetRow> view(int number) {
        return row(number).map(Row::view);
    }

    /**
     * Stores an uploaded bundle as a candidate, after loading it as a node would (a bad one is refused here, not when
     * it is tried). The same files again answer with the rule set they already are.
     */
    public Uploaded upload(InputStream zip, String by, String description) throws IOException {
        RuleSetBundle bundle = RuleSetBundle.fromZip(zip);
        Loaded files = load(bundle);
        // Two uploads at once (on one node or two) may take the same number, or bring the same files: the loser of
        // the insert looks again, and finds its files registered or the next number free.
        for (int attempt = 1; ; attempt++) {
            Optional<Integer> known = numberOf(bundle);
            if (known.isPresent()) {
                return new Uploaded(view(known.get()).orElseThrow(), false);
            }
            try {
                int number = register(bundle, by, description, RuleSetState.CANDIDATE);
                loaded.putIfAbsent(number, files);
                return new Uploaded(view(number).orElseThrow(), true);
            } catch (DuplicateKeyException raced) {
                if (attempt == 3) {
                    throw raced;
                }
            }
        }
    }

    /** @param created false when the same files were already a rule set (this is that one) */
    public record Uploaded(RuleSetRow ruleSet, boolean created) {
    }

    private int register(RuleSetBundle bundle, String by, String description, RuleSetState state) {
        String bundleSha;
        try {
            Path temp = store.newTempFile();
            Files.write(temp, bundle.zip());
            bundleSha = store.put(temp).sha256();
        } catch (IOException e) {
            throw new UncheckedIOException("the rule set cannot be stored", e);
        }
        Timestamp now = Timestamp.from(clock.instant());
        // one transaction: a rule set made live and the one it retires change together, or neither does
        Integer number = transactions.execute(tx -> {
            if (state == RuleSetState.LIVE) {
                jdbc.sql("update rule_set set state = 'RETIRED', state_since = ? where state = 'LIVE'").param(now).update();
            }
            int next = jdbc.sql("select coalesce(max(number), 0) + 1 from rule_set").query(Integer.class).single();
            jdbc.sql("""
                    insert into rule_set (number, digest, bundle_sha256, state, canary_share, description, uploaded_by,
                        created_at, state_since) values (?,?,?,?,?,?,?,?,?)""")
                    .params(next, bundle.digest(), bundleSha, state.name(), null, description, by, now, now).update();
            return next;
        });
        pointers = null;
        return number;
    }

    /** Loads a bundle as a node would, turning any fault in its files into {@link InvalidRuleSet}. */
    private Loaded load(RuleSetBundle bundle) {
        Path folder = bundle.unpackInto(settings.folder());
        try {
            Catalog catalog = Catalog.load(new CatalogLocations(folder.resolve("layout-tiers"),
                    folder.resolve(RuleSetBundle.STOCKS)));
            LaneTable laneTable = laneTables.read(bundle.required(RuleSetBundle.LANE_TABLE));
            // One evaluation proves the table takes the facts this engine gives it (inputs named and typed as here).
            laneTable.decide(new ProofLaneFacts("", false, false, false, "NONE", "", 0, 0));
            return new Loaded(catalog, laneTable,
                    QualityRules.read(bundle.file(RuleSetBundle.QUALITY_CHECKS)));
        } catch (CatalogException e) {
            throw new InvalidRuleSet(e.getMessage());
        } catch (InvalidRuleSet e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidRuleSet(RuleSetBundle.LANE_TABLE + ": " + e.getMessage());
        }
    }

    private Loaded loadStored(Row row) {
        try (InputStream zip = store.open(row.bundleSha256())) {
            RuleSetBundle bundle = RuleSetBundle.fromZip(zip);
            if (!bundle.digest().equals(row.digest())) {
                throw new IllegalStateException("rule set " + row.number() + "'s bundle does not match its digest");
            }
            return load(bundle);
        } catch (IOException e) {
            throw new UncheckedIOException("rule set " + row.number() + " cannot be read from the store", e);
        }
    }

    /**
     * Moves a rule set from one state to another, only if it is still in the state the caller saw: of two nodes
     * acting on the same figures one wins, and the other's change is refused. Trying a candidate puts any other
     * tried one back to CANDIDATE; promoting retires the live one.
     *
     * @return true when this call made the change
     */
    @Transactional
    public boolean move(int number, RuleSetState from, RuleSetState to, @Nullable Double canaryShare,
                        @Nullable String verdictJson) {
        Timestamp now = Timestamp.from(clock.instant());
        if (to.tried()) {
            jdbc.sql("update rule_set set state = 'CANDIDATE', state_since = ? where state in ('SHADOW','CANARY') "
                    + "and number <> ?").params(now, number).update();
        }
        if (to == RuleSetState.LIVE) {
            jdbc.sql("update rule_set set state = 'RETIRED', state_since = ? where state = 'LIVE'").param(now).update();
        }
        int rows = jdbc.sql("""
                update rule_set set state = ?, state_since = ?, canary_share = coalesce(?, canary_share),
                    verdict_json = coalesce(?, verdict_json)
                where number = ? and state = ?""")
                .params(to.name(), now, canaryShare, verdictJson, number, from.name()).update();
        pointers = null;
        if (rows == 1) {
            log.info("Rule set {}: {} -> {}", number, from, to);
            if (to == RuleSetState.LIVE) {
                events.publishEvent(new RuleSetPromoted(number));
            } else if (to == RuleSetState.ROLLED_BACK) {
                events.publishEvent(new RuleSetRolledBack(number, pointers().live()));
            }
        }
        return rows == 1;
    }

    private Pointers pointers() {
        Pointers p = pointers;
        if (p != null && p.readAt().plus(FRESH_FOR).isAfter(clock.instant())) {
            return p;
        }
        List<Row> rows = jdbc.sql("select * from rule_set where state in ('LIVE','SHADOW','CANARY')")
                .query(RuleSets::rowOf).list();
        int live = rows.stream().filter(r -> r.state() == RuleSetState.LIVE).mapToInt(Row::number).max()
                .orElseThrow(() -> new IllegalStateException("no live rule set: the engine registers one at start"));
        Optional<Row> tried = rows.stream().filter(r -> r.state().tried()).findFirst();
        p = new Pointers(live, tried.map(Row::number).orElse(0), tried.map(Row::state).orElse(null),
                tried.map(Row::canaryShare).filter(s -> s != null).orElse(0.0), clock.instant());
        pointers = p;
        return p;
    }

    private Optional<Integer> numberOf(RuleSetBundle bundle) {
        return jdbc.sql("select number from rule_set where digest = ?").param(bundle.digest()).query(Integer.class)
                .optional();
    }

    private Optional<Row> row(int number) {
        return jdbc.sql("select * from rule_set where number = ?").param(number).query(RuleSets::rowOf).optional();
    }

    private static Row rowOf(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getInt("number"), rs.getString("digest"), rs.getString("bundle_sha256"),
                RuleSetState.valueOf(rs.getString("state")), rs.getObject("canary_share", Double.class),
                rs.getString("description"), rs.getString("uploaded_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("state_since").toInstant(), rs.getString("verdict_json"));
    }

    private record Row(int number, String digest, String bundleSha256, RuleSetState state, Double canaryShare,
                       String description, String uploadedBy, Instant createdAt, Instant stateSince, String verdictJson) {

        RuleSetRow view() {
            return new RuleSetRow(number, digest, bundleSha256, state, canaryShare, description, uploadedBy, createdAt,
                    stateSince, verdictJson);
        }
    }
}
