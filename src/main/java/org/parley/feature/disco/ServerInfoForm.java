package org.parley.feature.disco;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.parley.xmpp.spi.HostSettings;
import org.parley.xmpp.spi.setting.HostSetting;

import java.util.List;

/**
 * XEP-0157 (Contact Addresses for XMPP Services): the {@code http://jabber.org/network/serverinfo} extended
 * form (XEP-0128) of a domain's disco#info, or null when the domain lists no address.
 */
final class ServerInfoForm {
    static final String FORM_TYPE = "http://jabber.org/network/serverinfo";
    static final String DATA = "jabber:x:data";

    private ServerInfoForm() {
    }

    static Element of(HostSettings settings) {
        if (ContactSettings.ALL.stream().allMatch(s -> settings.get(s).isEmpty())) {
            return null;
        }
        Element x = DocumentHelper.createElement(QName.get("x", DATA)).addAttribute("type", "result");
        Element type = x.addElement("field", DATA).addAttribute("var", "FORM_TYPE").addAttribute("type", "hidden");
        type.addElement("value", DATA).setText(FORM_TYPE);
        for (HostSetting<List<String>> s : ContactSettings.ALL) {
            List<String> addresses = settings.get(s);
            if (!addresses.isEmpty()) {
                Element field = x.addElement("field", DATA).addAttribute("var", ContactSettings.formVar(s))
                        .addAttribute("type", "list-multi");
                for (String a : addresses) {
                    field.addElement("value", DATA).setText(a);
                }
            }
        }
        return x;
    }
}
