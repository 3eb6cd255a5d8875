package dev.platen.review;

import dev.platen.artwork.ArtworkHeader;
import dev.platen.artwork.ArtworkRejected;
import dev.platen.catalog.Placement;
import dev.platen.artwork.ArtPreviews;
import dev.platen.artwork.ArtworkRecords;
import dev.platen.orders.InvalidDecision;
import dev.platen.orders.OperatorDecision;
import dev.platen.orders.Order;
import dev.platen.orders.OrderBook;
import dev.platen.orders.OrderPlacement;
import dev.platen.orders.PlacementHistory;
import dev.platen.orders.PrintAtOption;
import dev.platen.orders.ResolvePlacement;
import dev.platen.routing.ReasonCode;
import dev.platen.rules.RuleSets;
import dev.platen.storage.ObjectStore;
import dev.platen.workflow.OperatorTasks;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The operator's pages: the queue, one placement, and the decisions taken on it. A page view never reads the art's
 * file: the header is the one recorded at upload, the picture the preview stored when the art was inspected.
 */
@Controller
class ReviewController {

    private final OrderBook orders;
    private final PlacementHistory history;
    private final RuleSets ruleSets;
    private final ArtworkRecords artworks;
    private final ArtPreviews previews;
    private final OperatorTasks tasks;
    private final ObjectStore store;
    private final ResolvePlacement resolve;
    private final java.time.Clock clock;

    ReviewController(OrderBook orders, PlacementHistory history, RuleSets ruleSets, ArtworkRecords artworks,
                     ArtPreviews previews, OperatorTasks tasks, ObjectStore store, ResolvePlacement resolve,
                     java.time.Clock clock) {
        this.clock = clock;
        this.orders = orders;
        this.history = history;
        this.ruleSets = ruleSets;
        this.artworks = artworks;
        this.previews = previews;
        this.tasks = tasks;
        this.store = store;
        this.resolve = resolve;
    }

    /** Who is signed in, for the page header. */
    @org.springframework.web.bind.annotation.ModelAttribute("operator")
    @Nullable String operator(@Nullable Authentication authentication) {
        return authentication == null ? null : authentication.getName();
    }

    @GetMapping("/login")
    String login() {
        return "review/login";
    }

    /**
     * The queue, most urgent first, filtered by reason, product or stock when asked; the counts by reason are of the
     * whole queue, so that the filter says what it leaves out.
     */
    @GetMapping("/review")
    String queue(@RequestParam(required = false) @Nullable String reason,
                 @RequestParam(required = false) @Nullable String product,
                 @RequestParam(required = false) @Nullable String stock, Model model) {
        // A decision is applied by the process a moment after the operator sends it; the open tasks say at once
        // what is still waiting, so a decided placement leaves the queue immediately.
        java.time.Instant now = clock.instant();
        List<QueueRow> all = tasks.waitingTasks().stream()
                .flatMap(w -> orders.placement(w.placementId()).stream().map(p -> row(p, w, now)))
                .toList();
        model.addAttribute("rows", all.stream()
                .filter(r -> reason == null || reason.isBlank() || r.why().equals(reason))
                .filter(r -> product == null || product.isBlank() || r.product().equals(product))
                .filter(r -> stock == null || stock.isBlank() || r.stock().equals(stock))
                .toList());
        model.addAttribute("byReason", all.stream().collect(java.util.stream.Collectors.groupingBy(QueueRow::why,
                java.util.TreeMap::new, java.util.stream.Collectors.counting())));
        model.addAttribute("products", all.stream().map(QueueRow::product).distinct().sorted().toList());
        model.addAttribute("stocks", all.stream().map(QueueRow::stock).filter(s -> !s.isEmpty()).distinct().sorted().toList());
        model.addAttribute("filter", new QueueFilter(reason, product, stock));
        model.addAttribute("total", all.size());
        return "review/queue";
    }

    /** The queue's filters as asked (blank: all). */
    record QueueFilter(@Nullable String reason, @Nullable String product, @Nullable String stock) {
    }

    @GetMapping("/review/placements/{id}")
    String placement(@PathVariable String id, Model model) {
        OrderPlacement p = orders.placement(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Order order = orders.find(p.orderId()).orElseThrow();
        Placement catalogPlacement = catalogPlacement(p);
        ArtworkHeader header = header(p);
        List<PrintAtOption> tiers = resolve.printAtOptions(id);
        model.addAttribute("order", order);
        model.addAttribute("p", p);
        model.addAttribute("header", header);
        model.addAttribute("tiers", tiers);
        String preselected = PrintAtOption.preselected(tiers).map(PrintAtOption::id).orElse("");
        model.addAttribute("preselected", preselected);
        OperatorTasks.Waiting waiting = tasks.waitingFor(id);
        model.addAttribute("waiting", waiting != OperatorTasks.Waiting.NOTHING);
        model.addAttribute("reviewingProof", waiting == OperatorTasks.Waiting.REVIEW_PROOF);
        model.addAttribute("history", history.of(id));
        model.addAttribute("ruleSet", ruleSets.number(p.ruleSet()));
        model.addAttribute("findings", p.findings().stream()
                .sorted(java.util.Comparator.comparing(dev.platen.artwork.Finding::severity).reversed())
                .map(FindingRow::of).toList());
        // at print size the tier matters: the one it prints at, else the one "Print at" offers, else the one asked for
        String loupeTier = p.chosenTier() != null ? p.chosenTier() : !preselected.isEmpty() ? preselected
                : p.requestedTier();
        model.addAttribute("loupe", catalogPlacement.tier(loupeTier).flatMap(t -> loupe(p, t)).orElse(null));
        // "Next" is the one after this in the queue's order, round to the first; the queue itself when none else waits
        List<String> queue = tasks.waitingTasks().stream().map(dev.platen.workflow.WaitingTask::placementId).toList();
        int here = queue.indexOf(id);
        model.addAttribute("next", java.util.stream.IntStream.range(1, queue.size() + 1)
                .mapToObj(k -> queue.get((here + k) % queue.size())).filter(other -> !other.equals(id))
                .findFirst().orElse(null));
        return "review/placement";
    }

    /**
     * What the loupe shows and how big it prints: the soft proof when there is one (made at the placement's tier),
     * else the art's preview; its pixel size read from the PNG's header (the first 24 bytes: signature, then IHDR's
     * width and height, PNG specification 11.2.2), so the page can ask for no more pixels than exist.
     */
    private java.util.Optional<Loupe> loupe(OrderPlacement p, dev.platen.catalog.LayoutTier tier) {
        byte[] head;
        String source;
        try {
            if (p.softProof() != null) {
                try (java.io.InputStream in = store.open(p.softProof().proofSha256(), 0, 24)) {
                    head = in.readNBytes(24);
                }
                source = "proof";
            } else {
                try (java.io.InputStream in = Files.newInputStream(previews.png(p.artworkId()))) {
                    head = in.readNBytes(24);
                }
                source = "art";
            }
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty(); // no picture to show: the page has no loupe, the findings say why
        }
        if (head.length < 24 || !"IHDR".equals(new String(head, 12, 4, java.nio.charset.StandardCharsets.US_ASCII))) {
            return java.util.Optional.empty(); // not a PNG as stored: no size to scale by
        }
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.wrap(head);
        return java.util.Optional.of(Loupe.of(source, ihdr.getInt(16), ihdr.getInt(20), tier));
    }

    /**
     * The loupe's picture and the size it prints at: the whole picture is scaled to fit inside the tier's print area
     * ("contain", as the print files place it), so its printed width and height follow from the tighter side.
     *
     * @param source    "proof" (the soft proof, {@code /api/v1/proof-images}) or "art" (the art's preview)
     * @param widthPx   the picture's own pixels across
     * @param heightPx  and down
     * @param widthIn   the printed picture's width in inches
     * @param heightIn  and height
     * @param tierName  the tier it prints at, in words
     * @param printArea the tier's print area as the catalog writes it
     */
    record Loupe(String source, int widthPx, int heightPx, double widthIn, double heightIn, String tierName,
                 String printArea) {

        static Loupe of(String source, int widthPx, int heightPx, dev.platen.catalog.LayoutTier tier) {
            double areaWidth = tier.printArea().widthInches().doubleValue();
            double areaHeight = tier.printArea().heightInches().doubleValue();
            double inchesPerPixel = Math.min(areaWidth / widthPx, areaHeight / heightPx);
            return new Loupe(source, widthPx, heightPx, widthPx * inchesPerPixel, heightPx * inchesPerPixel,
                    tier.name(), tier.printArea().toString());
        }
    }

    /**
     * A finding as the page reads it: a sentence, its severity in a word (the colour is only a second cue), and
     * where on the art it is, when the check knows.
     */
    record FindingRow(String code, String severity, String word, String sentence,
                      dev.platen.artwork.Finding.@Nullable Box box) {

        static FindingRow of(dev.platen.artwork.Finding f) {
            String word = switch (f.severity()) {
                case PROBLEM -> "Problem";
                case WARNING -> "Warning";
                case INFO -> "Note";
            };
            return new FindingRow(f.code(), f.severity().name().toLowerCase(java.util.Locale.ROOT), word,
                    f.sentence(), f.box());
        }
    }

    /**
     * The art as a thumbnail: the preview stored when the art was inspected ({@link ArtPreviews}), not a decode per
     * view. The soft proof's images cannot stand in for it: a placement held for its tier has no proof yet, and the
     * proof's "before" is drawn beside the proof in one image. The artwork id is its SHA-256, so the picture never
     * changes for a URL.
     */
    @GetMapping(value = "/review/placements/{id}/art.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Nullable ResponseEntity<byte[]> art(@PathVariable String id,
                                         org.springframework.web.context.request.WebRequest request)
            throws IOException {
        OrderPlacement p = orders.placement(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String etag = "\"" + p.artworkId() + "-" + ArtPreviews.LONG_EDGE + "\"";
        if (request.checkNotModified(etag)) {
            return null; // 304
        }
        byte[] png;
        try {
            png = Files.readAllBytes(previews.png(p.artworkId()));
        } catch (ArtworkRejected e) {
            // art that cannot be decoded has no picture to show; its findings say why
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "art or its preview missing from the store");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(30, TimeUnit.DAYS).cachePrivate())
                .eTag(etag).body(png);
    }

    /**
     * Prints at the tier the operator chose. A tier the art does not reach the tested minimum of needs the box that
     * says so ticked: one click must not print a placement at a resolution that was never test-printed.
     */
    @PostMapping("/review/placements/{id}/tier")
    String chooseTier(@PathVariable String id, @RequestParam(required = false) @Nullable String tier,
                      @RequestParam(required = false) @Nullable String note,
                      @RequestParam(required = false) @Nullable String belowMinimumConfirmed, Authentication operator,
                      RedirectAttributes flash) {
        return decide(id, new OperatorDecision(OperatorDecision.Kind.TIER, tier, note, operator.getName(), null,
                "yes".equals(belowMinimumConfirmed)), flash, "Printing at " + tier);
    }

    /** Approves the proof on the page: the form carries the proof's SHA-256, so a newer proof is not approved unseen. */
    @PostMapping("/review/placements/{id}/approve")
    String approve(@PathVariable String id, @RequestParam(required = false) @Nullable String proof,
                   Authentication operator,
                   RedirectAttributes flash) {
        return decide(id, new OperatorDecision(OperatorDecision.Kind.APPROVE, null, null, operator.getName(), proof),
                flash, "Approved for print.");
    }

    @PostMapping("/review/placements/{id}/new-art")
    String askForNewArt(@PathVariable String id, @RequestParam(required = false) @Nullable String note,
                        Authentication operator,
                        RedirectAttributes flash) {
        return decide(id, new OperatorDecision(OperatorDecision.Kind.NEW_ART, null, note, operator.getName()), flash,
                "New art requested from the shop.");
    }

    @PostMapping("/review/placements/{id}/reject")
    String reject(@PathVariable String id, @RequestParam(required = false) @Nullable String note,
                  Authentication operator,
                  RedirectAttributes flash) {
        return decide(id, new OperatorDecision(OperatorDecision.Kind.REJECT, null, note, operator.getName()), flash,
                "Rejected.");
    }

    /**
     * Applies the decision and goes on to the next placement in the queue (or back to the queue when none waits),
     * saying which placement was decided how: an operator working down the queue sees what they just did.
     */
    private String decide(String id, OperatorDecision decision, RedirectAttributes flash, String done) {
        OrderPlacement p = orders.placement(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String which = orders.find(p.orderId()).map(Order::reference).orElse(p.orderId()) + " · " + p.product() + " / "
                + p.placement();
        try {
            tasks.decide(id, decision);
        } catch (InvalidDecision e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/review/placements/" + id;
        }
        flash.addFlashAttribute("message", done.replaceAll("\\.$", "") + ": " + which + ".");
        return tasks.waitingTasks().stream().map(dev.platen.workflow.WaitingTask::placementId)
                .filter(next -> !next.equals(id)).findFirst()
                .map(next -> "redirect:/review/placements/" + next).orElse("redirect:/review");
    }

    private QueueRow row(OrderPlacement p, dev.platen.workflow.WaitingTask task, java.time.Instant now) {
        Order order = orders.find(p.orderId()).orElseThrow();
        return new QueueRow(p.id(), order.reference(), p.product(), p.placement(), task.task(), p.requestedTier(),
                p.chosenTier(), p.effectiveDpi(), why(p), worstFinding(p), order.createdAt(), task.due(), task.overdue(now),
                task.priority(), stockOf(p));
    }

    /** The stock the placement prints on: its tier's, or the requested tier's while it has none. */
    private String stockOf(OrderPlacement p) {
        String tier = p.chosenTier() != null ? p.chosenTier() : p.requestedTier();
        return ruleSets.number(p.ruleSet()).catalog().product(p.product())
                .flatMap(product -> product.placement(p.placement())).flatMap(placement -> placement.tier(tier))
                .map(dev.platen.catalog.LayoutTier::stock).orElse("");
    }

    /** The proof lane's reason once there is a proof, else the tier decision's first reason that is not a fit. */
    private static String why(OrderPlacement p) {
        if (p.laneReason() != null) {
            return p.laneReason();
        }
        return p.reasons().stream().filter(r -> r != ReasonCode.FITS_REQUESTED_TIER).map(ReasonCode::name).findFirst()
                .orElse("");
    }

    /** The finding an operator should read first: a PROBLEM before a WARNING before anything else. */
    private static String worstFinding(OrderPlacement p) {
        return p.findings().stream()
                .max(java.util.Comparator.comparing(dev.platen.artwork.Finding::severity))
                .map(dev.platen.artwork.Finding::code).orElse("");
    }

    private Placement catalogPlacement(OrderPlacement p) {
        return ruleSets.number(p.ruleSet()).catalog().product(p.product())
                .flatMap(product -> product.placement(p.placement()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "not in its rule set"));
    }

    private ArtworkHeader header(OrderPlacement p) {
        return artworks.header(p.artworkId());
    }

    record QueueRow(String id, String reference, String product, String placement, String task, String requestedTier,
                    @Nullable String tier, @Nullable BigDecimal effectiveDpi, String why, String worstFinding,
                    java.time.Instant since,
                    java.time.@Nullable Instant due, boolean overdue, int priority, String stock) {
    }

}
