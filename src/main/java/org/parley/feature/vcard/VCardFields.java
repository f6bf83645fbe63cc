package org.parley.feature.vcard;

import org.dom4j.Element;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The common fields of a stored vcard-temp vCard (XEP-0054) as label/value pairs, in a fixed order, for people
 * to read (the admin console). Values are plain text; whoever shows them escapes them. A vCard that does not
 * parse gives no fields (the raw XML is still there to look at).
 */
public final class VCardFields {
    /** At most this many fields and characters per value: a vCard is user data of any size. */
    static final int MAX_FIELDS = 40;
    static final int MAX_VALUE = 500;

    /** One line of the list: e.g. "Email (work)" and "juliet@example.org". */
    public record Field(String label, String value) implements Serializable {
    }

    private VCardFields() {
    }

    public static List<Field> of(String xml) {
        if (xml == null || xml.isBlank()) {
            return List.of();
        }
        Element vcard;
        try {
            vcard = StoredXml.parse(xml);
        } catch (IllegalStateException notXml) {
            return List.of();
        }
        List<Field> fields = new ArrayList<>();
        text(fields, "Full name", vcard.element("FN"));
        Element n = vcard.element("N");
        if (n != null) {
            add(fields, "Name", join(" ", n, "PREFIX", "GIVEN", "MIDDLE", "FAMILY", "SUFFIX"));
        }
        text(fields, "Nickname", vcard.element("NICKNAME"));
        for (Element email : vcard.elements("EMAIL")) {
            String address = email.elementTextTrim("USERID");
            add(fields, label("Email", email, "HOME", "WORK"), address != null ? address : email.getTextTrim());
        }
        for (Element tel : vcard.elements("TEL")) {
            add(fields, label("Phone", tel, "HOME", "WORK", "CELL", "VOICE", "FAX", "PAGER", "MSG", "VIDEO"),
                    tel.elementTextTrim("NUMBER"));
        }
        text(fields, "XMPP address", vcard.element("JABBERID"));
        Element org = vcard.element("ORG");
        if (org != null) {
            add(fields, "Organisation", join(", ", org, "ORGNAME", "ORGUNIT"));
        }
        text(fields, "Title", vcard.element("TITLE"));
        text(fields, "Role", vcard.element("ROLE"));
        for (Element url : vcard.elements("URL")) {
            text(fields, "Web site", url);
        }
        text(fields, "Birthday", vcard.element("BDAY"));
        for (Element adr : vcard.elements("ADR")) {
            add(fields, label("Address", adr, "HOME", "WORK"),
                    join(", ", adr, "POBOX", "EXTADD", "STREET", "LOCALITY", "REGION", "PCODE", "CTRY"));
        }
        text(fields, "About", vcard.element("DESC"));
        return fields.size() > MAX_FIELDS ? List.copyOf(fields.subList(0, MAX_FIELDS)) : List.copyOf(fields);
    }

    private static void text(List<Field> fields, String label, Element e) {
        if (e != null) {
            add(fields, label, e.getTextTrim());
        }
    }

    private static void add(List<Field> fields, String label, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        String v = value.strip();
        fields.add(new Field(label, v.length() > MAX_VALUE ? v.substring(0, MAX_VALUE) + "…" : v));
    }

    /** "Phone (work, cell)": the type flags (empty elements) the vCard set, of those named. */
    private static String label(String base, Element e, String... flags) {
        StringJoiner kinds = new StringJoiner(", ", " (", ")").setEmptyValue("");
        for (String flag : flags) {
            if (e.element(flag) != null) {
                kinds.add(flag.toLowerCase(Locale.ROOT));
            }
        }
        return base + kinds;
    }

    private static String join(String separator, Element parent, String... children) {
        StringJoiner j = new StringJoiner(separator);
        for (String child : children) {
            for (Element c : parent.elements(child)) {
                String t = c.getTextTrim();
                if (!t.isEmpty()) {
                    j.add(t);
                }
            }
        }
        return j.toString();
    }
}
