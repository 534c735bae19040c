package io.finbatch.jobs.console;

import io.finbatch.jobs.audit.Audited;
import io.finbatch.jobs.extract.ExtractDownload;
import io.finbatch.jobs.extract.ExtractFiles;
import io.finbatch.jobs.extract.ExtractFiles.ExtractFile;
import io.finbatch.jobs.extract.ExtractFiles.Located;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Extract files by period and name with their versions; manifest; download (audited). */
@Controller
class ExtractPages {

    private final ExtractFiles files;
    private final Audited audited;

    ExtractPages(ExtractFiles files, Audited audited) {
        this.files = files;
        this.audited = audited;
    }

    @GetMapping("/extracts")
    String list(@RequestParam(required = false) String period, @RequestParam(required = false) String name,
            Model model) {
        Map<String, List<ExtractFile>> byPeriodAndName = new LinkedHashMap<>();
        for (ExtractFile file : files.list(name, period, 1000)) {
            byPeriodAndName.computeIfAbsent(file.period() + " · " + file.name(), k -> new java.util.ArrayList<>())
                    .add(file);
        }
        model.addAttribute("groups", byPeriodAndName);
        model.addAttribute("period", period);
        model.addAttribute("name", name);
        return "extracts";
    }

    @GetMapping("/extracts/{id}/manifest")
    String manifest(@PathVariable long id, Model model) {
        model.addAttribute("id", id);
        model.addAttribute("manifest", files.manifest(id));
        return "manifest";
    }

    @GetMapping("/extracts/{id}/download")
    ResponseEntity<Resource> download(@PathVariable long id, HttpServletRequest request, Principal who) {
        Located located = audited.run(request, who, () -> files.locate(id),
                l -> l.file().getFileName() + " sha256 " + l.sha256());
        return ExtractDownload.of(located);
    }
}
