package org.parley.infrastructure.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * One migration script named in an {@code index.txt}, read from the class loader by its exact path: nothing
 * is scanned, which is what makes Flyway dependable inside WildFly's virtual file system.
 */
final class ClasspathScript extends LoadableResource {

    private final ClassLoader loader;
    private final String path;
    private final String filename;

    ClasspathScript(ClassLoader loader, String path) {
        this.loader = loader;
        this.path = path;
        this.filename = path.substring(path.lastIndexOf('/') + 1);
    }

    @Override
    public Reader read() {
        InputStream in = loader.getResourceAsStream(path);
        if (in == null) {
            throw new UncheckedIOException(new IOException("Missing classpath resource " + path));
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    @Override
    public String getAbsolutePath() {
        return path;
    }

    @Override
    public String getAbsolutePathOnDisk() {
        return path;
    }

    @Override
    public String getFilename() {
        return filename;
    }

    /** What Flyway records in the {@code script} column: the bare file name, as in sql/&lt;dialect&gt;/. */
    @Override
    public String getRelativePath() {
        return filename;
    }
}
