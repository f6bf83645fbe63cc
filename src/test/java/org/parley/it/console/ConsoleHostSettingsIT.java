package org.parley.it.console;

import org.junit.jupiter.api.Test;
import org.parley.it.support.DomainSettings;
import org.parley.it.support.ItConfig;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /admin/hosts.xhtml over HTTP: the settings form has one generated field per host setting (ids = the settings'
 * names), refuses bad input per field without saving, and saves what REST then reads.
 */
class ConsoleHostSettingsIT {
    static final String[] SETTINGS = {"tlsMode", "registrationEnabled", "autoApprove", "maxOfflineMessages",
            "maxStanzaBytes", "motd", "abuseAddresses", "adminAddresses", "feedbackAddresses", "salesAddresses",
            "securityAddresses", "statusAddresses", "supportAddresses"};

    @Test
    void theFormIsGeneratedFromTheSettingsAndSaves() throws Exception {
        String domain = ItConfig.domain();
        String page = "/admin/hosts.xhtml?domain=" + URLEncoder.encode(domain, StandardCharsets.UTF_8);
        ConsoleHttp admin = new ConsoleHttp();
        assertEquals(302, admin.login(ItConfig.adminJid(), ItConfig.adminPassword()).statusCode());
        String html = admin.get(page).body();
        for (String name : SETTINGS) {
            assertTrue(html.contains("id=\"" + name + "\""), "a field for " + name + ": " + html);
        }
        assertFalse(html.contains("mucEnabled") || html.contains("federationEnabled"), "hidden until they act");
        assertTrue(html.contains("<td class=\"tlsMode\">"), "the list has a column per setting");

        String before = DomainSettings.get();
        Map<String, String> form = current(before);
        try {
            form.put("maxOfflineMessages", "-3");
            form.put("maxStanzaBytes", "lots");
            String refused = admin.submit(page, form).body();
            assertTrue(refused.matches("(?s).*id=\"maxOfflineMessagesError\"[^>]*>[^<]*at least 0.*"), refused);
            assertTrue(refused.matches("(?s).*id=\"maxStanzaBytesError\"[^>]*>[^<]*whole number.*"), refused);
            assertEquals(before, DomainSettings.get(), "nothing saved");

            form = current(before);
            form.put("abuseAddresses", "mailto:abuse@" + domain + "\nxmpp:abuse@" + domain);
            form.put("maxOfflineMessages", "77");
            HttpResponse<String> saved = admin.submit(page, form);
            assertTrue(saved.body().contains("Saved the settings of " + domain), saved.body());
            String after = DomainSettings.get();
            assertTrue(after.contains("\"abuseAddresses\":[\"mailto:abuse@" + domain + "\",\"xmpp:abuse@" + domain
                    + "\"]"), after);
            assertEquals(77, DomainSettings.integer(after, "maxOfflineMessages"));
        } finally {
            DomainSettings.put("{\"abuseAddresses\":[],\"maxOfflineMessages\":"
                    + DomainSettings.integer(before, "maxOfflineMessages") + "}");
        }
    }

    /** The form's fields with the domain's current values (check boxes only when on, as a browser sends them). */
    static Map<String, String> current(String json) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("hostSettingsForm", "hostSettingsForm");
        form.put("tlsMode", json.replaceAll("(?s).*\"tlsMode\":\"([A-Z]+)\".*", "$1"));
        for (String flag : new String[]{"registrationEnabled", "autoApprove"}) {
            if (json.contains("\"" + flag + "\":true")) {
                form.put(flag, "true");
            }
        }
        form.put("maxOfflineMessages", String.valueOf(org.parley.it.support.DomainSettings.integer(json, "maxOfflineMessages")));
        form.put("maxStanzaBytes", String.valueOf(org.parley.it.support.DomainSettings.integer(json, "maxStanzaBytes")));
        form.put("motd", json.contains("\"motd\":null") ? "" : json.replaceAll("(?s).*\"motd\":\"([^\"]*)\".*", "$1"));
        for (String name : SETTINGS) {
            if (name.endsWith("Addresses")) {
                form.put(name, "");
            }
        }
        form.put("saveHost", "Save");
        return form;
    }
}
