package org.parley.application;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/admin.md's host settings table is the catalog's (regenerate it with HostSettingsDocs.table()). */
class HostSettingsDocsTest {

    @Test
    void theDocsTableIsTheCatalogs() throws Exception {
        String doc = Files.readString(Path.of("docs/admin.md"), StandardCharsets.UTF_8);
        int start = doc.indexOf(HostSettingsDocs.START);
        int end = doc.indexOf(HostSettingsDocs.END);
        assertTrue(start >= 0 && end > start, "docs/admin.md has the generated table's markers");
        String table = doc.substring(start + HostSettingsDocs.START.length(), end).strip() + "\n";
        assertEquals(HostSettingsDocs.table(), table,
                "docs/admin.md disagrees with the host setting catalog: paste HostSettingsDocs.table() there");
    }

    @Test
    void everySettingHasARow() {
        String table = HostSettingsDocs.table();
        for (var s : HostSettingCatalog.ALL) {
            assertTrue(table.contains("| `" + s.name() + "` |"), s.name());
        }
        assertTrue(!table.contains("mucEnabled") && !table.contains("federationEnabled"), "hidden until they act");
    }
}
