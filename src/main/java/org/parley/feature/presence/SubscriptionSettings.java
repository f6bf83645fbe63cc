package org.parley.feature.presence;

import org.parley.xmpp.spi.setting.HostSetting;
import org.parley.xmpp.spi.setting.SettingTypes;

/** Per-domain settings of presence subscriptions. */
public final class SubscriptionSettings {
    private SubscriptionSettings() {
    }

    public static final HostSetting<Boolean> AUTO_APPROVE = HostSetting.of("autoApprove", SettingTypes.bool(),
            false, "Approve subscription requests automatically",
            "Subscription requests to the domain's users are approved by the server");
}
