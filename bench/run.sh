#!/bin/bash
# Parley benchmark: builds Parley if needed, starts it with benchmark settings (bench/server.sh), runs xmppload's
# standard scenarios against it (the sizes of xmppload's compare.sh, so figures compare with its other runs), stops
# it, and writes a side-by-side table to target/bench/results.md.
#
#   bench/run.sh [--quick] [--peers] [--reset] [SCENARIO ...]
#     --quick     small sizes (xmppload PROFILE=quick): a 2-3 minute smoke run
#     --peers     also run the same scenarios against the reference servers Prosody and ejabberd (their start
#                 scripts in ../shared/peers install the Debian packages when missing) and put them in the table
#     --reset     wipe Parley's benchmark database first (accounts are created again through XEP-0077)
#     SCENARIO    idle login chat chatmax (default: all four); also (xmppload's sizes) websocket (300 users
#                 over RFC 7395) and bosh (300 users over XEP-0124/0206, 150 msgs/s); muc is skipped (Parley has
#                 none); and run.sh's own web scenarios (after compare.sh's, on a freshly started server):
#                 bosh-idle   5000 BOSH sessions long-polling for 60 s: RSS per session and the server's threads
#                             (Threads of /proc/PID/status, before the logins and the maximum while they are held)
#                 ws-1000     1:1 chat of 1000 WebSocket users for 30 s at 300 msgs/s (throughput, p99)
#                 --quick: 200 BOSH sessions for 10 s, 100 WebSocket users for 10 s
#   environment: BENCH_* of bench/server.sh (ports, heap, JVM options); QUIET_WAIT/QUIET_PCT of compare.sh
#
# Output: target/bench/results.md (this run), target/bench/results.jsonl (all runs, one JSON line per scenario),
# full generator logs in target/xmppload/results/logs/, the server log in target/bench/standalone/log/server.log.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=$(cd "$ROOT/../shared" 2>/dev/null && pwd) || { echo "no ../shared next to the project" >&2; exit 1; }
OUT=$ROOT/target/bench
XL=$ROOT/target/xmppload
PROFILE=standard; PEERS=0; RESET=0; SCEN=()
for a in "$@"; do
  case "$a" in
    --quick) PROFILE=quick ;;
    --peers) PEERS=1 ;;
    --reset) RESET=1 ;;
    -h|--help) awk 'NR > 1 && /^#/ { print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    -*) echo "unknown option $a" >&2; exit 2 ;;
    *) SCEN+=("$a") ;;
  esac
done
[ ${#SCEN[@]} -gt 0 ] || SCEN=(idle login chat chatmax)
WEB=(); CMP=()   # run.sh's own scenarios / compare.sh's
for s in "${SCEN[@]}"; do case "$s" in bosh-idle|ws-1000) WEB+=("$s") ;; *) CMP+=("$s") ;; esac; done
mkdir -p "$OUT"
# 5000 sessions: the server and the generator each need one descriptor per connection
ulimit -n "${BENCH_NOFILE:-65536}" 2>/dev/null || ulimit -n "$(ulimit -Hn)"

# 1. Parley: build when the WAR is missing or older than the sources
WAR=$ROOT/target/parley.war
if [ ! -f "$WAR" ] || ! ls -d "$ROOT"/target/wildfly-*/ >/dev/null 2>&1 \
   || [ -n "$(find "$ROOT/src/main" "$ROOT/sql" "$ROOT/wildfly" "$ROOT/pom.xml" -newer "$WAR" -print -quit)" ]; then
  echo "== building Parley (mvn -q -DskipTests package)"
  (cd "$ROOT" && mvn -q -DskipTests package) || { echo "build failed" >&2; exit 1; }
fi
"$ROOT/bench/server.sh" stop >/dev/null   # a server left from an earlier run: idle needs a fresh one
trap '"$ROOT/bench/server.sh" stop' EXIT
trap 'exit 130' INT TERM
[ "$RESET" = 1 ] && "$ROOT/bench/server.sh" reset

# 2. xmppload: a writable copy (shared/ is read-only in CI), built there; peer files point at ../shared/peers
rsync -a --delete --exclude target --exclude results --exclude state --exclude 'peers/parley.env' \
  "$SHARED/tools/xmppload/" "$XL/"
chmod -R u+w "$XL"
sed -i "s#\$HERE/\.\./\.\./peers#$SHARED/peers#g" "$XL"/peers/*.env
if [ ! -f "$XL/target/xmppload.jar" ] || [ -n "$(find "$XL/src" -newer "$XL/target/xmppload.jar" -print -quit)" ]; then
  XMPPLOAD_WORK=$XL "$XL/build.sh" || exit 1
fi
VERSION="$(unzip -p "$WAR" META-INF/MANIFEST.MF 2>/dev/null | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')"
VERSION="${VERSION:-dev}+$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null)$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo -dirty)"
ENVS=""
for v in BENCH_C2S_PORT BENCH_C2S_TLS_PORT BENCH_HTTP_PORT BENCH_HTTPS_PORT BENCH_MGMT_PORT BENCH_MGMT_HTTPS_PORT \
         BENCH_DOMAIN BENCH_HEAP BENCH_GC BENCH_JVM_OPTS BENCH_NOFILE; do
  [ -n "${!v:-}" ] && ENVS+="$v=$(printf '%q' "${!v}") "
done
cat > "$XL/peers/parley.env" <<EOF
# Parley benchmark server (written by bench/run.sh; settings in bench/server.sh)
NAME=parley
START="${ENVS}$ROOT/bench/server.sh start"
STOP="$ROOT/bench/server.sh stop"
HOST=127.0.0.1
PORT=${BENCH_C2S_PORT:-45222}
DOMAIN=${BENCH_DOMAIN:-bench.parley.test}
BOSH_URL=http://127.0.0.1:${BENCH_HTTP_PORT:-48080}/http-bind
WS_URL=ws://127.0.0.1:${BENCH_HTTP_PORT:-48080}/xmpp-websocket
MUC_SERVICE=
SASL=SCRAM-SHA-1
PROVISION="--provision ibr --provision-par 20"
VERSION_CMD="echo $VERSION"
RESET_STATE="$ROOT/bench/server.sh reset"
EOF

# 3. the runs: compare.sh starts each server (unless it already runs), provisions, runs, stops what it started
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RUNFILE=$OUT/run-$STAMP.jsonl
: > "$RUNFILE"
run_peer() {
  [ ${#CMP[@]} -gt 0 ] || return 0
  echo "== $1: PROFILE=$PROFILE compare.sh $1 ${CMP[*]}"
  XMPPLOAD_WORK=$XL RESULTS=$RUNFILE PROFILE=$PROFILE FRESH=${2:-0} "$XL/compare.sh" "$1" "${CMP[@]}" \
    | grep -v '^|' | grep -v '^(appended'
}
run_peer parley 1
[ ${#WEB[@]} -gt 0 ] && . "$ROOT/bench/web.sh"
if [ "$PEERS" = 1 ]; then
  run_peer prosody
  run_peer ejabberd
fi
cat "$RUNFILE" >> "$OUT/results.jsonl"

# 4. the table
{
  echo "# Benchmark $STAMP (profile $PROFILE; scenarios ${SCEN[*]}; $(nproc) cores, $(uname -r))"
  echo
  java "$ROOT/bench/Summary.java" "$RUNFILE"
  echo
  echo "All figures of this run (xmppload table):"
  echo
  java -jar "$XL/target/xmppload.jar" table --file "$RUNFILE"
} > "$OUT/results.md"
echo
cat "$OUT/results.md"
echo
echo "(table in $OUT/results.md; all runs in $OUT/results.jsonl; logs in $XL/results/logs)"
