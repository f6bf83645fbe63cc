package org.parley.feature.register;

import org.parley.xmpp.spi.setting.HostSetting;
import org.parley.xmpp.spi.setting.SettingTypes;

/** Per-domain settings of in-band registration. */
public final class RegistrationSettings {
    private RegistrationSettings() {
    }

    public static final HostSetting<Boolean> REGISTRATION_ENABLED = HostSetting.of("registrationEnabled",
            SettingTypes.bool(), false, "In-band registration (XEP-0077)",
            "Anybody may create an account with XEP-0077 (throttled per address)");
}
