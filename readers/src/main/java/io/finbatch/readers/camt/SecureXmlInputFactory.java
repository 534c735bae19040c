package io.finbatch.readers.camt;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

/**
 * The JDK's own StAX implementation, hardened against hostile XML: no DTD processing, no external
 * entities, no entity replacement, no access to external resources. A document that carries a
 * DOCTYPE is rejected by the reader as soon as the DTD event shows up.
 *
 * <p>{@link XMLInputFactory#newDefaultFactory()} is used on purpose: {@code newInstance()} would pick up
 * any StAX implementation found on the classpath (e.g. Woodstox) with different defaults.
 */
final class SecureXmlInputFactory {

    private SecureXmlInputFactory() {
    }

    static XMLInputFactory create() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        setIfSupported(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        setIfSupported(factory, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not allowed: " + systemId);
        });
        return factory;
    }

    private static void setIfSupported(XMLInputFactory factory, String property, Object value) {
        try {
            factory.setProperty(property, value);
        } catch (IllegalArgumentException unsupported) {
            // DTDs are off anyway; this is a second line of defence only
        }
    }
}
