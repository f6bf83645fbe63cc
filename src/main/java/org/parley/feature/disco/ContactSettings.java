package org.parley.feature.disco;

import org.parley.xmpp.spi.setting.HostSetting;
import org.parley.xmpp.spi.setting.SettingTypes;

import java.util.List;

/**
 * XEP-0157 contact addresses of a domain, published in its disco#info as the
 * {@code http://jabber.org/network/serverinfo} form. Each is a list of mailto:, xmpp:, http(s): or tel: URIs.
 */
public final class ContactSettings {
    private ContactSettings() {
    }

    /** Per field; also keeps a field's stored text within the value column. */
    public static final int MAX_ADDRESSES = 5;

    public static final HostSetting<List<String>> ABUSE = field("abuse", "Abuse reports");
    public static final HostSetting<List<String>> ADMIN = field("admin", "The server's administrators");
    public static final HostSetting<List<String>> FEEDBACK = field("feedback", "Feedback from users");
    public static final HostSetting<List<String>> SALES = field("sales", "Sales enquiries");
    public static final HostSetting<List<String>> SECURITY = field("security", "Security reports");
    public static final HostSetting<List<String>> STATUS = field("status", "Service status (e.g. a status page)");
    public static final HostSetting<List<String>> SUPPORT = field("support", "Help for users");

    /** In the order of XEP-0157's registry. */
    public static final List<HostSetting<List<String>>> ALL =
            List.of(ABUSE, ADMIN, FEEDBACK, SALES, SECURITY, STATUS, SUPPORT);

    /** The form field of a setting: "abuseAddresses" is "abuse-addresses". */
    static String formVar(HostSetting<List<String>> setting) {
        return setting.name().replace("Addresses", "-addresses");
    }

    private static HostSetting<List<String>> field(String kind, String what) {
        return HostSetting.of(kind + "Addresses",
                SettingTypes.uris(MAX_ADDRESSES, "mailto", "xmpp", "http", "https", "tel"), List.of(),
                "Contact: " + kind + " (one URI per line)",
                "XEP-0157 " + kind + "-addresses in disco#info: " + what);
    }
}
