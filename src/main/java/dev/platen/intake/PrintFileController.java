package dev.platen.intake;

import dev.platen.orders.OrderBook;
import dev.platen.orders.PrintFileLocation;
import dev.platen.storage.ObjectStore;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Downloads of print-ready files by their SHA-256. A stored file never changes, so its hash is a strong ETag and
 * it may be cached for good; byte ranges are served by Spring from the file itself.
 */
@RestController
class PrintFileController {

    static final String PATH = "/api/v1/print-files";
    static final String PROOF_PATH = "/api/v1/proof-images";

    private final OrderBook orders;
    private final ObjectStore store;

    PrintFileController(OrderBook orders, ObjectStore store) {
        this.orders = orders;
        this.store = store;
    }

    /** A soft-proof image (PNG), immutable like every stored object. */
    @GetMapping(PROOF_PATH + "/{sha256}")
    ResponseEntity<Resource> proofImage(@PathVariable String sha256) throws IOException {
        String key = sha256.toLowerCase(Locale.ROOT);
        if (!orders.isProofImage(key) || store.find(key).isEmpty()) {
            throw ApiProblem.notFound("PROOF_IMAGE_NOT_FOUND", "No proof image with SHA-256 '" + sha256 + "'.");
        }
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).eTag("\"" + key + "\"")
                .cacheControl(CacheControl.maxAge(365, TimeUnit.DAYS).cachePrivate().immutable())
                .body(new FileSystemResource(store.readablePath(key)));
    }

    @GetMapping(PATH + "/{sha256}")
    ResponseEntity<Resource> download(@PathVariable String sha256) throws IOException {
        String key = sha256.toLowerCase(Locale.ROOT);
        PrintFileLocation location = orders.printFile(key).filter(l -> store.find(key).isPresent())
                .orElseThrow(() -> ApiProblem.notFound("PRINT_FILE_NOT_FOUND", "No print file with SHA-256 '" + sha256 + "'."));
        String extension = location.file().format().equals("pdfx4") ? "pdf" : "tif";
        String name = location.product() + "-" + location.placement() + "-" + location.tier() + "-"
                + key.substring(0, 12) + "." + extension;
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(location.file().mediaType()))
                .contentLength(location.file().bytes())
                .eTag("\"" + key + "\"")
                .cacheControl(CacheControl.maxAge(365, TimeUnit.DAYS).cachePrivate().immutable())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(new FileSystemResource(store.readablePath(key)));
    }
}
