package dev.platen.delivery;

import dev.platen.orders.PrintFileRecord;
import dev.platen.storage.ObjectStore;
import dev.platen.storage.StoredFileResource;
import dev.platen.storage.StoredObject;
import dev.platen.web.FileDownload;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * A print file of a job, to its partner (with the key or a signed link), answered as every stored file is
 * ({@link FileDownload}: ETag, {@code Repr-Digest}, byte ranges).
 */
@Component
class PrintFileDownload {

    private final ObjectStore store;

    PrintFileDownload(ObjectStore store) {
        this.store = store;
    }

    ResponseEntity<?> answer(PrintFileRecord file, String fileName, HttpServletRequest request) throws IOException {
        StoredObject stored = store.find(file.sha256()).filter(o -> o.bytes() == file.bytes()).orElseThrow(
                () -> new IllegalStateException("print file " + file.sha256() + " is missing from the object store"));
        return new FileDownload(new StoredFileResource(store, stored), file.sha256(), MediaType.parseMediaType(file.mediaType()),
                ContentDisposition.attachment().filename(fileName).build()).answer(request);
    }
}
