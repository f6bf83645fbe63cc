package org.parley.infrastructure.transport.bosh;

import java.util.regex.Pattern;

/**
 * The parameters of one session (XEP-0124 §7.1-7.2): what the client asked for, within the server's limits.
 *
 * @param waitSeconds seconds a request may be held
 * @param hold        requests held at once (0: a polling session)
 * @param requests    simultaneous requests allowed (always more than hold)
 * @param inactivity  seconds without a pending request before the session ends
 * @param polling     shortest interval between empty polls of a polling session
 * @param maxPause    longest pause the client may request
 * @param ver         BOSH version spoken: the lower of the client's and ours
 * @param legacy      the client sent no {@code ver}: errors also carry HTTP error codes (§17.1)
 * @param contentType Content-Type of every response ({@code content} attribute, else text/xml)
 * @param acks        the client acknowledges responses ('ack' on its creation request, §9.2)
 */
record Negotiated(int waitSeconds, int hold, int requests, int inactivity, int polling, int maxPause, String ver,
                  boolean legacy, String contentType, boolean acks) {
    static final String VERSION = "1.11";
    static final String DEFAULT_CONTENT_TYPE = "text/xml; charset=utf-8";
    private static final Pattern CONTENT_TYPE = Pattern.compile("[A-Za-z0-9!#$&^_.+\\-]+/[A-Za-z0-9!#$&^_.+\\-]+"
            + "(\\s*;\\s*[A-Za-z0-9_\\-]+=[A-Za-z0-9_.\\-\"]+)*");

    static Negotiated of(BoshRequest request, BoshSettings s) {
        Long askedWait = BoshRequest.number(request.attribute("wait"));
        int wait = (int) Math.min(askedWait == null ? s.waitMax() : askedWait, s.waitMax());
        Long askedHold = BoshRequest.number(request.attribute("hold"));
        int hold = (int) Math.min(askedHold == null ? 1 : askedHold, s.holdMax());
        if (wait == 0) {
            hold = 0; // a client that cannot wait polls
        }
        int requests = Math.max(hold + 1, s.requests());
        // polling sessions are idle between polls by design: allow a little more (§10)
        int inactivity = hold == 0 ? s.inactivity() + 2 * s.polling() : s.inactivity();
        String asked = request.attribute("ver");
        String ver = asked == null || parse(asked) == null || compare(asked, VERSION) > 0 ? VERSION : asked;
        String content = request.attribute("content");
        String contentType = content != null && content.length() <= 100 && CONTENT_TYPE.matcher(content).matches()
                ? content : DEFAULT_CONTENT_TYPE;
        return new Negotiated(wait, hold, requests, inactivity, s.polling(), s.maxPause(), ver, asked == null,
                contentType, request.attribute("ack") != null);
    }

    /** Compares readable "major.minor" versions numerically (1.11 > 1.6). */
    static int compare(String a, String b) {
        long[] x = parse(a);
        long[] y = parse(b);
        return x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]);
    }

    /** {major, minor}, or null if {@code v} is not "digits[.digits]". */
    private static long[] parse(String v) {
        String[] parts = v.split("\\.", 2);
        Long major = BoshRequest.number(parts[0]);
        Long minor = parts.length > 1 ? BoshRequest.number(parts[1]) : Long.valueOf(0);
        return major == null || minor == null ? null : new long[] {major, minor};
    }
}
