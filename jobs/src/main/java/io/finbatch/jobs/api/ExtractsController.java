package io.finbatch.jobs.api;

import io.finbatch.jobs.audit.Audited;
import io.finbatch.jobs.extract.ExtractDownload;
import io.finbatch.jobs.extract.ExtractFiles;
import io.finbatch.jobs.extract.ExtractFiles.ExtractFile;
import io.finbatch.jobs.extract.ExtractFiles.Located;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.List;

/** The extract files: list, manifest, download (CONTROLLER, audited). */
@RestController
@Tag(name = "extracts", description = "Extract files by period, name and version; download (CONTROLLER, ADMIN)")
class ExtractsController {

    private final ExtractFiles files;
    private final Audited audited;

    ExtractsController(ExtractFiles files, Audited audited) {
        this.files = files;
        this.audited = audited;
    }

    @GetMapping("/api/extracts")
    @Operation(summary = "Extract files, latest period first, optionally of one name and/or period")
    List<ExtractFile> list(@RequestParam(required = false) String name, @RequestParam(required = false) String period,
            @RequestParam(defaultValue = "200") int limit) {
        return files.list(name, period, limit);
    }

    @GetMapping(value = "/api/extracts/{id}/manifest", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The manifest of a file: parameters, cut-off, rows, control totals, SHA-256")
    String manifest(@PathVariable long id) {
        return files.manifest(id);
    }

    @GetMapping("/api/extracts/{id}/download")
    @Operation(summary = "The file itself, with its SHA-256 in X-Content-SHA256 (audited)")
    ResponseEntity<Resource> download(@PathVariable long id, HttpServletRequest request, Principal who) {
        Located located = audited.run(request, who, () -> files.locate(id),
                l -> l.file().getFileName() + " sha256 " + l.sha256());
        return ExtractDownload.of(located);
    }

}
