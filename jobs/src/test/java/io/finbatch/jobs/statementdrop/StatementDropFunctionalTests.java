package io.finbatch.jobs.statementdrop;

import io.finbatch.jobs.FinanceBatchApplication;
import io.finbatch.jobs.config.FinBatchProperties;
import io.finbatch.jobs.security.ApiTokens;
import io.finbatch.jobs.statementimport.FileDigest;
import io.finbatch.jobs.statementimport.ImportResult;
import io.finbatch.jobs.statementimport.StatementImportService;
import io.finbatch.jobs.support.Examples;
import io.finbatch.jobs.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * The statement drop on a real database (H2 and PostgreSQL subclasses): uploads with an API token of role
 * SUBMITTER, stored atomically in the inbox and imported in the background; the same content twice; the size
 * limit; the watched folder that leaves half-written files alone.
 */
@SpringBootTest(classes = FinanceBatchApplication.class, properties = "finbatch.drop.max-size=64KB")
@AutoConfigureMockMvc
abstract class StatementDropFunctionalTests {

    private static final String TOKEN = ApiTokens.newToken();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void inboxAndToken(DynamicPropertyRegistry registry) throws IOException {
        Path inbox = Files.createTempDirectory("finbatch-drop-inbox");
        registry.add("finbatch.inbox", inbox::toString);
        TestUsers.register(registry);
        registry.add("finbatch.security.tokens[0].name", () -> "bank-robot");
        registry.add("finbatch.security.tokens[0].sha256", () -> ApiTokens.sha256Hex(TOKEN));
        registry.add("finbatch.security.tokens[0].roles", () -> "SUBMITTER");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StatementImportService imports;

    @Autowired
    StatementDrops drops;

    @Autowired
    FinBatchProperties finbatch;

    @BeforeEach
    void emptyInboxAndStaging() throws IOException {
        jdbc.update("DELETE FROM statement_drop");
        jdbc.update("DELETE FROM statement_line");
        jdbc.update("DELETE FROM bank_statement");
        jdbc.update("DELETE FROM import_exception");
        jdbc.update("DELETE FROM statement_file");
        try (Stream<Path> files = Files.list(inbox())) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    void anUploadIsStoredUnderASafeNameImportedInTheBackgroundAndFollowed() throws Exception {
        byte[] content = Files.readAllBytes(Examples.file(Examples.MT940));
        MockHttpServletResponse response = upload("../../etc/" + Examples.MT940, content);
        assertThat(response.getStatus()).isEqualTo(202);
        JsonNode drop = JSON.readTree(response.getContentAsString());
        long id = drop.get("id").asLong();
        assertThat(response.getHeader("Location")).isEqualTo("/api/statements/" + id);
        assertThat(drop.get("link").asString()).isEqualTo("/api/statements/" + id);
        String sha256 = FileDigest.sha256(Examples.file(Examples.MT940));
        assertThat(drop.get("sha256").asString()).isEqualTo(sha256);

        JsonNode done = awaitFinished(id);
        assertThat(done.get("status").asString()).isEqualTo("IMPORTED");
        assertThat(done.get("linesImported").asLong()).isPositive();
        assertThat(done.get("executionId").isNumber()).isTrue();
        assertThat(done.get("statementFileId").isNumber()).isTrue();
        assertThat(done.get("format").asString()).isEqualTo("mt940");
        assertThat(inboxNames()).containsExactly(sha256.substring(0, 12) + "-" + Examples.MT940);
        assertThat(Files.readAllBytes(inbox().resolve(inboxNames().get(0)))).isEqualTo(content);
    }

    @Test
    void theSameFileTwiceAnswersTheFirstImport() throws Exception {
        byte[] content = Files.readAllBytes(Examples.file(Examples.CAMT053));
        long id = JSON.readTree(upload("first.xml", content).getContentAsString()).get("id").asLong();
        JsonNode first = awaitFinished(id);
        long executions = executions();

        MockHttpServletResponse again = upload("second-name.xml", content);
        assertThat(again.getStatus()).isEqualTo(200);
        JsonNode second = JSON.readTree(again.getContentAsString());
        assertThat(second.get("duplicate").asBoolean()).isTrue();
        assertThat(second.get("id").asLong()).isEqualTo(id);
        assertThat(second.get("status").asString()).isEqualTo("IMPORTED");
        assertThat(second.get("executionId").asLong()).isEqualTo(first.get("executionId").asLong());
        assertThat(executions()).as("nothing launched again").isEqualTo(executions);
        assertThat(inboxNames()).hasSize(1);
    }

    @Test
    void aFileImportedBeforeItWasDroppedAnswersWithThatImport() throws Exception {
        ImportResult earlier = imports.importFile(Examples.file(Examples.INTRADAY_MT942));
        long executions = executions();
        MockHttpServletResponse response = upload(Examples.INTRADAY_MT942,
                Files.readAllBytes(Examples.file(Examples.INTRADAY_MT942)));
        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode drop = JSON.readTree(response.getContentAsString());
        assertThat(drop.get("status").asString()).isEqualTo("ALREADY_IMPORTED");
        assertThat(drop.get("executionId").asLong()).isEqualTo(earlier.executionId());
        assertThat(executions()).isEqualTo(executions);
    }

    @Test
    void aFileOverTheLimitIsRefusedWith413AndLeavesNothing() throws Exception {
        byte[] big = new byte[65 * 1024 + 1];
        Arrays.fill(big, (byte) 'x');
        assertThat(upload("big.mt940", big).getStatus()).isEqualTo(413);
        try (Stream<Path> files = Files.list(inbox())) {
            assertThat(files.toList()).isEmpty();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM statement_drop", Long.class)).isZero();
    }

    @Test
    void aViewerFollowsADropButCannotDrop() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "x.mt940", "application/octet-stream", new byte[] {1});
        assertThat(mvc.perform(multipart("/api/statements").file(file).with(r -> {
            r.addHeader("Authorization", "Basic dmlld2VyOnNlY3JldA==");
            return r;
        })).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/api/statements/424242").header("Authorization", "Bearer " + TOKEN))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void aHalfWrittenFileIsImportedOnlyOnceItsDoneMarkerStandsBesideIt() throws Exception {
        Path watched = Files.createTempDirectory("finbatch-watched");
        InboxWatcher watcher = watcher(watched, "done-marker");
        byte[] content = Files.readAllBytes(Examples.file(Examples.MT940));
        Path file = watched.resolve(Examples.MT940);
        Files.write(file, Arrays.copyOf(content, content.length / 2));
        assertThat(watcher.poll()).isEmpty();
        assertThat(watcher.poll()).as("stable, but no marker").isEmpty();
        Files.write(file, Arrays.copyOfRange(content, content.length / 2, content.length), StandardOpenOption.APPEND);
        assertThat(watcher.poll()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM statement_drop", Long.class)).isZero();

        Files.createFile(watched.resolve(Examples.MT940 + ".done"));
        assertThat(watcher.poll()).containsExactly(file);
        assertThat(watcher.poll()).as("handed over once").isEmpty();
        long id = jdbc.queryForObject("SELECT id FROM statement_drop", Long.class);
        JsonNode done = awaitFinished(id);
        assertThat(done.get("status").asString()).isEqualTo("IMPORTED");
        assertThat(done.get("source").asString()).isEqualTo("FOLDER");
        assertThat(done.get("sha256").asString()).isEqualTo(FileDigest.sha256(Examples.file(Examples.MT940)));
    }

    @Test
    void aGrowingFileIsImportedOnlyOnceItsSizeStaysTheSameOverTwoPolls() throws Exception {
        Path watched = Files.createTempDirectory("finbatch-watched");
        InboxWatcher watcher = watcher(watched, "stable-size");
        byte[] content = Files.readAllBytes(Examples.file(Examples.CAMT053));
        Path file = watched.resolve(Examples.CAMT053);
        Files.write(file, Arrays.copyOf(content, content.length / 3));
        assertThat(watcher.poll()).as("first sighting").isEmpty();
        Files.write(file, Arrays.copyOfRange(content, content.length / 3, content.length),
                StandardOpenOption.APPEND);
        assertThat(watcher.poll()).as("still growing").isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM statement_drop", Long.class)).isZero();
        assertThat(watcher.poll()).as("same size as last time").containsExactly(file);
        assertThat(watcher.poll()).isEmpty();
        JsonNode done = awaitFinished(jdbc.queryForObject("SELECT id FROM statement_drop", Long.class));
        assertThat(done.get("status").asString()).isEqualTo("IMPORTED");

        // the same content again under another name is recognised, not imported twice
        Files.write(watched.resolve("copy-of-" + Examples.CAMT053), content);
        watcher.poll();
        assertThat(watcher.poll()).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM statement_drop", Long.class)).isEqualTo(1);
    }

    private InboxWatcher watcher(Path dir, String ready) {
        return new InboxWatcher(drops, new DropProperties(null, 0, new DropProperties.Watch(true, dir, ready, null)),
                finbatch);
    }

    private MockHttpServletResponse upload(String name, byte[] content) throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", name, "application/octet-stream", content);
        return mvc.perform(multipart("/api/statements").file(file).header("Authorization", "Bearer " + TOKEN))
                .andReturn().getResponse();
    }

    private JsonNode awaitFinished(long id) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            MockHttpServletResponse response = mvc.perform(get("/api/statements/" + id)
                    .header("Authorization", "Bearer " + TOKEN)).andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(200);
            last[0] = JSON.readTree(response.getContentAsString());
            String status = last[0].get("status").asString();
            return !status.equals("QUEUED") && !status.equals("IMPORTING");
        });
        return last[0];
    }

    private long executions() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Long.class);
    }

    private Path inbox() {
        return finbatch.inbox();
    }

    private List<String> inboxNames() throws IOException {
        try (Stream<Path> files = Files.list(inbox())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
