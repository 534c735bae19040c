package io.finbatch.jobs.api;

import io.finbatch.jobs.FinanceBatchApplication;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every endpoint for every role, anonymous, a user without a role and a wrong password: allowed (any answer
 * but 401/403: the targets need not exist) or refused (401 without valid credentials, 403 for a role).
 */
@SpringBootTest(classes = FinanceBatchApplication.class)
@AutoConfigureMockMvc
class ApiAuthorizationMatrixTests {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        TestDatabases.useH2(registry);
        TestUsers.register(registry);
        Path extracts = Files.createTempDirectory("finbatch-matrix-extracts");
        registry.add("finbatch.extracts.dir", extracts::toString);
    }

    private static final Set<String> ANYONE = Set.of("viewer", "operator", "controller", "admin");
    private static final Set<String> OPERATE = Set.of("operator", "admin");
    private static final Set<String> CONTROL = Set.of("controller", "admin");
    private static final Set<String> ADMIN = Set.of("admin");
    private static final Set<String> SUBMIT = Set.of("submitter", "admin");
    private static final Set<String> FOLLOW_DROP = Set.of("submitter", "viewer", "operator", "controller", "admin");

    record Endpoint(HttpMethod method, String path, Set<String> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(HttpMethod.GET, "/api/executions", ANYONE),
            new Endpoint(HttpMethod.GET, "/api/executions?job=extract&status=FAILED", ANYONE),
            new Endpoint(HttpMethod.GET, "/api/executions/999999", ANYONE),
            new Endpoint(HttpMethod.GET, "/api/executions/999999/progress", ANYONE),
            new Endpoint(HttpMethod.GET, "/api/executions?from=2026-10-01&to=2026-10-31", ANYONE),
            new Endpoint(HttpMethod.POST, "/api/executions/999999/restart", OPERATE),
            new Endpoint(HttpMethod.POST, "/api/executions/999999/stop", OPERATE),
            new Endpoint(HttpMethod.POST, "/api/executions/999999/abandon", OPERATE),
            new Endpoint(HttpMethod.GET, "/api/exceptions", ANYONE),
            new Endpoint(HttpMethod.POST, "/api/exceptions/import/999999/requeue", OPERATE),
            new Endpoint(HttpMethod.POST, "/api/exceptions/posting/999999/dismiss", OPERATE),
            new Endpoint(HttpMethod.GET, "/api/extracts", ANYONE),
            new Endpoint(HttpMethod.GET, "/api/extracts/999999/manifest", ANYONE),
            new Endpoint(HttpMethod.GET, "/api/extracts/999999/download", CONTROL),
            // an invalid month: the authorization is checked, no close job is run
            new Endpoint(HttpMethod.POST, "/api/close/2026-13", CONTROL),
            new Endpoint(HttpMethod.GET, "/api/periods", ANYONE),
            new Endpoint(HttpMethod.POST, "/api/periods/MATRIX/2026-01/lock", CONTROL),
            new Endpoint(HttpMethod.GET, "/api/audit", ANYONE),
            new Endpoint(HttpMethod.GET, "/api/dashboard", ANYONE),
            new Endpoint(HttpMethod.GET, "/api/schedules", ANYONE),
            new Endpoint(HttpMethod.POST, "/api/schedules/no-such-schedule/pause", ADMIN),
            new Endpoint(HttpMethod.POST, "/api/schedules/no-such-schedule/resume", ADMIN),
            new Endpoint(HttpMethod.POST, "/api/schedules/no-such-schedule/run", ADMIN),
            new Endpoint(HttpMethod.GET, "/api/users", ADMIN),
            // no file part: the authorization is checked, nothing is stored
            new Endpoint(HttpMethod.POST, "/api/statements", SUBMIT),
            new Endpoint(HttpMethod.GET, "/api/statements/999999", FOLLOW_DROP),
            new Endpoint(HttpMethod.GET, "/api/webhooks", ADMIN),
            new Endpoint(HttpMethod.POST, "/api/webhooks", ADMIN),
            new Endpoint(HttpMethod.POST, "/api/webhooks/999999/activate", ADMIN),
            new Endpoint(HttpMethod.POST, "/api/webhooks/999999/deactivate", ADMIN),
            new Endpoint(HttpMethod.GET, "/api/webhooks/deliveries", ADMIN),
            new Endpoint(HttpMethod.GET, "/api/webhooks/deliveries?state=DEAD", ADMIN),
            new Endpoint(HttpMethod.POST, "/api/webhooks/deliveries/999999/redeliver", ADMIN),
            new Endpoint(HttpMethod.GET, "/api/openapi", ANYONE),
            new Endpoint(HttpMethod.GET, "/actuator/prometheus", ANYONE),
            // unknown API paths and methods are refused to everyone
            new Endpoint(HttpMethod.DELETE, "/api/audit", Set.of()),
            new Endpoint(HttpMethod.PUT, "/api/periods", Set.of()));

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            cases.add(Arguments.of(endpoint, "anonymous"));
            for (String user : TestUsers.USERS) {
                cases.add(Arguments.of(endpoint, user));
            }
        }
        return cases.stream();
    }

    @Autowired
    MockMvc mvc;

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void allowedOrRefused(Endpoint endpoint, String user) throws Exception {
        MockHttpServletRequestBuilder call = request(endpoint.method(), endpoint.path());
        if (!user.equals("anonymous")) {
            call.with(httpBasic(user, TestUsers.PASSWORD));
        }
        int status = mvc.perform(call).andReturn().getResponse().getStatus();
        if (user.equals("anonymous")) {
            assertThat(status).as("anonymous").isEqualTo(401);
        } else if (endpoint.allowed().contains(user)) {
            assertThat(status).as("%s may call %s", user, endpoint).isNotIn(401, 403);
        } else {
            assertThat(status).as("%s may not call %s", user, endpoint).isEqualTo(403);
        }
    }

    @Test
    void aWrongPasswordIsRefusedWith401() throws Exception {
        for (Endpoint endpoint : ENDPOINTS) {
            int status = mvc.perform(request(endpoint.method(), endpoint.path()).with(httpBasic("admin", "wrong")))
                    .andReturn().getResponse().getStatus();
            assertThat(status).as(endpoint.toString()).isEqualTo(401);
        }
    }

    @Test
    void noSessionCookieIsIssued() throws Exception {
        var response = mvc.perform(request(HttpMethod.GET, "/api/periods").with(httpBasic("viewer", "secret")))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Set-Cookie")).isNull();
    }
}
