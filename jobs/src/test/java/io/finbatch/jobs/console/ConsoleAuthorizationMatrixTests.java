package io.finbatch.jobs.console;

import io.finbatch.jobs.FinanceBatchApplication;
import io.finbatch.jobs.audit.AuditLog;
import io.finbatch.jobs.support.TestDatabases;
import io.finbatch.jobs.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every console page and action for every role, through a real form login (session cookie, CSRF token):
 * allowed (any answer but the login redirect or 403) or refused (403, audited). Anonymous requests go to the
 * login page; a form without its CSRF token is refused.
 */
@SpringBootTest(classes = FinanceBatchApplication.class)
@AutoConfigureMockMvc
class ConsoleAuthorizationMatrixTests {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        TestDatabases.useH2(registry);
        TestUsers.register(registry);
        Path extracts = Files.createTempDirectory("finbatch-console-matrix");
        registry.add("finbatch.extracts.dir", extracts::toString);
    }

    private static final Set<String> ANYONE = Set.of("viewer", "operator", "controller", "admin");
    private static final Set<String> OPERATE = Set.of("operator", "admin");
    private static final Set<String> CONTROL = Set.of("controller", "admin");
    private static final Set<String> ADMIN = Set.of("admin");

    record Endpoint(HttpMethod method, String path, Set<String> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(HttpMethod.GET, "/", ANYONE),
            new Endpoint(HttpMethod.GET, "/executions", ANYONE),
            new Endpoint(HttpMethod.GET, "/executions?status=FAILED&from=2026-10-01", ANYONE),
            new Endpoint(HttpMethod.GET, "/executions/999999", ANYONE),
            new Endpoint(HttpMethod.GET, "/executions/999999/progress", ANYONE),
            new Endpoint(HttpMethod.POST, "/executions/999999/restart", OPERATE),
            new Endpoint(HttpMethod.POST, "/executions/999999/stop", OPERATE),
            new Endpoint(HttpMethod.POST, "/executions/999999/abandon", OPERATE),
            new Endpoint(HttpMethod.GET, "/exceptions", ANYONE),
            new Endpoint(HttpMethod.POST, "/exceptions/import/999999/requeue", OPERATE),
            new Endpoint(HttpMethod.POST, "/exceptions/posting/999999/dismiss", OPERATE),
            new Endpoint(HttpMethod.GET, "/extracts", ANYONE),
            new Endpoint(HttpMethod.GET, "/extracts/999999/manifest", ANYONE),
            new Endpoint(HttpMethod.GET, "/extracts/999999/download", CONTROL),
            new Endpoint(HttpMethod.GET, "/schedules", ANYONE),
            new Endpoint(HttpMethod.POST, "/schedules/no-such-schedule/pause", ADMIN),
            new Endpoint(HttpMethod.POST, "/schedules/no-such-schedule/resume", ADMIN),
            new Endpoint(HttpMethod.POST, "/schedules/no-such-schedule/run", ADMIN),
            new Endpoint(HttpMethod.GET, "/periods", ANYONE),
            new Endpoint(HttpMethod.POST, "/close/2026-13", CONTROL),
            new Endpoint(HttpMethod.POST, "/periods/MATRIX/2026-01/lock", CONTROL),
            new Endpoint(HttpMethod.GET, "/audit", ANYONE),
            new Endpoint(HttpMethod.GET, "/users", ADMIN),
            new Endpoint(HttpMethod.GET, "/webhooks", ADMIN),
            new Endpoint(HttpMethod.GET, "/webhooks?state=DEAD", ADMIN),
            // an invalid URL: the authorization is checked, nothing is stored
            new Endpoint(HttpMethod.POST, "/webhooks?url=not-a-url&events=job.failed", ADMIN),
            new Endpoint(HttpMethod.POST, "/webhooks/999999/activate", ADMIN),
            new Endpoint(HttpMethod.POST, "/webhooks/999999/deactivate", ADMIN),
            new Endpoint(HttpMethod.POST, "/webhooks/deliveries/999999/redeliver", ADMIN),
            // a method the console does not offer is refused to everyone
            new Endpoint(HttpMethod.DELETE, "/audit", Set.of()));

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (String user : TestUsers.USERS) {
                cases.add(Arguments.of(endpoint, user));
            }
        }
        return cases.stream();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog audit;

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void allowedOrRefused(Endpoint endpoint, String user) throws Exception {
        MockHttpSession session = login(user);
        MockHttpServletRequestBuilder call = request(endpoint.method(), endpoint.path()).session(session);
        if (endpoint.method() != HttpMethod.GET) {
            call.with(csrf());
        }
        MockHttpServletResponse response = mvc.perform(call).andReturn().getResponse();
        if (endpoint.allowed().contains(user)) {
            assertThat(response.getStatus()).as("%s may call %s", user, endpoint).isNotIn(401, 403);
            assertThat(String.valueOf(response.getRedirectedUrl())).as("%s stays logged in", user).doesNotContain("/login");
        } else {
            assertThat(response.getStatus()).as("%s may not call %s", user, endpoint).isEqualTo(403);
        }
    }

    @Test
    void everyPageRendersWithItsHeadingAndTheUser() throws Exception {
        MockHttpSession session = login("admin");
        for (String page : List.of("/", "/executions", "/exceptions?status=ALL", "/extracts", "/schedules", "/periods",
                "/audit", "/users", "/webhooks")) {
            MockHttpServletResponse response = mvc.perform(get(page).session(session)).andReturn().getResponse();
            assertThat(response.getStatus()).as(page).isEqualTo(200);
            assertThat(response.getContentAsString()).as(page).contains("<h1").contains("admin (ADMIN)")
                    .doesNotContain("Exception evaluating");
        }
        MockHttpServletResponse missing = mvc.perform(get("/executions/424242").session(session)).andReturn()
                .getResponse();
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(missing.getContentAsString()).contains("no job execution 424242");
    }

    @Test
    void anonymousIsSentToTheLoginPage() throws Exception {
        for (Endpoint endpoint : ENDPOINTS) {
            MockHttpServletRequestBuilder call = request(endpoint.method(), endpoint.path());
            if (endpoint.method() != HttpMethod.GET) {
                call.with(csrf());
            }
            MockHttpServletResponse response = mvc.perform(call).andReturn().getResponse();
            if (endpoint.method() == HttpMethod.GET) {
                assertThat(response.getStatus()).as(endpoint.toString()).isEqualTo(302);
                assertThat(response.getRedirectedUrl()).as(endpoint.toString()).endsWith("/login");
            } else {
                assertThat(response.getStatus()).as(endpoint.toString()).isIn(302, 403);
            }
        }
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndAudited() throws Exception {
        MockHttpSession session = login("admin");
        MockHttpServletResponse response = mvc.perform(post("/executions/424242/abandon").session(session))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(403);
        AuditLog.Entry entry = audit.latest("admin", "EXECUTION_ABANDON", 1).get(0);
        assertThat(entry.outcome()).isEqualTo("DENIED");
        assertThat(entry.detail()).isEqualTo("no valid CSRF token");
        assertThat(entry.target()).isEqualTo("execution 424242");
    }

    @Test
    void aWrongPasswordIsAuditedAndSendsBackToTheLoginPage() throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/login").param("username", "operator")
                .param("password", "guess").with(csrf())).andReturn().getResponse();
        assertThat(response.getRedirectedUrl()).endsWith("/login?error");
        AuditLog.Entry entry = audit.latest("operator", "LOGIN", 1).get(0);
        assertThat(entry.outcome()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void theLoginPageOffersAFormWithACsrfToken() throws Exception {
        String page = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("name=\"username\"").contains("name=\"_csrf\"");
    }

    /** A real form login: the session it returns carries the authentication. */
    private MockHttpSession login(String user) throws Exception {
        var result = mvc.perform(post("/login").param("username", user).param("password", TestUsers.PASSWORD)
                .with(csrf())).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).as("login of " + user).doesNotContain("error");
        return (MockHttpSession) result.getRequest().getSession();
    }
}
