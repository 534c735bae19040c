package io.finbatch.readers.camt;

import io.finbatch.readers.StatementFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Hostile XML: every DOCTYPE is rejected before anything in it is processed. */
class CamtSecurityTest {

    @TempDir
    Path dir;

    @Test
    void externalEntityIsRejected() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE Document [ <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\"> ]>\n"
                + CamtXml.statementWithEntries("").replace("<Id>STMT-1</Id>", "<Id>&xxe;</Id>")
                        .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "");

        StatementFormatException e = rejected(xml);

        assertThat(e.getMessage()).doesNotContain("TOP-SECRET");
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

    private static StatementFormatException rejected(String xml) {
        StatementFormatException e = catchThrowableOfType(StatementFormatException.class, () -> CamtXml.events(xml));
        assertThat(e).as("a document with a DOCTYPE must be rejected").isNotNull();
        assertThat(e.file()).isEqualTo(CamtXml.FILE);
        assertThat(e.location()).matches("line \\d+, column \\d+");
        assertThat(e.reason()).startsWith("DTD not allowed");
        return e;
    }
}
