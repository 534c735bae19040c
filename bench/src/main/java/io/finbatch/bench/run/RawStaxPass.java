package io.finbatch.bench.run;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import org.codehaus.stax2.XMLInputFactory2;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The XML limit: a StAX reader walking every event of the file and reading nothing but element names, to count
 * {@code Ntry}. No text is copied out. Two parsers: the JDK's own ({@code XMLInputFactory.newDefaultFactory()},
 * which our camt parser used up to 2026-11) and Woodstox, the one it uses now, with the settings of the readers'
 * {@code SecureXmlInputFactory} (Woodstox's classes come embedded in the readers jar).
 */
public final class RawStaxPass implements BenchTask {

    public enum Parser { JDK, WOODSTOX }

    private final Parser parser;

    public RawStaxPass(Parser parser) {
        this.parser = parser;
    }

    private XMLInputFactory factory() {
        XMLInputFactory factory = parser == Parser.JDK ? XMLInputFactory.newDefaultFactory() : new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        if (parser == Parser.WOODSTOX) {
            factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, 1000);
            factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, 128 * 1024);
            factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, 64 * 1024);
            factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, 100);
            factory.setProperty(XMLInputFactory2.P_LAZY_PARSING, true);
            factory.setProperty(XMLInputFactory2.P_PRESERVE_LOCATION, true);
        }
        return factory;
    }

    @Override
    public TaskResult run(Path file) throws Exception {
        XMLInputFactory factory = factory();
        long entries = 0;
        long statements = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if (name.equals("Ntry")) {
                        entries++;
                    } else if (name.equals("Stmt")) {
                        statements++;
                    }
                }
            }
            xml.close();
        }
        return new TaskResult(statements, entries, 0, BigDecimal.ZERO, 0, 0, null);
    }
}
