package io.finbatch.jobs.extract;

import io.finbatch.jobs.extract.ExtractFiles.Located;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The HTTP answer of an extract download: the file as an attachment, with its SHA-256 in a header. */
public final class ExtractDownload {

    public static final String SHA256_HEADER = "X-Content-SHA256";

    private ExtractDownload() {
    }

    public static ResponseEntity<Resource> of(Located located) {
        MediaType type = "xlsx".equals(located.format())
                ? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                : MediaType.parseMediaType("text/csv");
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(located.file().getFileName().toString()).build().toString())
                .header(SHA256_HEADER, located.sha256())
                .body(new FileSystemResource(located.file()));
    }
}
