package org.parley.feature.adhoc;

/** XEP-0050 §4.4 'action' values. */
public enum Action {
    EXECUTE, CANCEL, PREV, NEXT, COMPLETE;

    public String xml() {
        return name().toLowerCase();
    }

    /** The action named on the wire, or null if the name is not one of XEP-0050's. */
    public static Action parse(String xml) {
        for (Action a : values()) {
            if (a.xml().equals(xml)) {
                return a;
            }
        }
        return null;
    }
}
