package org.parley.application;

import org.junit.jupiter.api.Test;
import org.parley.feature.announce.AnnounceSettings;
import org.parley.feature.disco.ContactSettings;
import org.parley.feature.offline.OfflineSettings;
import org.parley.xmpp.core.StreamSettings;
import org.parley.xmpp.spi.HostSettings;
import org.parley.xmpp.spi.HostSettings.TlsMode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalog: stored text ↔ typed settings, plain (JSON) updates, rules. */
class HostSettingCatalogTest {
    private final HostSettings defaults = HostSettings.defaults("example.org");

    @Test
    void storedTextRoundTripsAndLeavesUnknownNamesAlone() {
        HostSettings s = defaults.with(StreamSettings.TLS_MODE, TlsMode.REQUIRED)
                .with(OfflineSettings.MAX_OFFLINE_MESSAGES, 7).with(AnnounceSettings.MOTD, "hi\nthere")
                .with(ContactSettings.ABUSE, List.of("mailto:a@example.org", "xmpp:a@example.org"));
        Map<String, String> stored = new HashMap<>(Map.of("mucEnabled", "true", "motd", "old"));
        HostSettingCatalog.store(s, stored);
        assertEquals("REQUIRED", stored.get("tlsMode"));
        assertEquals("7", stored.get("maxOfflineMessages"));
        assertEquals("262144", stored.get("maxStanzaBytes"), "defaults are stored explicitly");
        assertEquals("mailto:a@example.org\nxmpp:a@example.org", stored.get("abuseAddresses"));
        assertFalse(stored.containsKey("supportAddresses"), "no value, no row");
        assertEquals("true", stored.get("mucEnabled"), "a name the catalog does not list is kept");
        assertEquals(s, HostSettingCatalog.load("example.org", stored));
        HostSettingCatalog.store(s.with(AnnounceSettings.MOTD, null), stored);
        assertFalse(stored.containsKey("motd"));
    }

    @Test
    void anUnreadableStoredValueFallsBackToTheDefault() {
        HostSettings s = HostSettingCatalog.load("example.org", Map.of("maxOfflineMessages", "many", "autoApprove", "true"));
        assertEquals(100, s.get(OfflineSettings.MAX_OFFLINE_MESSAGES));
        assertTrue(s.get(org.parley.feature.presence.SubscriptionSettings.AUTO_APPROVE));
    }

    @Test
    void plainUpdatesAreTypedAndCheckedAndNameTheSetting() {
        HostSettings s = HostSettingCatalog.merge(defaults, Map.of("tlsMode", "disabled", "maxStanzaBytes", 4096,
                "abuseAddresses", List.of("mailto:x@example.org")));
        assertEquals(TlsMode.DISABLED, s.get(StreamSettings.TLS_MODE));
        assertEquals(4096, s.get(StreamSettings.MAX_STANZA_BYTES));
        assertEquals(List.of("mailto:x@example.org"), s.get(ContactSettings.ABUSE));
        assertEquals("maxStanzaBytes", bad(Map.of("maxStanzaBytes", 10)));
        assertEquals("maxStanzaBytes", bad(Map.of("maxStanzaBytes", 1.5)));
        assertEquals("maxOfflineMessages", bad(Map.of("maxOfflineMessages", -1)));
        assertEquals("autoApprove", bad(Map.of("autoApprove", "yes")));
        assertEquals("motd", bad(Map.of("motd", "m".repeat(4001))));
        assertEquals("abuseAddresses", bad(Map.of("abuseAddresses", List.of("abuse@example.org"))));
        assertEquals("abuseAddresses", bad(Map.of("abuseAddresses", "mailto:x@example.org")));
        assertEquals("mucEnabled", bad(Map.of("mucEnabled", true)), "no MUC service yet: not a setting");
        assertEquals("federationEnabled", bad(Map.of("federationEnabled", false)));
    }

    private String bad(Map<String, Object> plain) {
        return assertThrows(HostSettingCatalog.BadSetting.class, () -> HostSettingCatalog.merge(defaults, plain)).name();
    }

    @Test
    void plainViewListsEverySettingInCatalogOrder() {
        Map<String, Object> plain = HostSettingCatalog.toPlain(defaults);
        assertEquals(HostSettingCatalog.ALL.stream().map(d -> d.name()).toList(), List.copyOf(plain.keySet()));
        assertEquals("OPTIONAL", plain.get("tlsMode"));
        assertNull(plain.get("motd"));
        assertEquals(List.of(), plain.get("supportAddresses"));
    }

    @Test
    void changedAndProblems() {
        HostSettings next = defaults.with(OfflineSettings.MAX_OFFLINE_MESSAGES, 5);
        assertEquals(List.of(OfflineSettings.MAX_OFFLINE_MESSAGES), HostSettingCatalog.changed(defaults, next));
        assertNull(HostSettingCatalog.firstProblem(next));
        assertEquals(StreamSettings.MAX_STANZA_BYTES,
                HostSettingCatalog.firstProblem(defaults.with(StreamSettings.MAX_STANZA_BYTES, 5)).setting());
    }
}
