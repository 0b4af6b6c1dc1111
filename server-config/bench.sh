#!/usr/bin/env bash
# Load benchmarks against the shop that run.sh started (demo catalogue). Prints p50/p95/p99 and
# throughput per request type, as docs/benchmarks.md reports them.
#   server-config/bench.sh            storefront: BENCH_USERS (50) shoppers for BENCH_SECONDS (120)
#   server-config/bench.sh pos-latency  POS event sent (HTTP, then JMS) to its figure on the inventory
#                                       API: BENCH_RATE (200)/s for BENCH_SECONDS (60), BENCH_LINES (1)
#   server-config/bench.sh pos-max      rising rates (BENCH_RATES) of BENCH_LINES (5)-line events, 20 s
#                                       each, until p99 passes 1 s
#   server-config/bench.sh race         the oversell race, BENCH_RUNS (10) times
# BASE_URL defaults to http://localhost:8080.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
BASE_URL="${BASE_URL:-http://localhost:8080}"
curl -sf "$BASE_URL/health/ready" >/dev/null || fail "The shop at $BASE_URL is not ready; start it with server-config/run.sh"

cd "$ROOT"
case "${1:-storefront}" in
storefront)
    $MVN -B -q -Pbench -pl ear -am -DskipTests -DskipITs -Dspotless.check.skip=true verify \
        -Dbench.baseUrl="$BASE_URL" -Dbench.users="${BENCH_USERS:-50}" -Dbench.seconds="${BENCH_SECONDS:-120}" \
        -Dbench.simulation=dev.selvedge.bench.StorefrontSimulation \
        | grep -vE '^\s*$' | tail -40
    REPORT="$(ls -td ear/target/gatling/*/ | head -1)"
    python3 - "$REPORT/js/stats.json" <<'PY2'
import json, sys
stats = json.load(open(sys.argv[1]))
def row(name, s):
    print(f"| {name} | {s['numberOfRequests']['total']} | {s['meanNumberOfRequestsPerSecond']['total']:.1f} | "
          f"{s['percentiles1']['total']} | {s['percentiles3']['total']} | {s['percentiles4']['total']} | "
          f"{s['maxResponseTime']['total']} | {s['numberOfRequests']['ko']} |")
print("| Request | Count | Req/s | p50 ms | p95 ms | p99 ms | max ms | Failed |")
print("|---|---|---|---|---|---|---|---|")
for content in stats["contents"].values():
    row(content["stats"]["name"], content["stats"])
row("All requests", stats["stats"])
PY2
    echo "Report: $REPORT/index.html"
    ;;
pos-latency|pos-max|race)
    key() { sed -n "s/.*\"$1\".*\"apiKey\": *\"\([^\"]*\)\".*/\1/p" "$RUN_DIR/demo-credentials.json"; }
    BLR_KEY="$(key BLR-01)"; MUM_KEY="$(key MUM-01)"
    # The BLR-01 store's broker user, for the JMS door.
    export BENCH_JMS_USER=store-blr-01
    BENCH_JMS_PASSWORD="$(sed -n 's/.*"username": *"store-blr-01", *"password": *"\([^"]*\)".*/\1/p' "$RUN_DIR/demo-credentials.json")"
    export BENCH_JMS_PASSWORD
    [[ -n "$BLR_KEY" ]] || fail "No BLR-01 till key in .run/demo-credentials.json; run server-config/run.sh"
    # One reactor build: the shop's modules resolve from it (they need not be installed), and ear,
    # built last, leaves its test class path in the file.
    $MVN -B -q -Pbench -pl ear -am -DskipTests -DskipITs -Dspotless.check.skip=true \
        test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$RUN_DIR/bench.classpath"
    CP="ear/target/test-classes:$(cat "$RUN_DIR/bench.classpath"):$PAYARA_HOME/mq/lib/imq.jar"
    echo "| Door | Rate/s | Lines/event | Events | Events/s | Lines/s | p50 ms | p95 ms | p99 ms | max ms | Failed |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|"
    case "$1" in
    pos-latency)
        for DOOR in ${BENCH_DOORS:-http jms}; do
            java -cp "$CP" dev.selvedge.bench.PosBench latency --base "$BASE_URL" --key "$BLR_KEY" --door "$DOOR" \
                --rate "${BENCH_RATE:-200}" --seconds "${BENCH_SECONDS:-60}" --lines "${BENCH_LINES:-1}" --jms-port "${BENCH_JMS_PORT:-7676}"
        done ;;
    pos-max)
        java -cp "$CP" dev.selvedge.bench.PosBench max --base "$BASE_URL" --key "$BLR_KEY" --door "${BENCH_DOOR:-http}" \
            --lines "${BENCH_LINES:-5}" --rates "${BENCH_RATES:-100,200,300,400,500}" --seconds "${BENCH_SECONDS:-20}" --jms-port "${BENCH_JMS_PORT:-7676}" ;;
    race)
        java -cp "$CP" dev.selvedge.bench.PosBench race --base "$BASE_URL" --key "$BLR_KEY" --mum-key "$MUM_KEY" --runs "${BENCH_RUNS:-10}" ;;
    esac
    ;;
*) fail "Usage: bench.sh [storefront | pos-latency | pos-max | race]" ;;
esac
