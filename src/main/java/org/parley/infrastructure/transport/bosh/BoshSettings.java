package org.parley.infrastructure.transport.bosh;

import org.parley.config.ParleyConfig;

/**
 * Server-side limits of BOSH sessions ({@code parley.bosh.*}); each session negotiates its own values within
 * them ({@link Negotiated}). Times in seconds.
 *
 * @param waitMax        longest a request is held ({@code wait} never exceeds it)
 * @param inactivity     longest time without a pending request before the session ends
 * @param maxPause       longest pause a client may ask for ({@code maxpause})
 * @param holdMax        most requests held at once ({@code hold} never exceeds it)
 * @param requests       simultaneous requests allowed; 0: hold + 1 (always at least hold + 1)
 * @param polling        shortest polling interval of sessions that do not hold requests (hold=0)
 * @param maxBodyBytes   largest request body
 * @param maxStanzaBytes largest stanza inside a body
 * @param maxQueueChars  undelivered output of one session before it ends with resource-constraint
 * @param gapSeconds     how long a request waits for a missing lower rid before that rid counts as lost
 * @param corsOrigins    comma-separated origins allowed to call the endpoint from a browser, or {@code *}
 * @param assumeSecure   requests arrive through a TLS-terminating proxy: sessions count as encrypted
 */
public record BoshSettings(int waitMax, int inactivity, int maxPause, int holdMax, int requests, int polling,
                           int maxBodyBytes, int maxStanzaBytes, int maxQueueChars, int gapSeconds,
                           String corsOrigins, boolean assumeSecure) {

    public BoshSettings {
        if (waitMax < 1 || inactivity < 1 || holdMax < 0 || polling < 0 || maxPause < 0 || gapSeconds < 1) {
            throw new IllegalArgumentException("BOSH times must be positive");
        }
        if (maxBodyBytes < 1024 || maxStanzaBytes < 1024 || maxQueueChars < 1024) {
            throw new IllegalArgumentException("BOSH size limits are too small");
        }
    }

    public static BoshSettings fromConfig() {
        int stanza = ParleyConfig.maxStanzaBytes();
        return new BoshSettings(
                ParleyConfig.getInt("bosh.wait.max", 60),
                ParleyConfig.getInt("bosh.inactivity", 60),
                ParleyConfig.getInt("bosh.maxpause", 120),
                ParleyConfig.getInt("bosh.hold.max", 1),
                ParleyConfig.getInt("bosh.requests", 0),
                ParleyConfig.getInt("bosh.polling", 2),
                ParleyConfig.getInt("bosh.max.body.bytes", stanza),
                stanza,
                ParleyConfig.getInt("bosh.max.queue.bytes", Math.max(2 * 1024 * 1024, 4 * stanza)),
                ParleyConfig.getInt("bosh.gap.seconds", 10),
                ParleyConfig.get("bosh.cors.origins", ParleyConfig.get("web.origins", "*")),
                ParleyConfig.getBool("bosh.assume.secure", false));
    }
}
