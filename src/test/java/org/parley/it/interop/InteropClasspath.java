package org.parley.it.interop;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The interop suite's own classpath (Smack 4.5), which must not meet the Smack 4.4.8 of the test classpath.
 * Taken, in this order, from: system property {@code parley.interop.classpath} (a path list),
 * {@code parley.interop.classpath.file} (a file holding one, as written by dependency:build-classpath),
 * {@code parley.interop.lib} (a directory of jars, as filled by dependency:copy-dependencies); otherwise
 * resolved by running Maven on {@code src/test/interop/pom.xml} (offline first, online if that fails).
 */
final class InteropClasspath {
    private InteropClasspath() {
    }

    static Path basedir() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    }

    static Path target() {
        return basedir().resolve("target");
    }

    static String resolve() throws IOException, InterruptedException {
        String cp = System.getProperty("parley.interop.classpath");
        if (cp != null && !cp.isBlank()) {
            return cp.trim();
        }
        String file = System.getProperty("parley.interop.classpath.file");
        if (file != null && !file.isBlank()) {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).trim();
        }
        String lib = System.getProperty("parley.interop.lib");
        if (lib != null && !lib.isBlank()) {
            try (Stream<Path> jars = Files.list(Path.of(lib))) {
                return jars.filter(p -> p.toString().endsWith(".jar")).sorted().map(Path::toString)
                        .collect(Collectors.joining(File.pathSeparator));
            }
        }
        Path out = target().resolve("interop-classpath.txt");
        Files.createDirectories(out.getParent());
        String offlineLog = maven(true, out);
        if (offlineLog != null) {
            String onlineLog = maven(false, out);
            if (onlineLog != null) {
                throw new IllegalStateException("cannot resolve the interop suite's classpath:\n" + offlineLog
                        + "\n" + onlineLog);
            }
        }
        return Files.readString(out, StandardCharsets.UTF_8).trim();
    }

    /** Runs dependency:build-classpath on the resolver POM; null on success, else Maven's output. */
    private static String maven(boolean offline, Path out) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(mavenExecutable());
        cmd.add("-q");
        cmd.add("-B");
        if (offline) {
            cmd.add("-o");
        }
        String repo = System.getProperty("maven.repo.local", System.getProperty("localRepository"));
        if (repo != null && !repo.isBlank()) {
            cmd.add("-Dmaven.repo.local=" + repo);
        }
        cmd.add("-f");
        cmd.add(basedir().resolve("src/test/interop/pom.xml").toString());
        cmd.add("dependency:build-classpath");
        cmd.add("-Dmdep.outputFile=" + out);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return "maven timed out: " + cmd;
        }
        return p.exitValue() == 0 && Files.exists(out) ? null
                : cmd + " exited " + p.exitValue() + ":\n" + new String(output, StandardCharsets.UTF_8);
    }

    private static String mavenExecutable() {
        for (String home : new String[]{System.getProperty("maven.home"), System.getenv("MAVEN_HOME"),
                System.getenv("M2_HOME")}) {
            if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
                return Path.of(home, "bin", "mvn").toString();
            }
        }
        return "mvn";
    }

    /**
     * Compiles the launcher (src/test/interop/launcher) against the suite's classpath into
     * target/interop-launcher; it cannot be compiled with the test sources, whose classpath has Smack 4.4.8.
     */
    static Path compileLauncher(String classpath) throws IOException {
        Path src = basedir().resolve("src/test/interop/launcher");
        Path classes = target().resolve("interop-launcher");
        Files.createDirectories(classes);
        List<String> sources;
        try (Stream<Path> s = Files.walk(src)) {
            sources = s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("the interop launcher needs a JDK (no system Java compiler)");
        }
        List<String> args = new ArrayList<>(List.of("-proc:none", "-nowarn", "-encoding", "UTF-8",
                "-cp", classpath, "-d", classes.toString()));
        args.addAll(sources);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = javac.run(null, err, err, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("cannot compile the interop launcher:\n" + err.toString(StandardCharsets.UTF_8));
        }
        return classes;
    }
}
