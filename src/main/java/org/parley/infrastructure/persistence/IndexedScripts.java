package org.parley.infrastructure.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Flyway's view of one dialect folder ({@code db/migration/<dialect>/} on the classpath, copied from the
 * top-level {@code sql/<dialect>/}): exactly the scripts its {@code index.txt} names, one per line
 * ({@code #} starts a comment). Classpath folders cannot be listed reliably inside WildFly, so Flyway's
 * scanner is never used.
 */
final class IndexedScripts implements ResourceProvider {

    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_\\-]+)\\.sql");

    private final Map<String, LoadableResource> byName;

    private IndexedScripts(Map<String, LoadableResource> byName) {
        this.byName = byName;
    }

    /** Reads {@code <basePath><dialect>/index.txt}; fails on a badly named or repeated version. */
    static IndexedScripts load(ClassLoader loader, String basePath, String dialect) throws IOException {
        String dir = (basePath.endsWith("/") ? basePath : basePath + "/") + dialect + "/";
        Map<String, LoadableResource> byName = new LinkedHashMap<>();
        Map<Integer, String> versions = new HashMap<>();
        for (String raw : read(loader, dir + "index.txt").split("\\R")) {
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = NAME.matcher(line);
            if (!m.matches()) {
                throw new IOException(dir + "index.txt: '" + line + "' is not named V<n>__<name>.sql");
            }
            String previous = versions.put(Integer.parseInt(m.group(1)), line);
            if (previous != null) {
                throw new IOException(dir + "index.txt: version " + m.group(1) + " used twice (" + previous
                        + ", " + line + ")");
            }
            byName.put(line, new ClasspathScript(loader, dir + line));
        }
        return new IndexedScripts(byName);
    }

    /** The listed file names, in index order. */
    List<String> names() {
        return List.copyOf(byName.keySet());
    }

    @Override
    public LoadableResource getResource(String name) {
        return byName.get(name.substring(name.lastIndexOf('/') + 1));
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> found = new ArrayList<>();
        for (Map.Entry<String, LoadableResource> e : byName.entrySet()) {
            if (e.getKey().startsWith(prefix) && endsWithAny(e.getKey(), suffixes)) {
                found.add(e.getValue());
            }
        }
        return found;
    }

    private static boolean endsWithAny(String name, String[] suffixes) {
        for (String s : suffixes) {
            if (name.endsWith(s)) {
                return true;
            }
        }
        return false;
    }

    private static String read(ClassLoader loader, String resource) throws IOException {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Missing classpath resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
