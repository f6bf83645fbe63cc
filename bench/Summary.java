import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Side-by-side Markdown table of one benchmark run: one column per server, one row per figure.
 * Reads xmppload result lines (flat JSON objects, one per scenario). Run as a source file:
 * {@code java bench/Summary.java RESULTS.jsonl}. The last line of a (server, scenario) pair wins.
 */
public final class Summary {
    private record Row(String label, String scenario, String key, String fmt) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("idle: sessions held", "idle", "sessions_at_end", "%.0f"),
            new Row("idle: KiB per idle session", "idle", "kib_per_session", "%.1f"),
            new Row("idle: server RSS after logins (MiB)", "idle", "server_rss_kib_after_login", "mib"),
            new Row("login: logins/s", "login", "logins_per_s", "%.0f"),
            new Row("login: p50 ms", "login", "login_p50_ms", "%.1f"),
            new Row("login: p99 ms", "login", "login_p99_ms", "%.1f"),
            new Row("login: failed", "login", "login_failed", "%.0f"),
            new Row("login: server CPU %", "login", "server_cpu_phase_pct", "%.0f"),
            new Row("chat: delivered / sent", "chat", "delivered", "ratio:sent"),
            new Row("chat: lost", "chat", "lost", "%.0f"),
            new Row("chat: p50 ms", "chat", "lat_p50_ms", "%.2f"),
            new Row("chat: p99 ms", "chat", "lat_p99_ms", "%.2f"),
            new Row("chat: server CPU %", "chat", "server_cpu_phase_pct", "%.0f"),
            new Row("chatmax: delivered msgs/s", "chatmax", "delivered_per_s", "%.0f"),
            new Row("chatmax: p50 ms", "chatmax", "lat_p50_ms", "%.1f"),
            new Row("chatmax: p99 ms", "chatmax", "lat_p99_ms", "%.1f"),
            new Row("chatmax: lost", "chatmax", "lost", "%.0f"),
            new Row("chatmax: server CPU %", "chatmax", "server_cpu_phase_pct", "%.0f"),
            new Row("chatmax: generator CPU %", "chatmax", "gen_cpu_phase_pct", "%.0f"),
            new Row("bosh-idle: BOSH sessions held", "bosh-idle", "sessions_at_end", "%.0f"),
            new Row("bosh-idle: KiB per BOSH session", "bosh-idle", "kib_per_session", "%.1f"),
            new Row("bosh-idle: server threads before / max", "bosh-idle", "server_threads_before",
                    "ratio:server_threads_max"),
            new Row("bosh: delivered / sent", "bosh", "delivered", "ratio:sent"),
            new Row("bosh: delivered msgs/s", "bosh", "delivered_per_s", "%.0f"),
            new Row("bosh: p50 ms", "bosh", "lat_p50_ms", "%.1f"),
            new Row("bosh: p99 ms", "bosh", "lat_p99_ms", "%.1f"),
            new Row("ws-1000: delivered / sent", "ws-1000", "delivered", "ratio:sent"),
            new Row("ws-1000: delivered msgs/s", "ws-1000", "delivered_per_s", "%.0f"),
            new Row("ws-1000: p50 ms", "ws-1000", "lat_p50_ms", "%.2f"),
            new Row("ws-1000: p99 ms", "ws-1000", "lat_p99_ms", "%.2f"),
            new Row("other CPU % (noise, max over scenarios)", "*", "other_cpu_phase_pct", "%.0f"));

    public static void main(String[] args) throws Exception {
        Map<String, String> versions = new LinkedHashMap<>();
        Map<String, Map<String, String>> lines = new LinkedHashMap<>(); // peer -> scenario -> json line
        for (String ln : Files.readAllLines(Path.of(args[0]))) {
            if (!ln.startsWith("{")) {
                continue;
            }
            String peer = str(ln, "peer");
            String scenario = str(ln, "scenario");
            String variant = str(ln, "variant");
            if ("max".equals(variant)) {
                scenario = "chatmax";
            } else if (!variant.isEmpty()) {
                scenario = variant; // run.sh's own web scenarios: bosh-idle, ws-1000
            }
            versions.put(peer, str(ln, "peer_version"));
            lines.computeIfAbsent(peer, p -> new LinkedHashMap<>()).put(scenario, ln);
        }
        List<String> peers = new ArrayList<>(lines.keySet());
        StringBuilder sb = new StringBuilder("| figure |");
        peers.forEach(p -> sb.append(' ').append(p).append(' ').append(versions.get(p)).append(" |"));
        sb.append("\n|---|").append("---:|".repeat(peers.size())).append('\n');
        for (Row r : ROWS) {
            List<String> cells = peers.stream().map(p -> cell(r, lines.get(p))).toList();
            if (cells.stream().allMatch(String::isEmpty)) {
                continue; // a scenario this run did not include
            }
            sb.append("| ").append(r.label()).append(" |");
            cells.forEach(c -> sb.append(' ').append(c).append(" |"));
            sb.append('\n');
        }
        System.out.print(sb);
    }

    private static String cell(Row r, Map<String, String> byScenario) {
        if (r.scenario().equals("*")) {
            double max = -1;
            for (String ln : byScenario.values()) {
                Double v = num(ln, r.key());
                max = v == null ? max : Math.max(max, v);
            }
            return max < 0 ? "" : String.format(Locale.ROOT, r.fmt(), max);
        }
        String ln = byScenario.get(r.scenario());
        Double v = ln == null ? null : num(ln, r.key());
        if (v == null) {
            return "";
        }
        if (r.fmt().equals("mib")) {
            return String.format(Locale.ROOT, "%.0f", v / 1024);
        }
        if (r.fmt().startsWith("ratio:")) {
            Double of = num(ln, r.fmt().substring(6));
            return String.format(Locale.ROOT, "%.0f / %.0f", v, of == null ? 0 : of);
        }
        return String.format(Locale.ROOT, r.fmt(), v);
    }

    private static String str(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "";
    }

    private static Double num(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":(-?[0-9.eE+-]+)").matcher(json);
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }
}
