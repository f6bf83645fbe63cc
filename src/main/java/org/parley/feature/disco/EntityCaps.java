package org.parley.feature.disco;

import org.dom4j.Element;
import org.dom4j.Namespace;
import org.dom4j.QName;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * XEP-0115 §5 verification string of a disco#info answer, and its SHA-1 'ver': identities, features and
 * extended forms (XEP-0128), each sorted in "i;octet" order (byte order of UTF-8) and joined with '&lt;'.
 */
final class EntityCaps {
    static final String NS = "http://jabber.org/protocol/caps";
    static final String HASH = "sha-1";
    private static final String DATA_NS = "jabber:x:data";
    private static final QName XML_LANG = QName.get("lang", Namespace.XML_NAMESPACE);
    /** RFC 4790 i;octet: UTF-8 bytes compared unsigned (String.compareTo orders UTF-16 units, which differs). */
    private static final Comparator<String> OCTET = (a, b) ->
            Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private EntityCaps() {
    }

    /** Base64 of the SHA-1 of {@link #verificationString}: the 'ver' attribute. */
    static String ver(Element discoInfo) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest(verificationString(discoInfo).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }

    /** XEP-0115 §5.1 steps 1 to 7 over a disco#info {@code <query/>}. */
    static String verificationString(Element discoInfo) {
        StringBuilder s = new StringBuilder(512);
        List<String> identities = new ArrayList<>();
        for (Element i : discoInfo.elements("identity")) {
            identities.add(nz(i.attributeValue("category")) + '/' + nz(i.attributeValue("type")) + '/'
                    + nz(i.attributeValue(XML_LANG)) + '/' + nz(i.attributeValue("name")));
        }
        appendSorted(s, identities);
        List<String> features = new ArrayList<>();
        for (Element f : discoInfo.elements("feature")) {
            features.add(nz(f.attributeValue("var")));
        }
        appendSorted(s, features);
        List<Element> forms = new ArrayList<>();
        for (Element x : discoInfo.elements(QName.get("x", DATA_NS))) {
            if (formType(x) != null) { // §5.4: a form without FORM_TYPE is ignored
                forms.add(x);
            }
        }
        forms.sort(Comparator.comparing(EntityCaps::formType, OCTET));
        for (Element form : forms) {
            s.append(formType(form)).append('<');
            List<Element> fields = new ArrayList<>(form.elements(QName.get("field", DATA_NS)));
            fields.removeIf(f -> "FORM_TYPE".equals(f.attributeValue("var")));
            fields.sort(Comparator.comparing(f -> nz(f.attributeValue("var")), OCTET));
            for (Element field : fields) {
                s.append(nz(field.attributeValue("var"))).append('<');
                List<String> values = new ArrayList<>();
                for (Element v : field.elements(QName.get("value", DATA_NS))) {
                    values.add(v.getText());
                }
                appendSorted(s, values);
            }
        }
        return s.toString();
    }

    private static String formType(Element form) {
        for (Element f : form.elements(QName.get("field", DATA_NS))) {
            if ("FORM_TYPE".equals(f.attributeValue("var"))) {
                Element value = f.element(QName.get("value", DATA_NS));
                return value == null ? null : value.getText();
            }
        }
        return null;
    }

    private static void appendSorted(StringBuilder s, List<String> items) {
        items.sort(OCTET);
        for (String item : items) {
            s.append(item).append('<');
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
