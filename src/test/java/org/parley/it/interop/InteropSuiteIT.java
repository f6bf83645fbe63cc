package org.parley.it.interop;

import org.junit.jupiter.api.Test;
import org.parley.it.support.ItConfig;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs the XMPP interop suite (org.igniterealtime.smack:smack-integration-test:4.5.0-beta5) against the started
 * server and requires every test to pass except those {@link InteropExclusions} lists with a reason.
 *
 * <p>The suite needs Smack 4.5, the other ITs use Smack 4.4.8: two versions of the same classes cannot share
 * a classpath, so the suite runs in a separate JVM whose classpath is resolved from src/test/interop/pom.xml
 * (see {@link InteropClasspath}). The launcher there builds the suite's configuration programmatically: domain
 * {@code localhost}, connections to 127.0.0.1 on {@code parley.c2s.port} without TLS, accounts created with
 * the admin's XEP-0133 commands. A summary goes to stdout and target/interop-summary.txt.
 *
 * <p>Options (system properties): {@code parley.interop.enabledTests}, {@code parley.interop.disabledTests}
 * (the suite's syntax), {@code parley.interop.replyTimeout} (ms, default 15000),
 * {@code parley.interop.timeout.minutes} (default 30), {@code parley.interop.debugger} (none/console),
 * {@code parley.interop.websocket=false} (leave out the WebSocket connection types, which otherwise use
 * ws://host:parley.http.port/xmpp-websocket).
 */
class InteropSuiteIT {
    private static final String LAUNCHER = "org.parley.it.interop.launcher.SinttestLauncher";

    record Result(String status, String className, String method, String connection, String name, String reason) {
        static Result parse(String line) {
            String[] f = line.split("\t", -1);
            return new Result(f[0], f[1], f[2], f[3], f[4], f.length > 5 ? f[5] : "");
        }
    }

    @Test
    void interopSuitePasses() throws Exception {
        String classpath = InteropClasspath.resolve();
        Path launcherClasses = InteropClasspath.compileLauncher(classpath);
        Path target = InteropClasspath.target();
        Path results = target.resolve("interop-results.tsv");
        Path log = target.resolve("interop-run.log");
        Files.deleteIfExists(results);

        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Dinterop.results=" + results);
        cmd.add("-Dinterop.service=" + ItConfig.domain());
        cmd.add("-Dinterop.host=" + ItConfig.host());
        cmd.add("-Dinterop.port=" + ItConfig.c2sPort());
        cmd.add("-Dinterop.admin.username=" + ItConfig.adminUsername());
        cmd.add("-Dinterop.admin.password=" + ItConfig.adminPassword());
        if (webSocketEnabled()) {
            cmd.add("-Dinterop.websocket=" + webSocketUrl());
        }
        passOn(cmd, "parley.interop.enabledTests", "interop.enabledTests");
        passOn(cmd, "parley.interop.disabledTests", "interop.disabledTests");
        passOn(cmd, "parley.interop.replyTimeout", "interop.replyTimeout");
        passOn(cmd, "parley.interop.debugger", "interop.debugger");
        cmd.add("-cp");
        cmd.add(launcherClasses + File.pathSeparator + classpath);
        cmd.add(LAUNCHER);

        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long minutes = Long.parseLong(System.getProperty("parley.interop.timeout.minutes", "30"));
        if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("the interop suite did not finish within " + minutes + " minutes; see " + log);
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        if (!Files.exists(results)) {
            fail("the interop suite wrote no results (exit " + p.exitValue() + "); last lines of " + log + ":\n"
                    + tail(log, 40));
        }
        List<Result> all = Files.readAllLines(results, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).map(Result::parse).toList();
        String summary = summarise(all, seconds);
        System.out.println(summary);
        Files.writeString(target.resolve("interop-summary.txt"), summary, StandardCharsets.UTF_8);

        List<String> problems = new ArrayList<>();
        for (Result r : all) {
            if ("ABORTED".equals(r.status)) {
                problems.add("the suite aborted: " + r.reason);
            } else if ("FAILED".equals(r.status) && InteropExclusions.reason(r.className, r.method) == null) {
                problems.add(r.name + ": " + r.reason);
            }
        }
        if (all.stream().noneMatch(r -> "PASSED".equals(r.status))) {
            problems.add("no interop test passed at all; see " + log);
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " interop test(s) failed that must pass:\n  " + String.join("\n  ", problems)
                    + "\n(full summary in target/interop-summary.txt, run log in " + log + ")");
        }
    }

    /** RFC 7395 endpoint of the server under test; parley.interop.websocket=false leaves WebSocket out. */
    static boolean webSocketEnabled() {
        return !"false".equals(System.getProperty("parley.interop.websocket"));
    }

    static String webSocketUrl() {
        return "ws://" + ItConfig.host() + ":" + ItConfig.httpPort() + "/xmpp-websocket";
    }

    private static void passOn(List<String> cmd, String from, String to) {
        String v = System.getProperty(from);
        if (v != null && !v.isBlank()) {
            cmd.add("-D" + to + "=" + v);
        }
    }

    static String summarise(List<Result> all, long seconds) {
        List<Result> passed = filter(all, "PASSED");
        List<Result> failed = filter(all, "FAILED");
        List<Result> notPossible = filter(all, "NOT_POSSIBLE");
        List<Result> impossible = filter(all, "IMPOSSIBLE_CLASS");
        List<Result> aborted = filter(all, "ABORTED");
        List<Result> unexpected = failed.stream()
                .filter(r -> InteropExclusions.reason(r.className, r.method) == null).toList();
        List<Result> expected = failed.stream()
                .filter(r -> InteropExclusions.reason(r.className, r.method) != null).toList();
        List<Result> stale = passed.stream()
                .filter(r -> InteropExclusions.reason(r.className, r.method) != null).toList();
        int ran = passed.size() + failed.size() + notPossible.size();

        StringBuilder sb = new StringBuilder();
        sb.append("XMPP interop suite (smack-integration-test 4.5.0-beta5) against ").append(ItConfig.domain())
                .append(" at ").append(ItConfig.host()).append(':').append(ItConfig.c2sPort())
                .append(" in ").append(seconds).append(" s\n");
        sb.append("ran ").append(ran).append(": passed ").append(passed.size()).append(", failed ")
                .append(failed.size()).append(" (").append(unexpected.size()).append(" unexpected, ")
                .append(expected.size()).append(" excluded), not runnable ").append(notPossible.size())
                .append("; test classes not runnable: ").append(impossible.size()).append('\n');
        sb.append(webSocketEnabled() ? "WebSocket connection types at " + webSocketUrl()
                : "not run: WebSocket connection types (parley.interop.websocket=false)").append('\n');
        section(sb, "ABORTED", aborted, false);
        section(sb, "FAILED (must pass)", unexpected, false);
        section(sb, "FAILED (excluded)", expected, true);
        section(sb, "NOT RUNNABLE (the suite found the feature missing)", notPossible, false);
        section(sb, "TEST CLASSES NOT RUNNABLE", impossible, false);
        section(sb, "PASSED although excluded (remove the exclusion)", stale, true);
        sb.append("\nPASSED:\n");
        passed.stream().map(Result::name).sorted().forEach(n -> sb.append("  ").append(n).append('\n'));
        return sb.toString();
    }

    private static void section(StringBuilder sb, String title, List<Result> rs, boolean withExclusion) {
        if (rs.isEmpty()) {
            return;
        }
        sb.append('\n').append(title).append(":\n");
        Map<String, Result> sorted = new TreeMap<>();
        rs.forEach(r -> sorted.put(r.name + "#" + sorted.size(), r));
        for (Result r : sorted.values()) {
            sb.append("  ").append(r.name);
            if (withExclusion) {
                sb.append("  [").append(InteropExclusions.reason(r.className, r.method)).append(']');
            }
            if (!r.reason.isBlank()) {
                sb.append("\n      ").append(abbreviate(r.reason, 600));
            }
            sb.append('\n');
        }
    }

    private static List<Result> filter(List<Result> all, String status) {
        return all.stream().filter(r -> status.equals(r.status)).toList();
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }

    private static String tail(Path file, int lines) throws IOException {
        if (!Files.exists(file)) {
            return "(no log)";
        }
        List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
