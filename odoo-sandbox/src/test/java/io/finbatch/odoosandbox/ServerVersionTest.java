package io.finbatch.odoosandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ServerVersionTest {

    @Test
    void olderServersDoNotServeJson2() {
        for (String version : List.of("17.0", "18.0")) {
            try (OdooSandbox sandbox = OdooSandbox.start(new SandboxOptions().serverVersion(version))) {
                SandboxClient client = new SandboxClient(sandbox.url());
                assertThat(client.json2("res.partner", "search", Map.of("domain", List.of())).status()).isEqualTo(404);
                Map<String, Object> info = Json.asMap(client.jsonRpc("common", "version", List.of()).result());
                assertThat(info.get("server_version")).isEqualTo(version);
                assertThat(info.get("server_version_info")).isEqualTo(List.of(Long.parseLong(version.substring(0, 2)), 0L, 0L, "final", 0L, ""));
                assertThat(client.call("res.partner", "search_count", List.of(List.of()), Map.of())).isInstanceOf(Long.class);
            }
        }
    }

    @Test
    void authenticationAcceptsPasswordAndApiKeysOnly() {
        try (OdooSandbox sandbox = OdooSandbox.start(new SandboxOptions().apiKeys(java.util.Set.of("k1", "k2")))) {
            SandboxClient client = new SandboxClient(sandbox.url());
            assertThat(client.jsonRpc("common", "authenticate", List.of("finance", "admin", "admin", Map.of())).result()).isEqualTo(2L);
            assertThat(client.jsonRpc("common", "authenticate", List.of("finance", "admin", "k2", Map.of())).result()).isEqualTo(2L);
            assertThat(client.jsonRpc("common", "authenticate", List.of("finance", "admin", "nope", Map.of())).result()).isEqualTo(false);
            assertThat(client.jsonRpc("common", "authenticate", List.of("other", "admin", "admin", Map.of())).errorData().get("name"))
                    .isEqualTo("psycopg2.OperationalError");
            assertThat(client.post("/json/2/res.partner/search", Map.of("domain", List.of()), Map.of("Authorization", "bearer k1")).status())
                    .isEqualTo(200);
            assertThat(client.post("/json/2/res.partner/search", Map.of("domain", List.of()), Map.of("Authorization", "bearer admin")).status())
                    .isEqualTo(401);
        }
    }

    @Test
    void uniqueImportIdOnlyWithTheOcaOption() {
        try (OdooSandbox sandbox = OdooSandbox.start(new SandboxOptions().withUniqueImportIdField(true))) {
            SandboxClient client = new SandboxClient(sandbox.url());
            Map<?, ?> fields = (Map<?, ?>) client.call("account.bank.statement.line", "fields_get", List.of(List.of("unique_import_id")),
                    Map.of("attributes", List.of("type", "readonly")));
            assertThat(fields.get("unique_import_id")).isEqualTo(Map.of("type", "char", "readonly", true));
            Map<String, Object> vals = Map.of("journal_id", 6, "amount", 3, "unique_import_id", "DE89-2026-0001");
            client.call("account.bank.statement.line", "create", List.of(vals), Map.of());
            SandboxClient.Response duplicate = client.executeKw("account.bank.statement.line", "create", List.of(vals), Map.of());
            assertThat(duplicate.errorData().get("message")).isEqualTo("The operation cannot be completed: A bank account transactions can be imported only once!");
            assertThat(client.call("account.bank.statement.line", "search_count",
                    List.of(List.of(List.of("unique_import_id", "=", "DE89-2026-0001"))), Map.of())).isEqualTo(1L);
        }
    }
}
