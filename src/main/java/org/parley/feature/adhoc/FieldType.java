package org.parley.feature.adhoc;

/** XEP-0004 §3.3 field types. */
public enum FieldType {
    BOOLEAN, FIXED, HIDDEN, JID_MULTI, JID_SINGLE, LIST_MULTI, LIST_SINGLE, TEXT_MULTI, TEXT_PRIVATE, TEXT_SINGLE;

    public String xml() {
        return name().toLowerCase().replace('_', '-');
    }

    /** The type named on the wire; unknown names are treated as text-single (XEP-0004 §3.3). */
    public static FieldType parse(String xml) {
        for (FieldType t : values()) {
            if (t.xml().equals(xml)) {
                return t;
            }
        }
        return TEXT_SINGLE;
    }
}
