package io.finbatch.readers.camt;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import org.codehaus.stax2.XMLInputFactory2;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLResolver;
import javax.xml.stream.XMLStreamException;

/**
 * Woodstox, instantiated directly and hardened against hostile XML: no DTD processing, no external
 * entities, no access to external resources, and bounded memory for any input (element depth, text
 * segment, attribute size and count). A document that carries a DOCTYPE is rejected by the reader as soon
 * as the DTD event shows up; without a DTD, any entity reference other than the five predefined ones and
 * character references is a well-formedness error.
 *
 * <p>Woodstox scans camt about 1.4 times as fast as the JDK's own StAX implementation. It is created here
 * with {@code new}, never through {@link XMLInputFactory#newInstance()}, and its classes are embedded in
 * this module without their service registrations (see the readers POM): which StAX implementation the
 * rest of an application gets from {@code XMLInputFactory.newInstance()} does not change.
 */
final class SecureXmlInputFactory {

    /** Deepest element nesting accepted; a camt file is about 15 levels deep, envelopes add a few. */
    static final int MAX_ELEMENT_DEPTH = 1000;
    /**
     * Longest text segment the parser buffers: above {@link XmlCursor#MAX_TEXT_CHARS}, so that our own
     * limit on element text (with its message) applies first; it bounds comments and the like too.
     */
    static final int MAX_TEXT_SEGMENT_CHARS = 2 * XmlCursor.MAX_TEXT_CHARS;
    /** Longest attribute value; camt's attributes are currency codes and the like. */
    static final int MAX_ATTRIBUTE_CHARS = XmlCursor.MAX_TEXT_CHARS;
    static final int MAX_ATTRIBUTES_PER_ELEMENT = 100;

    private static final XMLResolver REFUSE = (publicId, systemId, baseUri, namespace) -> {
        throw new XMLStreamException("external resources are not allowed: " + systemId);
    };

    private SecureXmlInputFactory() {
    }

    static XMLInputFactory create() {
        WstxInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // Without a DTD no entity can be declared, so this replaces the predefined and character references only,
        // and makes any other reference an error ("Undeclared general entity") instead of an event the reader
        // would skip, dropping the reference from the text
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setXMLResolver(REFUSE);
        factory.setProperty(WstxInputProperties.P_DTD_RESOLVER, REFUSE);
        factory.setProperty(WstxInputProperties.P_ENTITY_RESOLVER, REFUSE);
        // entities: none can be declared without a DTD; the limits are a second line of defence
        factory.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 100L);
        factory.setProperty(WstxInputProperties.P_MAX_ENTITY_DEPTH, 2);
        factory.setProperty(WstxInputProperties.P_MAX_DTD_DEPTH, 10);
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_ELEMENT_DEPTH);
        factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, MAX_TEXT_SEGMENT_CHARS);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, MAX_ATTRIBUTE_CHARS);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, MAX_ATTRIBUTES_PER_ELEMENT);
        // text longer than the input buffer comes in segments, so a huge text node is never held whole
        factory.setProperty(XMLInputFactory2.P_LAZY_PARSING, true);
        factory.setProperty(XMLInputFactory2.P_PRESERVE_LOCATION, true);
        return factory;
    }
}
