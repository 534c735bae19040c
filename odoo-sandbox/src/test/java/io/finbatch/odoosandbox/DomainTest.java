package io.finbatch.odoosandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DomainTest {

    private static OdooSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = OdooSandbox.start(new SandboxOptions().seed(SandboxOptions.Seed.CHART_ONLY));
        sandbox.addBankJournal("Bank DE", "BNKDE", "DE89 3704 0044 0532 0130 00", "EUR");
        sandbox.call("res.partner", "create", List.of(List.of(Map.of("name", "ACME GmbH", "ref", "C-1"),
                Map.of("name", "acme corp", "email", "x@acme.test"), Map.of("name", "Other", "is_company", true))), Map.of());
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
    }

    private static List<Object> names(String model, List<?> domain) {
        return sandbox.searchRead(model, domain, List.of("name")).stream().map(r -> r.get("name")).toList();
    }

    @Test
    void comparesAndCombinesInPrefixNotation() {
        assertThat(names("res.partner", List.of(List.of("name", "=", "ACME GmbH")))).containsExactly("ACME GmbH");
        assertThat(names("res.partner", List.of(List.of("name", "ilike", "acme")))).containsExactlyInAnyOrder("ACME GmbH", "acme corp");
        assertThat(names("res.partner", List.of(List.of("name", "like", "acme")))).containsExactly("acme corp");
        assertThat(names("res.partner", List.of(List.of("name", "=ilike", "acme%")))).containsExactlyInAnyOrder("ACME GmbH", "acme corp");
        assertThat(names("res.partner", List.of(List.of("name", "=like", "ACME_GmbH")))).containsExactly("ACME GmbH");
        assertThat(names("res.partner", List.of("|", List.of("ref", "=", "C-1"), List.of("email", "!=", false))))
                .containsExactlyInAnyOrder("ACME GmbH", "acme corp", "Administrator");
        assertThat(names("res.partner", List.of("!", List.of("name", "ilike", "acme"), List.of("is_company", "=", true))))
                .contains("Other").doesNotContain("ACME GmbH", "acme corp");
        assertThat(names("res.partner", List.of(List.of("ref", "=", false), List.of("name", "in", List.of("Other", "x")))))
                .containsExactly("Other");
        assertThat(names("res.partner", List.of(List.of("name", "not in", List.of("Other")), List.of("name", "ilike", "acme"))))
                .hasSize(2);
        assertThat(names("res.partner", List.of(List.of("name", "not ilike", "acme"), List.of("name", "=", "Other"))))
                .containsExactly("Other");
    }

    @Test
    void followsMany2oneAndX2manyPaths() {
        List<Map<String, Object>> journals = sandbox.searchRead("account.journal",
                List.of(List.of("bank_account_id.acc_number", "=", "DE89 3704 0044 0532 0130 00")), List.of("code", "currency_id"));
        assertThat(journals).hasSize(1);
        assertThat(journals.get(0).get("code")).isEqualTo("BNKDE");
        assertThat(journals.get(0).get("currency_id")).isEqualTo(List.of(125L, "EUR"));
        assertThat(names("account.journal", List.of(List.of("bank_account_id", "=", false), List.of("type", "=", "bank"))))
                .containsExactly("Bank", "Bank");
        assertThat(names("account.journal", List.of(List.of("bank_account_id.sanitized_acc_number", "ilike", "DE8937"))))
                .containsExactly("Bank DE");
        assertThat(names("res.partner", List.of(List.of("bank_ids.acc_number", "!=", false)))).containsExactly("YourCompany");
        assertThat(names("account.journal", List.of(List.of("company_id.name", "=", "My US Company")))).hasSize(6);
        assertThat(names("account.journal", List.of(List.of("company_id", "=", "My US Company")))).hasSize(6);
    }

    @Test
    void comparesNumbersAndDatesAndHonoursCompaniesAndActive() {
        assertThat(sandbox.searchRead("account.account", List.of(List.of("code", ">=", "600000"), List.of("code", "<", "620000")),
                List.of("code")).stream().map(r -> r.get("code"))).containsExactly("600000", "611000", "612000");
        assertThat(names("res.partner", List.of(List.of("name", "=", "OdooBot")))).isEmpty();
        assertThat(names("res.partner", List.of(List.of("name", "=", "OdooBot"), List.of("active", "=", false))))
                .containsExactly("OdooBot");
        SandboxClient client = new SandboxClient(sandbox.url());
        Object onlyCompany1 = client.call("account.journal", "search_count", List.of(List.of()),
                Map.of("context", Map.of("allowed_company_ids", List.of(1))));
        assertThat(onlyCompany1).isEqualTo(7L);
        assertThat(client.call("account.journal", "search_count", List.of(List.of()), Map.of())).isEqualTo(13L);
        assertThat(client.call("account.journal", "search", List.of(List.of(List.of("type", "=", "bank"))),
                Map.of("limit", 1, "order", "id desc"))).isEqualTo(List.of(13L));
    }

    @Test
    void unknownFieldsAndOperatorsAreValueErrors() {
        SandboxClient client = new SandboxClient(sandbox.url());
        SandboxClient.Response response = client.executeKw("res.partner", "search",
                List.of(List.of(List.of("no_such_field", "=", 1))), Map.of());
        assertThat(response.errorData().get("name")).isEqualTo("builtins.ValueError");
        assertThat(response.errorData().get("message")).isEqualTo("Invalid field res.partner.no_such_field in leaf ('no_such_field', '=', 1)");
        response = client.executeKw("res.partner", "search", List.of(List.of(List.of("name", "~", 1))), Map.of());
        assertThat(response.errorData().get("name")).isEqualTo("builtins.ValueError");
        assertThatThrownBy(() -> sandbox.searchRead("res.partner", List.of("|", List.of("name", "=", "x")), null))
                .isInstanceOf(OdooError.class);
    }
}
