package org.parley.feature.vcard;

import org.dom4j.Document;
import org.dom4j.DocumentException;
import org.dom4j.Element;
import org.dom4j.io.SAXReader;
import org.xml.sax.SAXException;

import java.io.StringReader;

/** Elements stored as text: serialised with their namespace declarations, parsed back without DTDs. */
final class StoredXml {
    private StoredXml() {
    }

    static String toXml(Element element) {
        return element.createCopy().asXML();
    }

    static Element parse(String xml) {
        try {
            SAXReader reader = SAXReader.createDefault();
            reader.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = reader.read(new StringReader(xml));
            return doc.getRootElement().createCopy();
        } catch (DocumentException | SAXException e) {
            throw new IllegalStateException("stored XML does not parse", e);
        }
    }
}
