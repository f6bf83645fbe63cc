# Parley's web-transport scenarios, sourced by bench/run.sh (which sets ROOT, XL, RUNFILE, PROFILE, VERSION, WEB):
# a freshly started server, accounts provisioned as compare.sh does, then per scenario one xmppload run whose JSON
# line gets the server's thread counts (Threads of /proc/PID/status: before the run and the maximum during it).
# Not timed tests: figures for bench/RESULTS.md.
HTTP_PORT=${BENCH_HTTP_PORT:-48080}
C2S_PORT=${BENCH_C2S_PORT:-45222}
XJ() { timeout -k 10 900 java ${JAVA_OPTS:--XX:+UseSerialGC -Xms256m -Xmx2g} -jar "$XL/target/xmppload.jar" "$@"; }
if [ "$PROFILE" = quick ]; then
  BOSH_IDLE=(--users 200 --concurrency 50 --duration 10); WS_CHAT=(--users 100 --duration 10 --rate 100)
else
  BOSH_IDLE=(--users "${BOSH_IDLE_USERS:-5000}" --concurrency 100 --duration 60)
  WS_CHAT=(--users "${WS_USERS:-1000}" --duration 30 --rate 300)
fi
"$ROOT/bench/server.sh" stop >/dev/null
"$ROOT/bench/server.sh" start || exit 1
SPID=$("$ROOT/bench/server.sh" pid)
WCOMMON=(--host 127.0.0.1 --port "$C2S_PORT" --domain "${BENCH_DOMAIN:-bench.parley.test}" --sasl SCRAM-SHA-1
         --server-pid "$SPID" --scram-cache "$XL/state/parley.scram" --peer parley --peer-version "$VERSION")
mkdir -p "$XL/state" "$XL/results/logs"
WLOG=$XL/results/logs/parley-web-$STAMP.log
echo "== parley: provisioning accounts for ${WEB[*]} (log $WLOG)"
XJ provision "${WCOMMON[@]}" --users "$( [ "$PROFILE" = quick ] && echo 300 || echo 5000 )" \
  --provision ibr --provision-par 20 2>>"$WLOG" | tail -1

threads() { awk '/^Threads:/ { print $2 }' "/proc/$SPID/status" 2>/dev/null || echo 0; }
web_run() { # variant, xmppload arguments...
  local variant=$1; shift
  local before max=0 t out line sampler
  before=$(threads)
  ( while kill -0 "$SPID" 2>/dev/null; do threads; sleep 1; done ) > "$XL/state/threads.$variant" &
  sampler=$!
  echo "== parley: $variant $*"
  out=$(XJ "$@" "${WCOMMON[@]}" --variant "$variant" 2>>"$WLOG")
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null
  for t in $(cat "$XL/state/threads.$variant"); do [ "$t" -gt "$max" ] && max=$t; done
  line=$(printf '%s\n' "$out" | grep '^{' | tail -1)
  if [ -z "$line" ]; then echo "   (no result line; see $WLOG)"; return; fi
  line="${line%\}},\"server_threads_before\":$before,\"server_threads_max\":$max}"
  printf '%s\n' "$line" >> "$RUNFILE"
  printf '%s\n' "$line" | cut -c1-400
  sleep 3
}
for w in "${WEB[@]}"; do
  case "$w" in
    bosh-idle) web_run bosh-idle idle --transport bosh --bosh-url "http://127.0.0.1:$HTTP_PORT/http-bind" \
                 "${BOSH_IDLE[@]}" ;;
    ws-1000)   web_run ws-1000 websocket --ws-url "ws://127.0.0.1:$HTTP_PORT/xmpp-websocket" "${WS_CHAT[@]}" ;;
  esac
done
"$ROOT/bench/server.sh" stop
