package io.finbatch.writers.odoo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

import tools.jackson.databind.JsonNode;

/**
 * The exchanges recorded on a real Odoo 19.0 ({@code shared/odoo/recorded-19.0}), read in place and never
 * copied into the project: {@code NN_name.req.json} (what the client sent), {@code NN_name.resp.json} (what
 * Odoo answered) and, for JSON-2, {@code NN_name.resp.headers} (status line and headers). The folder is
 * found from the system property {@code finbatch.fixtures} (set by the parent pom to
 * {@code shared/fixtures/statements}); without it the tests are skipped through an assumption.
 */
final class RecordedExchanges {

    /** One recorded request and Odoo's answer to it. */
    record Exchange(String name, JsonNode request, int status, String statusLine, List<String[]> headers,
            String responseBody) {
    }

    private final Path folder;

    private RecordedExchanges(Path folder) {
        this.folder = folder;
    }

    static RecordedExchanges locate() {
        String fixtures = System.getProperty("finbatch.fixtures");
        Assumptions.assumeTrue(fixtures != null && !fixtures.isBlank(),
                "system property finbatch.fixtures is not set (run through Maven): recorded Odoo exchanges skipped");
        Path folder = Path.of(fixtures).resolve("../../odoo/recorded-19.0").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isDirectory(folder), "recorded Odoo exchanges " + folder + " not found: skipped");
        return new RecordedExchanges(folder);
    }

    /** @param name e.g. {@code 11_err_unbalanced_create} */
    Exchange load(String name) {
        JsonNode request = OdooJson.read(read(name + ".req.json"), name + ".req.json");
        String body = read(name + ".resp.json");
        Path headersFile = folder.resolve(name + ".resp.headers");
        if (!Files.exists(headersFile)) {
            // JSON-RPC recordings have no headers file: Odoo answers them all with 200 and JSON.
            return new Exchange(name, request, 200, "HTTP/1.1 200 OK",
                    List.<String[]>of(new String[] {"Content-Type", "application/json"}), body);
        }
        List<String> lines = read(name + ".resp.headers").lines().toList();
        String statusLine = lines.get(0).strip();
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        List<String[]> headers = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                break;
            }
            int colon = line.indexOf(':');
            headers.add(new String[] {line.substring(0, colon).strip(), line.substring(colon + 1).strip()});
        }
        return new Exchange(name, request, status, statusLine, headers, body);
    }

    /** Names of the JSON exchanges (not the XML-RPC ones), sorted. */
    List<String> jsonExchangeNames() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(file -> file.endsWith(".resp.json"))
                    .map(file -> file.substring(0, file.length() - ".resp.json".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String read(String file) {
        try {
            return Files.readString(folder.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
