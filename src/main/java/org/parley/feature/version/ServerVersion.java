package org.parley.feature.version;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/** The version reported by XEP-0092: from the deployment's manifest, else the built-in default. */
final class ServerVersion {
    static final String DEFAULT = "0.1.0";
    static final String TITLE = "Parley";

    private ServerVersion() {
    }

    /** Implementation-Version of our package, else of a manifest titled Parley on the class path. */
    static String find(ClassLoader loader) {
        Package p = ServerVersion.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        if (v != null && !v.isBlank()) {
            return v.trim();
        }
        try {
            Enumeration<URL> manifests = loader.getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                try (InputStream in = manifests.nextElement().openStream()) {
                    v = fromManifest(new Manifest(in));
                }
                if (v != null) {
                    return v;
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable manifests only cost the exact version
        }
        return DEFAULT;
    }

    /** Implementation-Version of a manifest whose Implementation-Title is Parley, else null. */
    static String fromManifest(Manifest manifest) {
        Attributes main = manifest.getMainAttributes();
        String title = main.getValue(Attributes.Name.IMPLEMENTATION_TITLE);
        String version = main.getValue(Attributes.Name.IMPLEMENTATION_VERSION);
        if (title == null || !TITLE.equalsIgnoreCase(title.trim()) || version == null || version.isBlank()) {
            return null;
        }
        return version.trim();
    }

    /** The 'os' field: the Java runtime and the operating system it runs on. */
    static String os() {
        return "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name");
    }
}
