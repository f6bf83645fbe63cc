package org.parley.feature.offline;

import org.parley.xmpp.spi.setting.HostSetting;
import org.parley.xmpp.spi.setting.SettingTypes;

/** Per-domain settings of offline storage. */
public final class OfflineSettings {
    private OfflineSettings() {
    }

    public static final HostSetting<Integer> MAX_OFFLINE_MESSAGES = HostSetting.of("maxOfflineMessages",
            SettingTypes.integer(0, Integer.MAX_VALUE), 100, "Offline messages kept per user",
            "Messages stored per offline user; further ones are bounced with service-unavailable (0: none stored)");
}
