package io.finbatch.jobs.console;

import io.finbatch.jobs.FinanceBatchApplication;
import io.finbatch.jobs.audit.AuditLog;
import io.finbatch.jobs.consolidation.ConsolidationService;
import io.finbatch.jobs.execution.ExecutionBrowser;
import io.finbatch.jobs.execution.ExecutionViews.StepSummary;
import io.finbatch.jobs.extract.ExtractProperties;
import io.finbatch.jobs.extract.ExtractService;
import io.finbatch.jobs.statementimport.ImportResult;
import io.finbatch.jobs.statementimport.StatementImportService;
import io.finbatch.jobs.support.Examples;
import io.finbatch.jobs.support.FailureInjection;
import io.finbatch.jobs.support.SampleGroup;
import io.finbatch.jobs.support.TestDatabases;
import io.finbatch.jobs.support.TestUsers;
import io.finbatch.writers.extract.ExtractManifest;
import io.finbatch.writers.periods.FiscalPeriodRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console in a real headless Chromium against the application on a random port: an operator restarts a
 * failed import and sees it complete with its counts, and may not download an extract; a controller downloads
 * an extract whose SHA-256 is the one of its manifest. Each action leaves its audit row. On failure a
 * screenshot and the page source are saved under target/browser-screenshots/.
 */
@SpringBootTest(classes = FinanceBatchApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "finbatch.chunk-size=2")
@Import(FailureInjection.Config.class)
class ConsoleBrowserTests {

    private static final String TB = "consolidated-trial-balance";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        TestDatabases.useH2(registry);
        TestUsers.register(registry);
        Path archive = Files.createTempDirectory("finbatch-browser-extracts");
        registry.add("finbatch.extracts.dir", archive::toString);
        registry.add("finbatch.group.dir", () -> SampleGroup.projectRoot().resolve("examples/group").toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StatementImportService imports;

    @Autowired
    ExtractService extracts;

    @Autowired
    ExtractProperties extractProperties;

    @Autowired
    ConsolidationService consolidation;

    @Autowired
    FiscalPeriodRepository periods;

    @Autowired
    ExecutionBrowser executions;

    @Autowired
    AuditLog audit;

    @TempDir
    Path temp;

    private ChromeDriver browser;
    private Path downloads;

    @RegisterExtension
    final BrowserScreenshots screenshots = new BrowserScreenshots(() -> browser, Path.of("target/browser-screenshots"));

    private long failedImport;
    private long csvFileId;

    @BeforeEach
    void aFailedImportAndAnExtract() throws IOException {
        assumeTrue(HeadlessChromium.installed(), "Chromium and ChromeDriver are not installed (apt-get install"
                + " chromium chromium-driver; .ci/run installs them)");
        SampleGroup.consolidate(jdbc, extractProperties, consolidation, periods);
        assertThat(extracts.extract(TB, SampleGroup.OCTOBER).status()).isEqualTo("COMPLETED");
        csvFileId = jdbc.queryForObject("SELECT id FROM extract_file WHERE name = ? AND format = 'csv'", Long.class, TB);

        FailureInjection.failInChunk(3, false);
        ImportResult failed = imports.importFile(Examples.file(Examples.CAMT053));
        assertThat(failed.status()).isEqualTo("FAILED");
        failedImport = failed.executionId();

        downloads = Files.createDirectories(temp.resolve("downloads"));
        browser = HeadlessChromium.start(temp.resolve("profile"), downloads);
    }

    @AfterEach
    void closeTheBrowser() {
        FailureInjection.reset();
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorRestartsAFailedImportAndSeesItCompleteButMayNotDownloadAnExtract() {
        logIn("operator");

        // find the failed import through the filters
        open("/executions");
        new Select(browser.findElement(By.id("filter-job"))).selectByValue("statementImport");
        new Select(browser.findElement(By.id("filter-status"))).selectByValue("FAILED");
        browser.findElement(By.id("filter")).click();
        wait(Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("status=FAILED"));
        WebElement row = waitFor(By.cssSelector("tr[data-execution-id='" + failedImport + "']"));
        assertThat(browser.findElements(By.cssSelector("#executions tr[data-execution-id]")))
                .allSatisfy(r -> assertThat(r.getAttribute("data-status")).isEqualTo("FAILED"));
        row.findElement(By.tagName("a")).click();

        assertThat(waitFor(By.id("status")).getText()).isEqualTo("FAILED");
        assertThat(browser.findElement(By.id("failure")).getText()).contains("injected: disk full in chunk 3");
        browser.findElement(By.id("restart")).click();

        // the restart runs to its end and the page of the new execution shows it with its counts
        wait(Duration.ofSeconds(60)).until(d -> !d.getCurrentUrl().endsWith("/executions/" + failedImport)
                && "COMPLETED".equals(d.findElement(By.id("status")).getText()));
        long restarted = Long.parseLong(browser.findElement(By.id("execution-id")).getText());
        assertThat(restarted).isGreaterThan(failedImport);
        assertThat(browser.findElement(By.id("flash-message")).getText())
                .contains("Execution " + failedImport + " restarted as execution " + restarted + ": IMPORTED");
        StepSummary staged = executions.detail(restarted).steps().stream()
                .filter(s -> s.name().equals("stageStatements")).findFirst().orElseThrow();
        WebElement stagedRow = browser.findElement(By.cssSelector("#steps tr[data-step='stageStatements']"));
        assertThat(stagedRow.findElement(By.cssSelector("td.read")).getText()).isEqualTo(String.valueOf(staged.readCount()));
        assertThat(stagedRow.findElement(By.cssSelector("td.write")).getText())
                .isEqualTo(String.valueOf(staged.writeCount()));
        assertThat(staged.writeCount()).isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM statement_line", Long.class))
                .as("all the file's lines, none twice").isEqualTo(7);
        assertAudited("operator", "EXECUTION_RESTART", "execution " + failedImport, "SUCCEEDED");

        // segregation of duties: no download link for an operator, and the URL itself is refused
        open("/extracts");
        assertThat(browser.findElements(By.cssSelector("a.download"))).isEmpty();
        open("/extracts/" + csvFileId + "/download");
        assertThat(waitFor(By.id("denied")).getText()).isEqualTo("Not allowed");
        assertAudited("operator", "EXTRACT_DOWNLOAD", "extract_file " + csvFileId, "DENIED");
        assertThat(downloads.toFile().list()).isEmpty();
    }

    @Test
    void aControllerDownloadsAnExtractWhoseSha256IsTheOneOfItsManifest() throws Exception {
        logIn("controller");
        long id = csvFileId;

        open("/extracts");
        WebElement row = waitFor(By.cssSelector("tr[data-extract-id='" + id + "']"));
        String shownSha256 = row.findElement(By.cssSelector("code.sha256")).getText();
        row.findElement(By.cssSelector("a.manifest")).click();
        ExtractManifest manifest = JsonMapper.builder().build()
                .readValue(waitFor(By.id("manifest")).getText(), ExtractManifest.class);
        assertThat(manifest.extract()).isEqualTo(TB);
        assertThat(manifest.sha256()).isEqualTo(shownSha256);

        browser.navigate().back();
        waitFor(By.cssSelector("tr[data-extract-id='" + id + "'] a.download")).click();
        Path file = wait(Duration.ofSeconds(30)).until(d -> downloaded(manifest.file()));
        assertThat(sha256(file)).isEqualTo(manifest.sha256());
        assertAudited("controller", "EXTRACT_DOWNLOAD", "extract_file " + id, "SUCCEEDED");

        // segregation of duties: a controller is offered no restart of the failed import
        open("/executions/" + failedImport);
        assertThat(waitFor(By.id("status")).getText()).isEqualTo("FAILED");
        assertThat(browser.findElements(By.id("restart"))).isEmpty();
    }

    private void logIn(String user) {
        open("/");
        waitFor(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        browser.findElement(By.id("login")).click();
        assertThat(waitFor(By.id("me")).getText()).startsWith(user + " (");
        assertAudited(user, "LOGIN", null, "SUCCEEDED");
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private WebElement waitFor(By locator) {
        return wait(Duration.ofSeconds(20)).until(d -> d.findElement(locator));
    }

    private WebDriverWait wait(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout);
        wait.ignoring(org.openqa.selenium.NoSuchElementException.class);
        return wait;
    }

    /** The downloaded file once Chromium has finished writing it (no partial .crdownload left). */
    private Path downloaded(String name) {
        try (Stream<Path> files = Files.list(downloads)) {
            List<Path> all = files.toList();
            boolean partial = all.stream().anyMatch(p -> p.getFileName().toString().endsWith(".crdownload"));
            return partial ? null : all.stream().filter(p -> p.getFileName().toString().equals(name)).findFirst()
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private void assertAudited(String actor, String action, String target, String outcome) {
        AuditLog.Entry entry = audit.latest(actor, action, 1).stream().findFirst().orElseThrow(
                () -> new AssertionError("no audit entry " + action + " of " + actor));
        assertThat(entry.target()).isEqualTo(target);
        assertThat(entry.outcome()).isEqualTo(outcome);
        assertThat(entry.remoteAddress()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
