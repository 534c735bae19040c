package io.finbatch.bench.run;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The XML limit: the JDK's StAX reader (the one our camt parser uses, with the same settings) walking every
 * event of the file and reading nothing but element names, to count {@code Ntry}. No text is copied out.
 */
public final class RawStaxPass implements BenchTask {

    @Override
    public TaskResult run(Path file) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
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
