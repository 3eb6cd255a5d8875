package dev.platen.intake;

import dev.platen.delivery.LinkSigner;
import dev.platen.orders.PrintFileIndex;
import dev.platen.orders.PrintFileLocation;
import dev.platen.storage.ObjectStore;
import dev.platen.storage.StorageSettings;
import dev.platen.storage.StoredFileResource;
import dev.platen.storage.StoredObject;
import dev.platen.web.ApiProblem;
import dev.platen.web.FileDownload;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Downloads of print-ready files and proof images by their SHA-256, answered as every stored file is
 * ({@link FileDownload}: a strong ETag, cached for good, byte ranges).
 */
@RestController
class PrintFileController {

    static final String PATH = "/api/v1/print-files";
    static final String PROOF_PATH = "/api/v1/proof-images";

    private final PrintFileIndex files;
    private final ObjectStore store;
    private final Duration presignedDownloads;
    private final LinkSigner links;

    PrintFileController(PrintFileIndex files, ObjectStore store, StorageSettings storage, LinkSigner links) {
        this.files = files;
        this.store = store;
        this.links = links;
        StorageSettings.S3 s3 = storage.s3();
        this.presignedDownloads = s3 == null || s3.presignedDownloads() == null ? Duration.ZERO
                : s3.presignedDownloads();
    }

    /**
     * A soft-proof image (PNG), immutable like every stored object. {@code ?width=} gives a smaller copy for
     * pages and lists (JPEG-free, still PNG: proofs must not gain compression artefacts); it never enlarges.
     */
    @GetMapping(PROOF_PATH + "/{sha256}")
    ResponseEntity<?> proofImage(@PathVariable String sha256,
                                 @org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable Integer width,
                                 HttpServletRequest request) throws IOException {
        String key = sha256.toLowerCase(Locale.ROOT);
        StoredObject stored = store.find(key).filter(o -> files.isProofImage(key))
                .orElseThrow(() -> ApiProblem.notFound("PROOF_IMAGE_NOT_FOUND", "No proof image with SHA-256 '" + sha256 + "'."));
        if (width == null) {
            return new FileDownload(new StoredFileResource(store, stored), key, MediaType.IMAGE_PNG, null).answer(request);
        }
        if (width < 16 || width > 4096) {
            throw ApiProblem.badParameter("width must be from 16 to 4096 pixels.");
        }
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(365, TimeUnit.DAYS).cachePrivate().immutable())
                .eTag("\"" + key + "-" + width + "\"").body(Thumbnail.png(store.readablePath(key), width));
    }

    /**
     * A signed link to a proof image, for a page or a person without the key (a storefront showing its customer the
     * proof): valid for {@code validFor} (ISO-8601, default and longest as for partners' signed links). Asked for with
     * the key or an operator's session; a signed link cannot mint another.
     */
    @GetMapping(PROOF_PATH + "/{sha256}/link")
    LinkSigner.SignedLink proofImageLink(@PathVariable String sha256,
                                         @org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable String validFor,
                                         org.springframework.security.core.Authentication caller) {
        if (caller.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + ApiSecurity.LINK_ROLE))) {
            throw ApiProblem.forbidden("LINK_CANNOT_SIGN", "A signed link opens its image; ask for new links with the key.");
        }
        String key = sha256.toLowerCase(Locale.ROOT);
        if (!files.isProofImage(key)) {
            throw ApiProblem.notFound("PROOF_IMAGE_NOT_FOUND", "No proof image with SHA-256 '" + sha256 + "'.");
        }
        Duration lifetime;
        try {
            lifetime = validFor == null ? null : Duration.parse(validFor);
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiProblem.badParameter("validFor must be an ISO-8601 duration such as PT24H.");
        }
        try {
            return links.signProofImage(PROOF_PATH + "/" + key, key, lifetime);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.unprocessable("LINK_LIFETIME_INVALID",
                    Objects.requireNonNullElse(e.getMessage(), "A signed link cannot be valid for " + validFor + "."));
        }
    }

    /**
     * The print file, streamed from the store (byte ranges read only their part of it), or, when the store can
     * issue links and {@code platen.storage.s3.presigned-downloads} is set, a redirect to a presigned URL so the
     * bytes go from the store to the shop without passing through this node.
     */
    @GetMapping(PATH + "/{sha256}")
    ResponseEntity<?> download(@PathVariable String sha256, HttpServletRequest request) throws IOException {
        String key = sha256.toLowerCase(Locale.ROOT);
        PrintFileLocation location = files.printFile(key)
                .orElseThrow(() -> ApiProblem.notFound("PRINT_FILE_NOT_FOUND", "No print file with SHA-256 '" + sha256 + "'."));
        StoredObject stored = store.find(key)
                .orElseThrow(() -> ApiProblem.notFound("PRINT_FILE_NOT_FOUND", "No print file with SHA-256 '" + sha256 + "'."));
        if (!presignedDownloads.isZero() && !presignedDownloads.isNegative()) {
            var link = store.presignedUrl(key, presignedDownloads);
            if (link.isPresent()) {
                return ResponseEntity.status(HttpStatus.FOUND).location(link.get())
                        .cacheControl(CacheControl.noStore()).build();
            }
        }
        String extension = location.file().format().equals("pdfx4") ? "pdf" : "tif";
        String name = location.product() + "-" + location.placement() + "-" + location.tier() + "-"
                + key.substring(0, 12) + "." + extension;
        return new FileDownload(new StoredFileResource(store, stored), key, MediaType.parseMediaType(location.file().mediaType()),
                ContentDisposition.attachment().filename(name).build()).answer(request);
    }
}
