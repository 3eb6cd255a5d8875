package dev.platen.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Every operation's summary, tag, authorization and the answers it really gives: the success status it answers with
 * (201 for a new order, 206 for a byte range, 304 for a cached file ...) and each refusal as
 * {@code application/problem+json} with the stable codes it can carry, an example for each. One table in one place
 * rather than a stack of annotations on every controller method; an operation the table misses stops the document
 * from being built, so a new endpoint cannot go out undocumented.
 */
class OperationAnswers implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    /** A 416 says how long the file is, so that a client can ask again for a part of it. */
    private static final String RANGE_LENGTH = "`bytes */<length>`: the length of the whole file";

    private static final Map<String, Consumer<Answers>> TABLE = new LinkedHashMap<>();

    private static void op(String method, String path, String tag, String operationId, String summary,
                           Consumer<Answers> answers) {
        TABLE.put(method + " " + path, a -> {
            a.operation.setTags(List.of(tag));
            a.operation.setOperationId(operationId);
            a.operation.setSummary(summary);
            answers.accept(a);
        });
    }

    static {
        String orders = "/api/v1/orders";
        op("POST", orders, ApiDocument.ORDERS, "placeOrder", "Place an order and get the verdict per placement", a -> a
                .describe("""
                        The answer carries, for every placement, the layout tier it prints at (the requested one, a \
                        smaller tested one when the art cannot hold it, or none), its effective DPI and the reasons. \
                        `tier` is optional: the placement's largest tier. An `Idempotency-Key` makes a retry safe: the \
                        same key with the same body answers the same order (`Idempotent-Replayed: true`). \
                        `?dryRun=true` answers the verdict without creating an order (200, no id, no status).""")
                .parameter("dryRun", "true: only the verdict, no order is created (answers 200)")
                .parameter("Idempotency-Key", "at most 255 characters; a retry with the same key and body answers the same order")
                .requestExample("order", """
                        {"reference":"shop-1001","partner":"acme","items":[{"product":"tshirt","quantity":1,
                         "placements":[{"placement":"front","tier":"full-front","artwork":"5f9b8094e7580e9c47f15fee7e8a6585da4845064dffffaf49725eba6dc1173f"},
                                       {"placement":"back","artwork":"0a6c5e0a8e4e3bc8b0f1c3d8d2f0b1e7c9a4f5e6d7c8b9a0f1e2d3c4b5a69788"}]}]}""")
                .ok(201, "The order is taken; the body is the order with the verdict per placement.",
                        "Location", "the order's URL", "Idempotent-Replayed", "true when an earlier request with the same key made the order")
                .answerExample(201, "placed", """
                        {"id":"1a4c5029-6005-47a3-a297-721e84c446f7","reference":"shop-1001","partner":"acme",
                         "status":"RECEIVED","dryRun":false,"createdAt":"2026-03-02T09:15:00Z","updatedAt":"2026-03-02T09:15:00Z",
                         "placements":[
                          {"id":"7d2f9c1e-0b8a-4e55-9f3b-2c6d1a0e8b47","item":0,"product":"tshirt","placement":"front",
                           "artwork":"5f9b8094e7580e9c47f15fee7e8a6585da4845064dffffaf49725eba6dc1173f",
                           "requestedTier":"full-front","tier":"full-front","effectiveDpi":200.0,"downgraded":false,
                           "reasons":["FITS_REQUESTED_TIER","BELOW_TARGET_DPI"],"status":"RECEIVED","findings":[],
                           "decidedBy":null,"decisionNote":null,"printFiles":[],"softProof":null,"lane":null,
                           "laneReason":null,"approval":null,"ruleSet":1},
                          {"id":"c0e4b7a2-5f61-4d3c-8e9a-1b2f3d4c5e6f","item":0,"product":"tshirt","placement":"back",
                           "artwork":"0a6c5e0a8e4e3bc8b0f1c3d8d2f0b1e7c9a4f5e6d7c8b9a0f1e2d3c4b5a69788",
                           "requestedTier":"full-back","tier":"centred-back","effectiveDpi":200.0,"downgraded":true,
                           "reasons":["LOW_DPI_DOWNGRADED","BELOW_TARGET_DPI"],"status":"RECEIVED","findings":[],
                           "decidedBy":null,"decisionNote":null,"printFiles":[],"softProof":null,"lane":null,
                           "laneReason":null,"approval":null,"ruleSet":1}]}""")
                .ok(200, "`?dryRun=true`: the verdict without an order (`id`, `status` and the times are null).")
                .problem(400, "MALFORMED_JSON", "the body is not JSON of the order's shape")
                .problem(415, "UNSUPPORTED_MEDIA_TYPE", "the body is not application/json")
                .problem(422, "MISSING_FIELD", "a required field is missing (detail names it)")
                .problem(422, "INVALID_FIELD", "a field has a value it may not have (detail names it)")
                .problem(422, "UNKNOWN_PRODUCT", "the catalog has no such product")
                .problem(422, "UNKNOWN_PLACEMENT", "the product has no such placement")
                .problem(422, "UNKNOWN_TIER", "the placement has no such layout tier")
                .problem(422, "UNKNOWN_ARTWORK", "no artwork with that id was uploaded")
                .problem(422, "UNKNOWN_PARTNER", "no fulfilment partner with that id is configured")
                .problem(422, "DUPLICATE_PLACEMENT", "an item names the same placement twice")
                .problem(422, "TOO_MANY_PLACEMENTS", "the order has more placements than allowed")
                .problem(422, "INVALID_IDEMPOTENCY_KEY", "the Idempotency-Key is longer than 255 characters")
                .problem(422, "IDEMPOTENCY_KEY_REUSED", "the same Idempotency-Key came with another body"));
        op("GET", orders + "/{id}", ApiDocument.ORDERS, "getOrder", "Read an order and its placements' live status", a -> a
                .ok(200, "The order.")
                .problem(404, "ORDER_NOT_FOUND", "no order with this id"));
        op("PUT", orders + "/{orderId}/placements/{placementId}/artwork", ApiDocument.ORDERS, "replaceArtwork",
                "Put new art on a placement that is not settled yet", a -> a
                .describe("Cancels a review still open; the answer is the order with the placement's new verdict.")
                .ok(200, "The order with the placement's new verdict.")
                .problem(400, "MALFORMED_JSON", "the body is not JSON of the expected shape")
                .problem(404, "ORDER_NOT_FOUND", "no order with this id")
                .problem(404, "PLACEMENT_NOT_FOUND", "the order has no such placement")
                .problem(409, "PLACEMENT_SETTLED", "the placement is READY_FOR_PRINT, REJECTED or FAILED")
                .problem(409, "PLACEMENT_BUSY", "the placement was changing at that moment (a step finishing, other "
                        + "art sent at once); nothing changed: send the same request again after Retry-After",
                        "Retry-After", "seconds to wait before sending the same request again")
                .problem(422, "MISSING_FIELD", "artwork is missing")
                .problem(422, "UNKNOWN_ARTWORK", "no artwork with that id was uploaded"));
        op("GET", orders + "/{orderId}/placements/{placementId}/history", ApiDocument.ORDERS, "getPlacementHistory",
                "Read a placement's history, oldest first", a -> a
                .ok(200, "Every step and decision, who made it, and the SHA-256 of each file it made or approved.")
                .problem(404, "PLACEMENT_NOT_FOUND", "the order has no such placement"));

        op("POST", "/api/v1/artworks", ApiDocument.ARTWORK, "uploadArtwork", "Upload artwork, or have it fetched from a URL", a -> a
                .describe("""
                        As `multipart/form-data` (part `file`) or as JSON `{"url": "https://..."}`. The format is \
                        decided by the file's magic bytes (JPEG, PNG, TIFF, WebP, PDF), never by its name; the answer \
                        comes from the headers alone. The id is the SHA-256 of the bytes: 201 the first time, 200 with \
                        the same body after.""")
                .namedRequestSchema("multipart/form-data", "ArtworkFile")
                .ok(201, "New artwork.", "Location", "the artwork's URL")
                .ok(200, "The same bytes were uploaded before; the same body as then.", "Location", "the artwork's URL")
                .problem(400, "MISSING_FILE", "no multipart part named file")
                .problem(400, "MALFORMED_MULTIPART", "the body is not valid multipart/form-data")
                .problem(400, "MALFORMED_JSON", "the body is not JSON of the expected shape")
                .problem(413, "UPLOAD_TOO_LARGE", "more bytes than platen.artwork.max-upload-bytes")
                .problem(413, "IMAGE_TOO_LARGE", "more pixels or decoded bytes than allowed, found from the header")
                .problem(413, "PDF_DECODED_TOO_LARGE", "a PDF stream decodes to more than allowed")
                .problem(413, "ARTWORK_URL_TOO_LARGE", "the artwork at the URL is larger than allowed")
                .problem(415, "UNSUPPORTED_FORMAT", "not JPEG, PNG, TIFF, WebP or PDF by its magic bytes")
                .problem(415, "UNSUPPORTED_MEDIA_TYPE", "neither multipart/form-data nor application/json")
                .problem(422, "EMPTY_FILE", "the file has no bytes")
                .problem(422, "TRUNCATED_IMAGE", "the image ends before its data does")
                .problem(422, "CORRUPT_IMAGE", "the image cannot be read")
                .problem(422, "CORRUPT_PDF", "the PDF cannot be read")
                .problem(422, "PDF_NO_PAGES", "the PDF has no page")
                .problem(422, "PDF_ENCRYPTED", "the PDF is encrypted")
                .problem(422, "PDF_CYCLIC_PAGE_TREE", "the PDF's page tree contains itself")
                .problem(422, "PDF_TOO_DEEP", "the PDF's objects nest deeper than allowed")
                .problem(422, "ARTWORK_TOO_COMPLEX", "the file is too complex to use")
                .problem(422, "ARTWORK_TIMEOUT", "decoding took longer than platen.artwork.time-limit")
                .problem(422, "MISSING_FIELD", "url is missing")
                .problem(422, "ARTWORK_URL_INVALID", "not a URL this engine fetches")
                .problem(422, "ARTWORK_URL_BLOCKED", "scheme, host or address refused (also after a redirect)")
                .problem(422, "ARTWORK_URL_UNREACHABLE", "no answer, or an error answer")
                .problem(422, "ARTWORK_URL_TOO_MANY_REDIRECTS", "more than 5 redirects")
                .problem(503, "ARTWORK_DECODER_BUSY", "overload, not bad input: send the same request again after Retry-After",
                        "Retry-After", "seconds to wait before sending the same request again"));
        op("GET", "/api/v1/artworks/{id}", ApiDocument.ARTWORK, "getArtwork", "Read what the engine found in an artwork", a -> a
                .ok(200, "The artwork.")
                .problem(404, "ARTWORK_NOT_FOUND", "no artwork with this id"));

        op("GET", "/api/v1/print-files/{sha256}", ApiDocument.FILES, "downloadPrintFile", "Download a print-ready file", a -> a
                .describe("The hash is a strong ETag and the file never changes; byte ranges are answered.")
                .file(200, "The file (PDF/X-4 or CMYK TIFF, as the stock's press takes).", "application/pdf", "image/tiff")
                .file(206, "The byte range asked for.", "application/pdf", "image/tiff")
                .empty(302, "Redirect to a presigned URL of the object store (when platen.storage.s3.presigned-downloads is set).")
                .empty(304, "Not modified (If-None-Match).")
                .problem(404, "PRINT_FILE_NOT_FOUND", "no print file with this SHA-256")
                .problem(416, "RANGE_NOT_SATISFIABLE", "the range lies outside the file", "Content-Range", RANGE_LENGTH));
        op("GET", "/api/v1/proof-images/{sha256}", ApiDocument.FILES, "downloadProofImage", "Download a soft-proof image (PNG)", a -> a
                .describe("With the shop key, an operator's session, or a signed link (`expires` and `signature` "
                        + "from `GET .../link`), without any key.")
                .parameter("width", "a smaller copy, 16 to 4096 pixels wide; never enlarged")
                .queryParameter("expires", "of a signed link: when it expires (from GET .../link)")
                .queryParameter("signature", "of a signed link: its signature (from GET .../link)")
                .file(200, "The PNG.", "image/png")
                .file(206, "The byte range asked for (without `width`).", "image/png")
                .empty(304, "Not modified (If-None-Match).")
                .problem(400, "BAD_PARAMETER", "width outside 16 to 4096")
                .problem(403, "LINK_INVALID", "the signed link was not issued by this engine, or was changed")
                .problem(403, "LINK_EXPIRED", "the signed link has expired")
                .problem(404, "PROOF_IMAGE_NOT_FOUND", "no proof image with this SHA-256")
                .problem(416, "RANGE_NOT_SATISFIABLE", "the range lies outside the image (without `width`)",
                        "Content-Range", RANGE_LENGTH));
        op("GET", "/api/v1/proof-images/{sha256}/link", ApiDocument.FILES, "signProofImageLink",
                "Get a signed link to a proof image, for a page without the key", a -> a
                .parameter("validFor", "ISO-8601 duration, e.g. PT24H; the configured default when absent")
                .ok(200, "The link and when it expires.")
                .problem(400, "BAD_PARAMETER", "validFor is not an ISO-8601 duration")
                .problem(403, "LINK_CANNOT_SIGN", "a signed link cannot mint another")
                .problem(403, "LINK_INVALID", "a signed link's signature sent to this path (it opens only its image)")
                .problem(404, "PROOF_IMAGE_NOT_FOUND", "no proof image with this SHA-256")
                .problem(422, "LINK_LIFETIME_INVALID", "validFor is not positive or longer than allowed"));

        op("GET", "/api/v1/catalog", ApiDocument.CATALOG, "getCatalog", "Read the catalog: products, placements, tiers, stocks",
                a -> a.ok(200, "The live catalog."));

        String partner = "/api/v1/partner";
        op("GET", partner + "/jobs", ApiDocument.PARTNER, "listJobs", "List this partner's jobs, oldest ready first", a -> a
                .parameter("status", "ready (default), claimed or picked-up")
                .parameter("limit", "1 to 200")
                .parameter("cursor", "nextCursor of the previous page")
                .ok(200, "A page of jobs; nextCursor is null on the last page.")
                .problem(400, "BAD_PARAMETER", "status, limit or cursor is not valid"));
        op("POST", partner + "/jobs/{id}/claim", ApiDocument.PARTNER, "claimJob", "Claim a ready job under a lease", a -> a
                .describe("A retried claim by the same worker gets the same lease (`claimedNow: false`).")
                .requestExample("claim", "{\"worker\":\"rip-1\"}")
                .ok(200, "The lease.")
                .problem(400, "MALFORMED_JSON", "the body is not JSON of the expected shape")
                .problem(404, "JOB_NOT_FOUND", "no such job for this partner")
                .problem(409, "LEASE_HELD", "another worker holds the lease")
                .problem(409, "ALREADY_PICKED_UP", "the job was acknowledged")
                .problem(409, "JOB_NOT_READY", "the job is no longer ready (withdrawn)")
                .problem(422, "MISSING_FIELD", "worker is missing")
                .problem(422, "INVALID_FIELD", "worker: up to 100 letters, digits and . _ : @ -"));
        op("POST", partner + "/jobs/{id}/ack", ApiDocument.PARTNER, "acknowledgeJob", "Acknowledge the pickup of a claimed job", a -> a
                .requestExample("ack", "{\"leaseId\":\"3f1c0c8e-3b7a-4b8e-9c61-5d3e1f0a2b4c\"}")
                .ok(200, "The pickup.")
                .problem(400, "MALFORMED_JSON", "the body is not JSON of the expected shape")
                .problem(404, "JOB_NOT_FOUND", "no such job for this partner")
                .problem(409, "LEASE_NOT_HELD", "the lease given is not the job's current lease")
                .problem(409, "ALREADY_PICKED_UP", "the job was acknowledged under another lease")
                .problem(422, "MISSING_FIELD", "leaseId is missing"));
        op("GET", partner + "/jobs/{id}/manifest", ApiDocument.PARTNER, "getManifest", "Read a job's manifest", a -> a
                .ok(200, "What to print on what, at which size and colour settings, who approved it, every file.")
                .problem(404, "JOB_NOT_FOUND", "no such job for this partner")
                .problem(409, "JOB_NOT_READY", "the job is no longer ready (withdrawn)"));
        op("GET", partner + "/jobs/{id}/files/{sha256}", ApiDocument.PARTNER, "downloadJobFile", "Download a job's file", a -> a
                .describe("Byte ranges and If-None-Match are answered; `Repr-Digest` is the SHA-256 of the whole file.")
                .file(200, "The file.", "application/pdf", "image/tiff")
                .file(206, "The byte range asked for.", "application/pdf", "image/tiff")
                .empty(304, "Not modified (If-None-Match).")
                .problem(404, "JOB_NOT_FOUND", "no such job for this partner")
                .problem(404, "PRINT_FILE_NOT_FOUND", "no such file in this job")
                .problem(409, "JOB_NOT_READY", "the job is no longer ready (withdrawn)")
                .problem(416, "RANGE_NOT_SATISFIABLE", "the range lies outside the file", "Content-Range", RANGE_LENGTH));
        op("POST", partner + "/jobs/{id}/files/{sha256}/link", ApiDocument.PARTNER, "signJobFileLink",
                "Get a signed link to a job's file, for a machine without the key", a -> a
                .parameter("validFor", "ISO-8601 duration, e.g. PT48H; at most seven days; the configured default when absent")
                .ok(200, "The link and when it expires.")
                .problem(400, "BAD_PARAMETER", "validFor is not an ISO-8601 duration")
                .problem(404, "JOB_NOT_FOUND", "no such job for this partner")
                .problem(404, "PRINT_FILE_NOT_FOUND", "no such file in this job")
                .problem(409, "JOB_NOT_READY", "the job is no longer ready (withdrawn)")
                .problem(422, "LINK_LIFETIME_INVALID", "validFor is not positive or longer than allowed"));
        op("GET", partner + "/webhook-deliveries", ApiDocument.PARTNER, "listWebhookDeliveries", "List the webhooks sent to this partner", a -> a
                .parameter("event", "only the attempts of this event id")
                .parameter("limit", "1 to 200")
                .parameter("cursor", "nextCursor of the previous page")
                .ok(200, "Every delivery attempt, newest first; nextCursor is null on the last page.")
                .problem(400, "BAD_PARAMETER", "limit or cursor is not valid"));
        op("GET", "/api/v1/partner-links/{jobId}/{sha256}", ApiDocument.PARTNER, "downloadSignedJobFile",
                "Download a job's file through a signed link, without a key", a -> a
                .file(200, "The file.", "application/pdf", "image/tiff")
                .file(206, "The byte range asked for.", "application/pdf", "image/tiff")
                .empty(304, "Not modified (If-None-Match).")
                .problem(403, "LINK_INVALID", "the link was not issued by this engine, or was changed")
                .problem(403, "LINK_EXPIRED", "the link has expired; ask the partner API for a new one")
                .problem(404, "JOB_NOT_FOUND", "the job is no longer the partner's")
                .problem(404, "PRINT_FILE_NOT_FOUND", "no such file in this job")
                .problem(409, "JOB_NOT_READY", "the job is no longer ready (withdrawn)")
                .problem(416, "RANGE_NOT_SATISFIABLE", "the range lies outside the file", "Content-Range", RANGE_LENGTH));

        String ruleSets = "/api/v1/rulesets";
        op("GET", ruleSets, ApiDocument.RULE_SETS, "listRuleSets", "List the rule sets: live, tried and every one, newest first",
                a -> a.ok(200, "Where the rule sets stand."));
        op("POST", ruleSets, ApiDocument.RULE_SETS, "uploadRuleSet", "Upload a rule-set bundle (a zip of the repository's layout)", a -> a
                .binaryRequest("The bundle as a zip, in the repository's layout.", "application/zip",
                        "application/octet-stream")
                .parameter("description", "what the rule set changes, for the list")
                .ok(201, "A new rule set, a CANDIDATE.", "Location", "the rule set's URL")
                .ok(200, "The same files were uploaded before: that rule set.", "Location", "the rule set's URL")
                .problem(415, "UNSUPPORTED_MEDIA_TYPE", "the body is not application/zip or application/octet-stream")
                .problem(422, "INVALID_RULE_SET", "the bundle is not a valid rule set (detail says why)"));
        op("GET", ruleSets + "/{number}", ApiDocument.RULE_SETS, "getRuleSet", "Read a rule set", a -> a
                .ok(200, "The rule set.")
                .problem(404, "UNKNOWN_RULE_SET", "no rule set with this number"));
        op("POST", ruleSets + "/{number}/replay", ApiDocument.RULE_SETS, "replayRuleSet",
                "Replay a rule set on the last placements' recorded facts", a -> a
                .ok(200, "What it would change.")
                .problem(400, "BAD_PARAMETER", "last or samples out of range")
                .problem(404, "UNKNOWN_RULE_SET", "no rule set with this number"));
        for (String[] move : new String[][]{{"shadow", "Run a rule set in the shadow of the live one", "shadowRuleSet"},
                {"canary", "Try a rule set on a share of new placements", "canaryRuleSet"},
                {"promote", "Make a rule set the live one", "promoteRuleSet"}, {"rollback", "Roll a shadow or canary rule set back", "rollBackRuleSet"}}) {
            op("POST", ruleSets + "/{number}/" + move[0], ApiDocument.RULE_SETS, move[2], move[1], a -> {
                a.ok(200, "The rule set in its new state.");
                if (move[0].equals("canary")) {
                    a.parameter("share", "of new placements, above 0 and at most 1; the configured default when absent")
                            .problem(400, "BAD_PARAMETER", "share out of range");
                }
                a.problem(404, "UNKNOWN_RULE_SET", "no rule set with this number")
                        .problem(409, "RULE_SET_STATE", "the rule set's state does not allow this move, or changed meanwhile");
            });
        }
        op("GET", ruleSets + "/{number}/shadow", ApiDocument.RULE_SETS, "getShadowDifferences", "Read what a shadow rule set decided differently",
                a -> a.ok(200, "The differences by step.")
                        .problem(404, "UNKNOWN_RULE_SET", "no rule set with this number"));
        op("GET", ruleSets + "/{number}/guardrails", ApiDocument.RULE_SETS, "getGuardrails", "Read a rule set's guardrails and readings",
                a -> a.ok(200, "The guardrails now and every reading taken.")
                        .problem(404, "UNKNOWN_RULE_SET", "no rule set with this number"));
        op("POST", ruleSets + "/watch", ApiDocument.RULE_SETS, "runCanaryWatch", "Run the canary watch's round now",
                a -> a.ok(200, "Where the rule sets stand after the round."));
    }

    @Override
    public void customise(OpenAPI api) {
        api.getComponents().addSchemas(PROBLEM, problemSchema());
        List<String> undocumented = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            Consumer<Answers> answers = TABLE.get(method.name() + " " + path);
            if (answers == null) {
                undocumented.add(method + " " + path);
                return;
            }
            Answers a = new Answers(path, operation, api.getComponents());
            answers.accept(a);
            authorize(path, a);
            paced(a);
            operation.setResponses(a.responses());
        }));
        if (!undocumented.isEmpty()) {
            throw new IllegalStateException("No answers documented for " + undocumented + ": add them to "
                    + OperationAnswers.class.getName());
        }
    }

    /** Which key each path takes, and the 401 (and 403) answers that come with it. */
    private static void authorize(String path, Answers a) {
        if (path.startsWith("/api/v1/partner/")) {
            a.security(ApiDocument.PARTNER_KEY)
                    .problem(401, "PARTNER_KEY_REQUIRED", "no Authorization: Bearer <key>")
                    .problem(401, "PARTNER_KEY_INVALID", "the bearer key is not a partner key of this engine");
        } else if (path.startsWith("/api/v1/rulesets")) {
            a.security(ApiDocument.RULES_LOGIN)
                    .problem(401, "CREDENTIALS_REQUIRED", "no HTTP Basic credentials, or wrong ones")
                    .problem(403, "RULES_ROLE_REQUIRED", "the operator does not have the RULES role");
        } else if (path.startsWith("/api/v1/catalog") || path.startsWith("/api/v1/partner-links/")) {
            a.operation.setSecurity(List.of());
        } else {
            if (path.equals("/api/v1/proof-images/{sha256}")) {
                a.security(ApiDocument.SHOP_KEY).operation.addSecurityItem(new SecurityRequirement());
            } else {
                a.security(ApiDocument.SHOP_KEY);
            }
            a.problem(401, "API_KEY_REQUIRED", "no X-Api-Key header")
                    .problem(401, "API_KEY_INVALID", "the X-Api-Key is not a key of this engine");
        }
    }

    /**
     * An operation that takes a body, from whoever sends it: a body too slow is given up ({@link BodyPace}), and one key
     * sends only so many at once ({@link UploadSlots}).
     */
    private static void paced(Answers a) {
        if (a.operation.getRequestBody() == null) {
            return;
        }
        a.problem(408, BodyPace.CODE, "the body came slower than platen.uploads.min-rate, or stopped for "
                        + "platen.uploads.read-timeout; the connection is closed: send the request again")
                .problem(429, UploadSlots.CODE, "overload, not bad input: platen.uploads.per-key requests with a body "
                        + "are under way with this key already; send the same request again after Retry-After",
                        "Retry-After", "seconds to wait before sending the same request again");
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details; `code` is stable, the texts are for people.")
                .addProperty("type", new StringSchema().example("urn:platen:problem:UNKNOWN_PRODUCT")
                        .description("`urn:platen:problem:` and the code"))
                .addProperty("title", new StringSchema().example("Unprocessable Entity"))
                .addProperty("status", new IntegerSchema().format("int32").example(422))
                .addProperty("detail", new StringSchema().example("items[0].product: unknown product 'hoodie'."))
                .addProperty("instance", new StringSchema().example("/api/v1/orders"))
                .addProperty("code", new StringSchema().example("UNKNOWN_PRODUCT")
                        .description("stable, for programs: the codes each operation can answer are listed with it"))
                .required(List.of("type", "title", "status", "code"));
    }

    /** The answers of one operation, built from what springdoc found (the success body's schema) and the table. */
    static final class Answers {

        private final String path;
        private final Operation operation;
        private final Components components;
        private final @Nullable Content body;
        private final Map<String, ApiResponse> responses = new TreeMap<>();
        private final Map<Integer, Map<String, String>> problems = new TreeMap<>();
        private final Map<Integer, Map<String, Header>> problemHeaders = new TreeMap<>();

        Answers(String path, Operation operation, Components components) {
            this.path = path;
            this.operation = operation;
            this.components = components;
            ApiResponse found = operation.getResponses() == null ? null : operation.getResponses().get("200");
            Content content = found == null ? null : found.getContent();
            // springdoc says */* when a method does not declare what it produces; these all answer JSON
            if (content != null && content.containsKey("*/*")) {
                content.put("application/json", content.remove("*/*"));
            }
            this.body = content;
        }

        Answers describe(String description) {
            operation.setDescription(description);
            return this;
        }

        Answers security(String scheme) {
            operation.setSecurity(new ArrayList<>(List.of(new SecurityRequirement().addList(scheme))));
            return this;
        }

        Answers parameter(String name, String description) {
            operation.getParameters().stream().filter(p -> p.getName().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no parameter " + name + " on " + operation.getOperationId()))
                    .setDescription(description);
            return this;
        }

        Answers queryParameter(String name, String description) {
            operation.addParametersItem(new Parameter().in("query").name(name).required(false)
                    .description(description).schema(new StringSchema()));
            return this;
        }

        /**
         * An inline request schema as a named component: generators make a class only for named form schemas, and
         * refer to one even when the operation also takes JSON.
         */
        Answers namedRequestSchema(String mediaType, String name) {
            MediaType content = operation.getRequestBody().getContent().get(mediaType);
            if (content == null) {
                throw new IllegalStateException("no " + mediaType + " request body on " + operation.getOperationId());
            }
            components.addSchemas(name, content.getSchema());
            content.setSchema(new Schema<>().$ref("#/components/schemas/" + name));
            return this;
        }

        /** A body springdoc cannot see: the method reads the request's stream itself. */
        Answers binaryRequest(String description, String... mediaTypes) {
            Content content = new Content();
            for (String type : mediaTypes) {
                content.addMediaType(type, new MediaType().schema(new StringSchema().format("binary")));
            }
            operation.setRequestBody(new RequestBody().required(true)
                    .description(description).content(content));
            return this;
        }

        /** An example of a success answer; the body schema is springdoc's, shared, so the example goes on a copy. */
        Answers answerExample(int status, String name, String json) {
            ApiResponse answer = responses.get(Integer.toString(status));
            if (answer == null) {
                throw new IllegalStateException("no " + status + " answer on " + operation.getOperationId()
                        + " to give an example of: declare it first");
            }
            Content content = new Content();
            answer.getContent().forEach((type, media) -> content.addMediaType(type, new MediaType()
                    .schema(media.getSchema()).examples(new LinkedHashMap<>(Map.of(name, new Example().value(json(json)))))));
            answer.setContent(content);
            return this;
        }

        Answers requestExample(String name, String json) {
            MediaType request = operation.getRequestBody().getContent().get("application/json");
            if (request == null) {
                throw new IllegalStateException("no JSON request body on " + operation.getOperationId());
            }
            request.addExamples(name, new Example().value(json(json)));
            return this;
        }

        /** The success body springdoc found for the method's return type, under this status. */
        Answers ok(int status, String description, String... headers) {
            responses.put(Integer.toString(status), new ApiResponse().description(description).content(body)
                    .headers(headers(headers)));
            return this;
        }

        Answers file(int status, String description, String... mediaTypes) {
            Content content = new Content();
            for (String type : mediaTypes) {
                content.addMediaType(type, new MediaType().schema(new StringSchema().format("binary")));
            }
            responses.put(Integer.toString(status), new ApiResponse().description(description).content(content));
            return this;
        }

        Answers empty(int status, String description) {
            responses.put(Integer.toString(status), new ApiResponse().description(description));
            return this;
        }

        Answers problem(int status, String code, String when, String... headers) {
            problems.computeIfAbsent(status, s -> new LinkedHashMap<>()).put(code, when);
            if (headers.length > 0) {
                problemHeaders.put(status, headers(headers));
            }
            return this;
        }

        ApiResponses responses() {
            ApiResponses all = new ApiResponses();
            responses.forEach(all::addApiResponse);
            problems.forEach((status, codes) -> {
                MediaType problem = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
                StringBuilder description = new StringBuilder();
                codes.forEach((code, when) -> {
                    description.append(description.isEmpty() ? "" : "; ").append('`').append(code).append("`: ").append(when);
                    Map<String, Object> example = new LinkedHashMap<>();
                    example.put("type", ApiProblem.TYPE + code);
                    example.put("title", HttpStatus.valueOf(status).getReasonPhrase());
                    example.put("status", status);
                    example.put("detail", when.substring(0, 1).toUpperCase(Locale.ROOT) + when.substring(1) + ".");
                    example.put("instance", path);
                    example.put("code", code);
                    problem.addExamples(code, new Example().summary(when).value(example));
                });
                all.addApiResponse(Integer.toString(status), new ApiResponse().description(description.toString())
                        .content(new Content().addMediaType(PROBLEM_JSON, problem))
                        .headers(problemHeaders.get(status)));
            });
            return all;
        }

        private static @Nullable Map<String, Header> headers(String... nameAndDescription) {
            if (nameAndDescription.length == 0) {
                return null;
            }
            Map<String, Header> headers = new LinkedHashMap<>();
            for (int i = 0; i < nameAndDescription.length; i += 2) {
                headers.put(nameAndDescription[i], new Header().description(nameAndDescription[i + 1])
                        .schema(new StringSchema()));
            }
            return headers;
        }
    }

    /** Examples are written as JSON text in the table, read into the document's own values. */
    private static Object json(String text) {
        try {
            return Json.mapper().readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an example in the table is not JSON", e);
        }
    }
}
