#!/bin/bash
# Parley for the benchmark: its own copy of the built WildFly base directory (target/bench/standalone), its own
# ports and domain, production settings (no test mode), in-band registration on and unthrottled (xmppload creates
# its accounts through XEP-0077). Used by bench/run.sh and by the xmppload peer file it writes.
#
#   bench/server.sh start | stop | status | pid
#
# start returns once the c2s port accepts connections (the listeners open when Parley has deployed), and prints
# the boot time: from launching bin/standalone.sh to that moment (also appended to target/bench/boot.log with the
# server's RSS then, i.e. before the first login).
# stop ends only the JVM this script started (PID file), with SIGTERM (graceful: streams get system-shutdown),
# SIGKILL after 30 s. The H2 database in target/bench/standalone/data/parley survives restarts; `reset` wipes it.
# Settings (environment): BENCH_C2S_PORT (45222), BENCH_C2S_TLS_PORT (45223), BENCH_HTTP_PORT (48080),
# BENCH_HTTPS_PORT (48443), BENCH_MGMT_PORT (49990), BENCH_MGMT_HTTPS_PORT (49993), BENCH_DOMAIN (bench.parley.test),
# BENCH_HEAP (-Xms64m -Xmx1g -Xmn64m), BENCH_GC (-XX:+UseSerialGC -XX:TieredStopAtLevel=1), BENCH_JVM_OPTS (extra
# JVM options), BENCH_NOFILE (65536).
# JVM: the settings for a small (2-core) host. A fixed 64 MiB young generation: with adaptive sizing it grows to
# hundreds of MiB during a burst of logins and every page it touches stays in the RSS, so the idle figure measured
# the collector, not the sessions. The serial collector and C1 only: on 2 cores G1's concurrent threads and C2's
# compile time compete with the work itself. Measured back to back (bench/RESULTS.md, 2026-11-25, idle login
# chatmax): G1 -Xms1g -Xmx2g with full JIT gave RSS after 5000 logins 545 MiB, 1449 logins/s, 44,810 msgs/s; these
# settings 429 MiB, 1600 logins/s, 76,329 msgs/s. BENCH_GC='-XX:+UseG1GC' BENCH_HEAP='-Xms1g -Xmx2g -Xmn64m' gives
# the old ones back.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUN=$ROOT/target/bench
BASE=$RUN/standalone
PIDFILE=$RUN/parley.pid
JBOSS_HOME=$(ls -d "$ROOT"/target/wildfly-*/ 2>/dev/null | head -1); JBOSS_HOME=${JBOSS_HOME%/}
C2S=${BENCH_C2S_PORT:-45222}
DOMAIN=${BENCH_DOMAIN:-bench.parley.test}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
running_pid() { [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null && cat "$PIDFILE"; }

start() {
  if pid=$(running_pid); then echo "parley (bench) already running, pid $pid"; return 0; fi
  [ -n "$JBOSS_HOME" ] && [ -f "$ROOT/target/parley.war" ] || { echo "no built server: run mvn -DskipTests package" >&2; return 1; }
  local p
  for p in "$C2S" "${BENCH_C2S_TLS_PORT:-45223}" "${BENCH_HTTP_PORT:-48080}" "${BENCH_MGMT_PORT:-49990}"; do
    if port_open "$p"; then echo "ERROR: port $p is already in use (set BENCH_*_PORT)" >&2; return 1; fi
  done
  # Fresh configuration and deployment from the build; the database and keystores (data/parley) stay.
  mkdir -p "$BASE/data"
  rsync -a --delete "$JBOSS_HOME/standalone/configuration/" "$BASE/configuration/"
  rsync -a --delete "$JBOSS_HOME/standalone/deployments/" "$BASE/deployments/"
  rsync -a --delete "$JBOSS_HOME/standalone/data/content/" "$BASE/data/content/"
  rm -rf "$BASE/tmp" "$BASE/log"
  ulimit -n "${BENCH_NOFILE:-65536}" 2>/dev/null || ulimit -n "$(ulimit -Hn)"
  export JAVA_OPTS="${BENCH_HEAP:--Xms64m -Xmx1g -Xmn64m} ${BENCH_GC:--XX:+UseSerialGC -XX:TieredStopAtLevel=1} -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=384m
    -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true ${BENCH_JVM_OPTS:-}
    -Dparley.http.port=${BENCH_HTTP_PORT:-48080} -Dparley.https.port=${BENCH_HTTPS_PORT:-48443}
    -Dparley.mgmt.port=${BENCH_MGMT_PORT:-49990} -Dparley.mgmt.https.port=${BENCH_MGMT_HTTPS_PORT:-49993}
    -Djboss.bind.address=127.0.0.1 -Dparley.bind.address=127.0.0.1
    -Dparley.c2s.port=$C2S -Dparley.c2s.tls.port=${BENCH_C2S_TLS_PORT:-45223}
    -Dparley.domains=$DOMAIN -Dparley.admin.jid=admin@$DOMAIN -Dparley.admin.password=bench-admin
    -Dparley.test.mode=false -Dparley.sasl.plain.insecure=false -Dparley.db=h2 -Dparley.log.level=INFO
    -Dparley.registration.default=true -Dparley.register.max.per.minute=0"
  JAVA_OPTS=$(echo $JAVA_OPTS)   # one line
  local t0; t0=$(date +%s%N)
  LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE=$PIDFILE.launch \
    setsid nohup "$JBOSS_HOME/bin/standalone.sh" -Djboss.server.base.dir="$BASE" \
    >"$RUN/server-console.log" 2>&1 </dev/null &
  local launcher=$! i
  for i in $(seq 1 600); do
    if [ -s "$PIDFILE.launch" ] && [ ! -s "$PIDFILE" ]; then cp "$PIDFILE.launch" "$PIDFILE"; fi
    if ! kill -0 "$launcher" 2>/dev/null; then
      echo "ERROR: the server exited; see $RUN/server-console.log" >&2; tail -20 "$RUN/server-console.log" >&2; return 1
    fi
    if port_open "$C2S"; then
      local boot rss
      boot=$(( ($(date +%s%N) - t0) / 1000000 ))
      rss=$(awk '/^VmRSS:/ { print int($2 / 1024) }' "/proc/$(cat "$PIDFILE")/status" 2>/dev/null)
      printf '%s boot_ms=%d rss_mib=%s\n' "$(date -u +%FT%TZ)" "$boot" "${rss:-?}" >> "$RUN/boot.log"
      echo "parley (bench) started in $((boot / 1000)).$(( boot % 1000 / 100 )) s, RSS ${rss:-?} MiB, pid $(cat "$PIDFILE") (c2s 127.0.0.1:$C2S, domain $DOMAIN, log $BASE/log/server.log)"
      return 0
    fi
    sleep 0.2
  done
  echo "ERROR: parley did not open 127.0.0.1:$C2S in 120 s; see $BASE/log/server.log" >&2; stop; return 1
}

stop() {
  local pid
  if ! pid=$(running_pid); then echo "parley (bench) not running"; rm -f "$PIDFILE" "$PIDFILE.launch"; return 0; fi
  kill -TERM "$pid"
  for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then echo "pid $pid still running after 30 s: SIGKILL"; kill -KILL "$pid"; fi
  rm -f "$PIDFILE" "$PIDFILE.launch"
  echo "parley (bench) stopped (pid $pid)"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if pid=$(running_pid); then echo "running, pid $pid"; else echo "not running"; exit 1; fi ;;
  pid) running_pid ;;
  reset) if running_pid >/dev/null; then echo "stop it first" >&2; exit 1; fi; rm -rf "$BASE/data/parley"; echo "database wiped" ;;
  *) awk 'NR > 1 && /^#/ { print; next } NR > 1 { exit }' "$0"; exit 2 ;;
esac
