package dev.platen.intake;

import dev.platen.artwork.ArtworkHeader;
import dev.platen.artwork.ArtworkLimits;
import dev.platen.artwork.Finding;
import dev.platen.artwork.PdfLayout;
import dev.platen.artwork.Resolution;
import dev.platen.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

/** Artwork uploads. The format is decided by the file's magic bytes; its name and Content-Type are ignored. */
@RestController
@RequestMapping("/api/v1/artworks")
class ArtworkController {

    private final ArtworkShelf shelf;
    private final ArtworkUrlFetch urls;
    private final ArtworkLimits limits;

    ArtworkController(ArtworkShelf shelf, ArtworkUrlFetch urls, ArtworkLimits limits) {
        this.shelf = shelf;
        this.urls = urls;
        this.limits = limits;
    }

    /** Artwork a shop keeps on its own file server: {@code {"url": "https://..."}}. */
    record ArtworkUrl(String url) {
    }

    /**
     * Fetches the artwork from the URL (see {@link ArtworkUrlFetch} for what is refused) and takes it in exactly as
     * an upload: same checks, same content-addressed store, same answer. Orders then name it by its id.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ArtworkView> fetch(@RequestBody ArtworkUrl request) {
        if (request == null || request.url() == null || request.url().isBlank()) {
            throw ApiProblem.unprocessable("MISSING_FIELD", "url is required.");
        }
        ArtworkShelf.Shelved shelved = urls.fetch(request.url(), limits.maxUploadBytes(),
                (body, declared, name) -> shelf.take(body, declared, name));
        return answer(shelved);
    }

    /** 201 for new bytes; 200 with the same body when the same bytes were uploaded before. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ArtworkView> upload(@RequestPart("file") MultipartFile file) throws IOException {
        ArtworkShelf.Shelved shelved;
        try (InputStream in = file.getInputStream()) {
            shelved = shelf.take(in, file.getSize(), file.getOriginalFilename());
        }
        return answer(shelved);
    }

    private static ResponseEntity<ArtworkView> answer(ArtworkShelf.Shelved shelved) {
        ArtworkView view = ArtworkView.of(shelved.artwork());
        return ResponseEntity.status(shelved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/artworks/" + view.id()))
                .body(view);
    }

    @GetMapping("/{id}")
    ArtworkView artwork(@PathVariable String id) {
        return shelf.find(id).map(ArtworkView::of)
                .orElseThrow(() -> ApiProblem.notFound("ARTWORK_NOT_FOUND", "No artwork with id '" + id + "'."));
    }

    /**
     * @param dpi the resolution written in the file, or null
     * @param pdf page count and page size for PDFs, null otherwise
     */
    record ArtworkView(String id, String sha256, String format, long bytes, @Nullable String originalName,
                       @Nullable Integer widthPx, @Nullable Integer heightPx, @Nullable Resolution dpi,
                       @Nullable String colorSpace, int bitsPerSample, boolean alpha, @Nullable String iccProfile,
                       int exifOrientation, @Nullable PdfView pdf, List<Finding> findings) {

        static ArtworkView of(UploadedArtwork a) {
            ArtworkHeader h = a.header();
            return new ArtworkView(a.id(), a.id(), h.format().wireName(), a.bytes(), a.originalName(), h.widthPx(),
                    h.heightPx(), h.fileDpi(), h.colorSpace(), h.bitsPerSample(), h.alpha(), h.iccProfileDescription(),
                    h.exifOrientation(), h.pdf() == null ? null : PdfView.of(h.pdf()), h.findings());
        }
    }

    record PdfView(int pageCount, double pageWidthPt, double pageHeightPt, double pageWidthIn, double pageHeightIn,
                   int rasterImages, boolean vectorOnly) {

        static PdfView of(PdfLayout pdf) {
            return new PdfView(pdf.pageCount(), pdf.pageWidthPt(), pdf.pageHeightPt(), pdf.pageWidthPt() / 72.0,
                    pdf.pageHeightPt() / 72.0, pdf.images().size(), pdf.vectorOnly());
        }
    }
}
