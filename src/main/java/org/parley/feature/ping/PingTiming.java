package org.parley.feature.ping;

import org.parley.config.ParleyConfig;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a session may stay idle before the server pings it, and how long it has to answer: server-wide
 * ({@code parley.ping.interval.seconds}, {@code parley.ping.timeout.seconds}) with optional per-domain
 * overrides ({@code parley.ping.<domain>.interval.seconds}, {@code parley.ping.<domain>.timeout.seconds}),
 * e.g. shorter for a domain of mobile clients behind NATs that drop idle connections.
 */
record PingTiming(long intervalMillis, long timeoutMillis, Map<String, long[]> overrides) {
    private static final Pattern OVERRIDE = Pattern.compile("parley\\.ping\\.(.+)\\.(interval|timeout)\\.seconds");

    static PingTiming fromConfig() {
        PingTiming t = new PingTiming(seconds("ping.interval.seconds", 60), seconds("ping.timeout.seconds", 30),
                new ConcurrentHashMap<>());
        Properties props = System.getProperties();
        for (String key : props.stringPropertyNames()) {
            Matcher m = OVERRIDE.matcher(key);
            if (m.matches()) {
                long ms = TimeUnit.SECONDS.toMillis(Long.parseLong(props.getProperty(key).trim()));
                long[] pair = t.overrides.computeIfAbsent(m.group(1), d -> new long[]{t.intervalMillis, t.timeoutMillis});
                pair["interval".equals(m.group(2)) ? 0 : 1] = ms;
            }
        }
        return t;
    }

    static PingTiming uniform(long intervalMillis, long timeoutMillis) {
        return new PingTiming(intervalMillis, timeoutMillis, Map.of());
    }

    private static long seconds(String key, int dflt) {
        return TimeUnit.SECONDS.toMillis(ParleyConfig.getInt(key, dflt));
    }

    long interval(String domain) {
        long[] o = overrides.get(domain);
        return o == null ? intervalMillis : o[0];
    }

    long timeout(String domain) {
        long[] o = overrides.get(domain);
        return o == null ? timeoutMillis : o[1];
    }

    /** Whether any domain gets pinged at all (a zero or negative interval switches pings off). */
    boolean enabled() {
        return sweepEvery() > 0;
    }

    /** How often to look for idle sessions: the shortest positive interval. */
    long sweepEvery() {
        long every = intervalMillis > 0 && timeoutMillis > 0 ? intervalMillis : Long.MAX_VALUE;
        for (long[] o : overrides.values()) {
            if (o[0] > 0 && o[1] > 0) {
                every = Math.min(every, o[0]);
            }
        }
        return every == Long.MAX_VALUE ? 0 : every;
    }
}
