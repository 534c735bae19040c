package io.finbatch.odoosandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceTest {

    @Test
    void recordsSurviveARestartThroughTheStateFile(@TempDir Path dir) {
        Path state = dir.resolve("state.json");
        long partner;
        long line;
        try (OdooSandbox first = OdooSandbox.start(new SandboxOptions().stateFile(state))) {
            SandboxClient client = new SandboxClient(first.url());
            partner = (Long) client.call("res.partner", "create", List.of(Map.of("name", "Kept")), Map.of());
            line = (Long) client.call("account.bank.statement.line", "create",
                    List.of(Map.of("journal_id", 6, "amount", 7.5, "ref", "KEPT")), Map.of());
            client.executeKw("res.partner", "create", List.of(Map.of("email", "rolled-back@example.com")), Map.of());
        }
        assertThat(state).exists();
        try (OdooSandbox second = OdooSandbox.start(new SandboxOptions().stateFile(state))) {
            assertThat(second.findByRef("account.bank.statement.line", "KEPT")).singleElement()
                    .satisfies(r -> assertThat(r.get("id")).isEqualTo(line));
            SandboxClient client = new SandboxClient(second.url());
            assertThat(client.call("res.partner", "search", List.of(List.of(List.of("name", "=", "Kept"))), Map.of()))
                    .isEqualTo(List.of(partner));
            // ids continue after those consumed before the restart (the failed create consumed one)
            assertThat(client.call("res.partner", "create", List.of(Map.of("name", "Next")), Map.of())).isEqualTo(partner + 2);
            second.reset();
            assertThat(second.findByRef("account.bank.statement.line", "KEPT")).isEmpty();
        }
        try (OdooSandbox third = OdooSandbox.start(new SandboxOptions().stateFile(state))) {
            assertThat(third.searchRead("res.partner", List.of(List.of("name", "=", "Kept")), null)).isEmpty();
        }
    }

    @Test
    void mainServesUntilStoppedAndKeepsItsData(@TempDir Path dir) throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
                OdooSandboxMain.class.getName(), "--port", "0", "--data", dir.toString(), "--api-key", "main-key")
                .redirectErrorStream(true).start();
        try {
            String banner = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream())).readLine();
            assertThat(banner).contains("listening on http://127.0.0.1:").doesNotContain("main-key");
            String url = banner.replaceAll(".*listening on (http://127\\.0\\.0\\.1:\\d+).*", "$1");
            SandboxClient client = new SandboxClient(java.net.URI.create(url));
            SandboxClient.Response version = client.jsonRpc("common", "version", List.of());
            assertThat(Json.asMap(version.result()).get("server_version")).isEqualTo("19.0");
            SandboxClient.Response created = client.post("/json/2/res.partner/create",
                    Map.of("vals_list", List.of(Map.of("name", "From main"))), Map.of("Authorization", "bearer main-key"));
            assertThat(created.status()).isEqualTo(200);
        } finally {
            process.destroy();
            process.waitFor();
        }
        assertThat(Files.readString(dir.resolve("odoo-sandbox-state.json"))).contains("From main");
    }
}
