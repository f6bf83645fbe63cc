package org.parley.feature.privatedata;

import org.dom4j.Document;
import org.dom4j.DocumentException;
import org.dom4j.Element;
import org.dom4j.io.SAXReader;
import org.xml.sax.SAXException;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of one namespace's private data: its elements serialised one after the other, each with
 * its own namespace declaration; parsed back inside a wrapper, without DTDs.
 */
final class PrivateXml {
    private PrivateXml() {
    }

    static String toXml(List<Element> elements) {
        StringBuilder sb = new StringBuilder();
        for (Element e : elements) {
            sb.append(e.createCopy().asXML());
        }
        return sb.toString();
    }

    static List<Element> parse(String xml) {
        try {
            SAXReader reader = SAXReader.createDefault();
            reader.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = reader.read(new StringReader("<stored>" + xml + "</stored>"));
            List<Element> out = new ArrayList<>();
            for (Element e : doc.getRootElement().elements()) {
                out.add(e.createCopy());
            }
            return out;
        } catch (DocumentException | SAXException e) {
            throw new IllegalStateException("stored private XML does not parse", e);
        }
    }
}
