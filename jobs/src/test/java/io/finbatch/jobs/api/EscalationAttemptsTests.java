package io.finbatch.jobs.api;

import io.finbatch.jobs.FinanceBatchApplication;
import io.finbatch.jobs.support.TestDatabases;
import io.finbatch.jobs.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.Socket;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator trying to reach what only a controller or an admin may do by bending the request: other
 * spellings of the path (double slashes, a trailing slash, dot segments, encoded slashes, path parameters,
 * upper case), a method override header. Sent raw over a socket to the real server, so that no client
 * normalises the path first; every attempt is refused (400, 403, 404, 405, or sent to the console's login page
 * where the spelling leaves the API), none succeeds.
 */
@SpringBootTest(classes = FinanceBatchApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EscalationAttemptsTests {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
        TestUsers.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void bentPathsAndMethodOverridesDoNotGetAnOperatorPastTheRoleRules() throws Exception {
        List<String> attempts = List.of(
                "GET /api/extracts/1/download",
                "GET /api//extracts/1/download",
                "GET /api/extracts/1/download/",
                "GET /api/extracts/1/./download",
                "GET /api/extracts/2/../1/download",
                "GET /api/extracts/1%2Fdownload",
                "GET /api/extracts/1;jsessionid=x/download",
                "GET /API/extracts/1/download",
                "GET /api/extracts/1/DOWNLOAD",
                "POST /api/periods/ACME-DE/2026-10/lock",
                "POST /api//periods/ACME-DE/2026-10/lock",
                "POST /api/periods/ACME-DE/2026-10/lock/",
                "POST /api/schedules/nightly/run",
                "GET /api/users",
                "GET /api/users/");
        for (String attempt : attempts) {
            String[] parts = attempt.split(" ");
            String answer = send(parts[0], parts[1], "");
            assertThat(answer).as(attempt).matches("(400|403|404|405)|302 .*/login");
        }
        // the method override header of some frameworks is not honoured
        String overridden = send("GET", "/api/periods/ACME-DE/2026-10/lock", "X-HTTP-Method-Override: POST\r\n");
        assertThat(overridden).matches("403|404|405");
    }

    /** The status, and for a redirect the status, a space and where to (a path of another chain: the login). */
    private String send(String method, String path, String extraHeaders) throws Exception {
        String credentials = Base64.getEncoder().encodeToString(("operator:" + TestUsers.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                    + "\r\n" + extraHeaders + "Content-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            String status = in.readLine().split(" ")[1];
            if (!status.equals("302")) {
                return status;
            }
            for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                if (header.regionMatches(true, 0, "Location:", 0, 9)) {
                    return status + " " + header.substring(9).trim();
                }
            }
            return status;
        }
    }
}
