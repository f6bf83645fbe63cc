package org.parley.interfaces.console;

import org.junit.jupiter.api.Test;
import org.parley.application.HostSettingCatalog;
import org.parley.feature.disco.ContactSettings;
import org.parley.feature.offline.OfflineSettings;
import org.parley.xmpp.core.StreamSettings;
import org.parley.xmpp.spi.HostSettings;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hosts page's generated form: one field per catalogued setting, text in, typed settings out. */
class HostSettingsFormTest {
    private final HostSettings current = HostSettings.defaults("example.org");

    @Test
    void aFieldPerSettingWithItsWidget() {
        HostSettingsForm f = HostSettingsForm.of(current, true);
        assertEquals(HostSettingCatalog.ALL.stream().map(d -> d.name()).toList(),
                f.getFields().stream().map(HostSettingsForm.Field::name).toList());
        HostSettingsForm.Field tls = f.getFields().get(0);
        assertEquals("select", tls.widget());
        assertEquals(List.of("DISABLED", "OPTIONAL", "REQUIRED"), tls.choices());
        assertFalse(tls.immediate(), "TLS acts on new streams");
        assertEquals("OPTIONAL", f.getValues().get("tlsMode"));
        assertEquals(Boolean.FALSE, f.getValues().get("registrationEnabled"));
        assertEquals("262144", f.getValues().get("maxStanzaBytes"));
        assertEquals("", f.getValues().get("abuseAddresses"));
    }

    @Test
    void textBecomesTypedSettings() {
        HostSettingsForm f = HostSettingsForm.of(current, true);
        f.getValues().put("maxOfflineMessages", " 12 ");
        f.getValues().put("abuseAddresses", "mailto:a@example.org\n\n  xmpp:a@example.org  ");
        f.getValues().put("maxStanzaBytes", "8192");
        HostSettings next = f.applyTo(current);
        assertEquals(12, next.get(OfflineSettings.MAX_OFFLINE_MESSAGES));
        assertEquals(8192, next.get(StreamSettings.MAX_STANZA_BYTES));
        assertEquals(List.of("mailto:a@example.org", "xmpp:a@example.org"), next.get(ContactSettings.ABUSE));
    }

    @Test
    void everyBadFieldIsReportedAndNothingApplied() {
        HostSettingsForm f = HostSettingsForm.of(current, true);
        f.getValues().put("maxOfflineMessages", "-3");
        f.getValues().put("maxStanzaBytes", "lots");
        f.getValues().put("supportAddresses", "call us");
        HostSettingsForm.BadInput e = assertThrows(HostSettingsForm.BadInput.class, () -> f.applyTo(current));
        assertEquals(List.of("maxOfflineMessages", "maxStanzaBytes", "supportAddresses"), List.copyOf(e.problems.keySet()));
        assertTrue(e.problems.get("maxStanzaBytes").contains("whole number"), e.problems.toString());
    }

    @Test
    void aServerAdminSettingIsLockedForOtherAdminsAndKeepsItsValue() {
        HostSettingsForm f = HostSettingsForm.of(current, false);
        assertTrue(f.getFields().stream().filter(x -> x.name().equals("maxStanzaBytes")).findFirst().orElseThrow().locked());
        assertFalse(f.getFields().stream().filter(x -> x.name().equals("maxOfflineMessages")).findFirst().orElseThrow().locked());
        f.getValues().put("maxStanzaBytes", "2048"); // a forged post for the disabled field
        f.getValues().put("maxOfflineMessages", "5");
        HostSettings next = f.applyTo(current);
        assertEquals(262144, next.get(StreamSettings.MAX_STANZA_BYTES));
        assertEquals(5, next.get(OfflineSettings.MAX_OFFLINE_MESSAGES));
    }
}
