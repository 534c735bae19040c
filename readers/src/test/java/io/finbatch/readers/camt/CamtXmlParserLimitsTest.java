package io.finbatch.readers.camt;

import io.finbatch.readers.StatementFormatException;
import org.junit.jupiter.api.Test;

import javax.xml.stream.XMLInputFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.finbatch.readers.camt.CamtXml.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The XML parser behind the camt reader (Woodstox, {@link SecureXmlInputFactory}): how it is configured,
 * the limits that bound its memory on hostile input, and that its errors reach the user as file, element
 * path, line and a reason in the parser's words without its location suffix. The DOCTYPE, external entity
 * and entity expansion cases are in {@link CamtSecurityTest}.
 */
class CamtXmlParserLimitsTest {

    @Test
    void theFactoryIsWoodstoxWithoutDtdsOrExternalEntities() {
        XMLInputFactory factory = SecureXmlInputFactory.create();

        assertThat(factory.getClass().getName()).isEqualTo("com.ctc.wstx.stax.WstxInputFactory");
        assertThat(factory.getProperty(XMLInputFactory.SUPPORT_DTD)).isEqualTo(false);
        assertThat(factory.getProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES)).isEqualTo(false);
        assertThat(factory.getProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES)).isEqualTo(true);
        assertThat(factory.getProperty(XMLInputFactory.IS_VALIDATING)).isEqualTo(false);
    }

    /**
     * Woodstox's classes are part of this module's own classes, without the service files of its jar that
     * would make it the StAX implementation of {@code XMLInputFactory.newInstance()} for every library.
     */
    @Test
    void theEmbeddedParserRegistersNoStaxServices() throws URISyntaxException {
        Path classes = Path.of(SecureXmlInputFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI());

        assertThat(classes.resolve("com/ctc/wstx/stax/WstxInputFactory.class")).exists();
        assertThat(classes.resolve("org/codehaus/stax2/XMLInputFactory2.class")).exists();
        for (String service : List.of("XMLInputFactory", "XMLOutputFactory", "XMLEventFactory")) {
            assertThat(classes.resolve("META-INF/services/javax.xml.stream." + service)).doesNotExist();
        }
        assertThat(classes.resolve("module-info.class")).doesNotExist();
        assertThat(Files.exists(classes.resolve("META-INF/licenses/woodstox-core/META-INF/LICENSE"))).isTrue();
    }

    @Test
    void anEntityReferenceWithoutDtdIsNotWellFormed() {
        String xml = CamtXml.statementWithEntries(entry("1.00", "CRDT", "<AddtlNtryInf>a &xxe; b</AddtlNtryInf>"));

        StatementFormatException e = rejected(xml);

        assertThat(e.location()).startsWith("/Document/BkToCstmrStmt/Stmt[1]/Ntry[1], line 4, column ");
        assertThat(e.reason()).isEqualTo("not well-formed XML: Undeclared general entity \"xxe\"");
    }

    @Test
    void predefinedAndCharacterEntitiesAreRead() {
        String xml = CamtXml.statementWithEntries(entry("1.00", "CRDT",
                "<AddtlNtryInf>Fish &amp; Chips &lt;&#x41;&#66;&gt; &quot;&apos;</AddtlNtryInf>"));

        assertThat(CamtXml.lines(xml)).singleElement()
                .satisfies(line -> assertThat(line.toString()).contains("Fish & Chips <AB> \"'"));
    }

    @Test
    void nestingDeeperThanTheLimitIsRejected() {
        int depth = SecureXmlInputFactory.MAX_ELEMENT_DEPTH;
        String deep = "<x>".repeat(depth) + "</x>".repeat(depth);
        String xml = CamtXml.statementWithEntries(entry("1.00", "CRDT", deep));

        StatementFormatException e = rejected(xml);

        assertThat(e.location()).startsWith("/Document/BkToCstmrStmt/Stmt[1]/Ntry[1], line 4, column ");
        assertThat(e.reason()).startsWith("not well-formed XML: Maximum Element Depth limit (" + depth + ") Exceeded");
    }

    @Test
    void nestingWithinTheLimitIsSkipped() {
        int depth = SecureXmlInputFactory.MAX_ELEMENT_DEPTH - 10;
        String deep = "<x>".repeat(depth) + "</x>".repeat(depth);

        assertThat(CamtXml.lines(CamtXml.statementWithEntries(entry("1.00", "CRDT", deep)))).hasSize(1);
    }

    @Test
    void anAttributeLongerThanTheLimitIsRejected() {
        String value = "E".repeat(SecureXmlInputFactory.MAX_ATTRIBUTE_CHARS + 1);
        String xml = CamtXml.statementWithEntries(entry("1.00", "CRDT", "<AddtlNtryInf x=\"" + value + "\">a</AddtlNtryInf>"));

        StatementFormatException e = rejected(xml);

        assertThat(e.location()).startsWith("/Document/BkToCstmrStmt/Stmt[1]/Ntry[1], line 4, column ");
        assertThat(e.reason()).startsWith("not well-formed XML: Maximum attribute size limit ("
                + SecureXmlInputFactory.MAX_ATTRIBUTE_CHARS + ") exceeded");
    }

    @Test
    void tooManyAttributesAreRejected() {
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i <= SecureXmlInputFactory.MAX_ATTRIBUTES_PER_ELEMENT; i++) {
            attributes.append(" a").append(i).append("=\"1\"");
        }
        String xml = CamtXml.statementWithEntries(entry("1.00", "CRDT", "<AddtlNtryInf" + attributes + ">a</AddtlNtryInf>"));

        StatementFormatException e = rejected(xml);

        assertThat(e.reason()).startsWith("not well-formed XML: Attribute limit ("
                + SecureXmlInputFactory.MAX_ATTRIBUTES_PER_ELEMENT + ") exceeded");
    }

    /** Element text is bounded by our own limit, with our own message, before the parser's segment limit. */
    @Test
    void elementTextLongerThanOurLimitIsRejectedWithOurMessage() {
        String text = "a".repeat(XmlCursor.MAX_TEXT_CHARS + 1);
        String xml = CamtXml.statementWithEntries(entry("1.00", "CRDT", "<AddtlNtryInf>" + text + "</AddtlNtryInf>"));

        StatementFormatException e = rejected(xml);

        assertThat(e.location()).startsWith("/Document/BkToCstmrStmt/Stmt[1]/Ntry[1], line 4, column ");
        assertThat(e.reason()).isEqualTo("not well-formed XML: element text longer than " + XmlCursor.MAX_TEXT_CHARS
                + " characters");
    }

    @Test
    void aCommentWithinTheSegmentLimitIsSkipped() {
        String comment = "<!--" + "c".repeat(SecureXmlInputFactory.MAX_TEXT_SEGMENT_CHARS - 10) + "-->";

        assertThat(CamtXml.lines(CamtXml.statementWithEntries(entry("1.00", "CRDT", comment)))).hasSize(1);
    }

    /** A comment is held whole by the parser, so its size is bounded by the parser's text segment limit. */
    @Test
    void aCommentLongerThanTheSegmentLimitIsRejected() {
        String comment = "<!--" + "c".repeat(SecureXmlInputFactory.MAX_TEXT_SEGMENT_CHARS * 4) + "-->";
        String xml = CamtXml.statementWithEntries(entry("1.00", "CRDT", comment));

        StatementFormatException e = rejected(xml);

        assertThat(e.location()).startsWith("/Document/BkToCstmrStmt/Stmt[1]/Ntry[1], line 4, column ");
        assertThat(e.reason()).isEqualTo("not well-formed XML: Text size limit ("
                + SecureXmlInputFactory.MAX_TEXT_SEGMENT_CHARS + ") exceeded");
    }

    @Test
    void aMismatchedEndTagNamesBothTagsWithoutTheParsersLocationSuffix() {
        String xml = CamtXml.statementWithEntries(entry("1.00", "CRDT", "")).replace("</Stmt>", "</Stmnt>");

        StatementFormatException e = rejected(xml);

        assertThat(e.location()).startsWith("/Document/BkToCstmrStmt/Stmt[1], line 4, column ");
        assertThat(e.reason()).isEqualTo("not well-formed XML: Unexpected close tag </Stmnt>; expected </Stmt>.");
    }

    /**
     * The parser decodes its input a buffer ahead, so the element and line are where it was when it decoded the
     * bad byte; the character offset in the reason is the byte's own.
     */
    @Test
    void invalidUtf8IsRejectedWithItsOffset() {
        byte[] bytes = CamtXml.statementWithEntries(entry("1.00", "CRDT", "<AddtlNtryInf>x</AddtlNtryInf>"))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        bytes[text.indexOf(">x<") + 1] = (byte) 0xC3;
        bytes[text.indexOf(">x<") + 2] = (byte) 0x28;

        StatementFormatException e = catchThrowableOfType(StatementFormatException.class, () -> {
            try (var parser = new CamtFormat().open(new java.io.ByteArrayInputStream(bytes), CamtXml.FILE)) {
                while (parser.next() != null) {
                    // read on
                }
            }
        });

        assertThat(e).isNotNull();
        assertThat(e.file()).isEqualTo(CamtXml.FILE);
        assertThat(e.location()).matches("/.*, line \\d+, column \\d+");
        assertThat(e.getMessage()).contains(e.location());
        assertThat(e.reason()).startsWith("not well-formed XML: Invalid UTF-8 middle byte 0x28 (at char #")
                .doesNotContain("[row,col");
    }

    @Test
    void anUnsupportedEncodingIsRejectedAtTheXmlDeclaration() {
        String xml = CamtXml.statementWithEntries("").replace("encoding=\"UTF-8\"", "encoding=\"EBCDIC-NONSENSE\"");

        StatementFormatException e = rejected(xml);

        assertThat(e.location()).isEqualTo("XML declaration, line 1, column 1");
        assertThat(e.reason()).isEqualTo("not well-formed XML: Unsupported encoding: EBCDIC-NONSENSE");
    }

    private static StatementFormatException rejected(String xml) {
        StatementFormatException e = catchThrowableOfType(StatementFormatException.class, () -> CamtXml.events(xml));
        assertThat(e).as("rejection").isNotNull();
        assertThat(e.file()).isEqualTo(CamtXml.FILE);
        assertThat(e.getMessage()).startsWith(CamtXml.FILE + ": ");
        assertThat(e.reason()).doesNotContain("[row,col", "ParseError", "Message:");
        return e;
    }
}
