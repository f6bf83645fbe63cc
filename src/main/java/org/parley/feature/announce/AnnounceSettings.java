package org.parley.feature.announce;

import org.parley.xmpp.spi.setting.HostSetting;
import org.parley.xmpp.spi.setting.SettingTypes;

/** Per-domain settings of announcements. */
public final class AnnounceSettings {
    private AnnounceSettings() {
    }

    /** The database column's size. */
    public static final int MAX_MOTD = 4000;

    public static final HostSetting<String> MOTD = HostSetting.of("motd", SettingTypes.text(MAX_MOTD), null,
            "Message of the day", "Sent to every user of the domain when they log in (null: none)");
}
