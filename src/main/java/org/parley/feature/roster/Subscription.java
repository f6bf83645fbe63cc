package org.parley.feature.roster;

/** The 'subscription' attribute of a roster item (RFC 6121 §2.1.2.5): who receives whose presence. */
public enum Subscription {
    /** Neither side receives the other's presence. */
    NONE(false, false),
    /** The user receives the contact's presence. */
    TO(true, false),
    /** The contact receives the user's presence. */
    FROM(false, true),
    BOTH(true, true);

    private final boolean to;
    private final boolean from;

    Subscription(boolean to, boolean from) {
        this.to = to;
        this.from = from;
    }

    public boolean hasTo() {
        return to;
    }

    public boolean hasFrom() {
        return from;
    }

    public static Subscription of(boolean to, boolean from) {
        return to ? (from ? BOTH : TO) : (from ? FROM : NONE);
    }

    public Subscription withTo(boolean value) {
        return of(value, from);
    }

    public Subscription withFrom(boolean value) {
        return of(to, value);
    }

    /** The attribute value ("none", "to", "from", "both"). */
    public String xmlValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Subscription parse(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
