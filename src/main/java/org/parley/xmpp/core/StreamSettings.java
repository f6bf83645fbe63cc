package org.parley.xmpp.core;

import org.parley.xmpp.spi.HostSettings.TlsMode;
import org.parley.xmpp.spi.setting.HostSetting;
import org.parley.xmpp.spi.setting.SettingTypes;

/** Per-domain settings read by the stream itself (all transports). */
public final class StreamSettings {
    private StreamSettings() {
    }

    public static final HostSetting<TlsMode> TLS_MODE = HostSetting.of("tlsMode",
            SettingTypes.oneOf(TlsMode.class), TlsMode.OPTIONAL, "TLS",
            "STARTTLS: DISABLED not offered, OPTIONAL offered, REQUIRED before authentication and registration "
                    + "(direct TLS and HTTPS count as encrypted)")
            .newStreamsOnly();

    /** Below this a stream header or a normal presence could not get through. */
    public static final int MIN_STANZA_BYTES = 1024;

    public static final HostSetting<Integer> MAX_STANZA_BYTES = HostSetting.of("maxStanzaBytes",
            SettingTypes.integer(MIN_STANZA_BYTES, Integer.MAX_VALUE), 262144, "Largest stanza (bytes)",
            "Largest stanza a client of the domain may send, on every transport (larger: policy-violation); "
                    + "parley.stanza.max.bytes caps it for the whole server")
            .serverAdminOnly();
}
