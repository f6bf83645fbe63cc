package org.parley.api;

/** Broadcasts to the online users of a domain and its message of the day. */
public interface AnnouncementOperations {
    /** A headline to every available session of the domain; returns how many sessions got it. */
    int announce(String domain, String subject, String body);

    /** The domain's message of the day, or null. */
    String motd(String domain);

    /** Sets the message of the day (null or blank deletes it); users get it at their next login. */
    void setMotd(String domain, String text);
}
