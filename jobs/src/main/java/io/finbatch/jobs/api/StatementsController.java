package io.finbatch.jobs.api;

import io.finbatch.jobs.audit.Audited;
import io.finbatch.jobs.statementdrop.DropStatus;
import io.finbatch.jobs.statementdrop.StatementDrops;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.Principal;

/** The statement drop: machine clients (role SUBMITTER) send a bank file and follow its import. */
@RestController
@Tag(name = "statements", description = "Drop a statement file for import (SUBMITTER) and follow its import")
class StatementsController {

    private final StatementDrops drops;
    private final Audited audited;

    StatementsController(StatementDrops drops, Audited audited) {
        this.drops = drops;
        this.audited = audited;
    }

    @PostMapping(path = "/api/statements", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Drop a statement file (multipart field 'file')",
            description = "202 with the drop to follow when the file is new; 200 with the earlier drop and its import"
                    + " when the same content was received or imported before; 413 over finbatch.drop.max-size")
    ResponseEntity<DropStatus> submit(@RequestParam("file") MultipartFile file, HttpServletRequest request,
            Principal who) {
        DropStatus drop = audited.run(request, who, () -> {
            try (InputStream content = file.getInputStream()) {
                return drops.upload(content, file.getOriginalFilename(), who == null ? null : who.getName());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, d -> "drop " + d.id() + (d.duplicate() ? " (received before: " + d.status() + ")" : " queued"));
        if (drop.duplicate()) {
            return ResponseEntity.ok(drop);
        }
        return ResponseEntity.accepted().location(URI.create(drop.link())).body(drop);
    }

    @GetMapping("/api/statements/{id}")
    @Operation(summary = "A dropped file: status, counts, job execution, rejection reason")
    DropStatus status(@PathVariable long id) {
        return drops.status(id);
    }
}
