package dev.platen.delivery;

import dev.platen.orders.PrintFileRecord;
import dev.platen.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.Objects;

/**
 * Downloads through a signed link, without an API key. A link that was altered or has expired is a 403; a valid
 * link to a job that is no longer the partner's, or no longer ready, answers as the keyed download would.
 */
@RestController
class SignedLinkController {

    private final LinkSigner links;
    private final PartnerJobs jobs;
    private final PrintFileDownload download;

    SignedLinkController(LinkSigner links, PartnerJobs jobs, PrintFileDownload download) {
        this.links = links;
        this.jobs = jobs;
        this.download = download;
    }

    @GetMapping(LinkSigner.PATH + "/{jobId}/{sha256}")
    ResponseEntity<?> file(@PathVariable String jobId, @PathVariable String sha256,
                           @RequestParam(required = false) @Nullable String partner,
                           @RequestParam(required = false) @Nullable String expires,
                           @RequestParam(required = false) @Nullable String signature, HttpServletRequest request)
            throws IOException {
        return switch (links.verify(jobId, sha256, partner, expires, signature)) {
            case ALTERED -> throw ApiProblem.forbidden("LINK_INVALID",
                    "This link was not issued by this engine, or was changed after it was.");
            case EXPIRED -> throw ApiProblem.forbidden("LINK_EXPIRED",
                    "This link has expired; ask the partner API for a new one.");
            case VALID -> {
                // a valid link's signature covers its partner, so it has one
                PartnerJobs.ReadyJob ready = jobs.ready(Objects.requireNonNull(partner), jobId);
                PrintFileRecord file = jobs.file(ready, sha256);
                yield download.answer(file, PartnerJobs.fileName(ready.placement(), file), request);
            }
        };
    }
}
