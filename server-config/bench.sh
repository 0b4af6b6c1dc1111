#!/usr/bin/env bash
# Load benchmarks against the shop that run.sh started (demo catalogue). Prints p50/p95/p99 and
# throughput per request type, as docs/benchmarks.md reports them.
#   server-config/bench.sh            storefront: BENCH_USERS (50) shoppers for BENCH_SECONDS (120)
#   server-config/bench.sh pos        POS events: BENCH_RATE (200) events/s for BENCH_SECONDS (60),
#                                     or BENCH_MAX_RATE=n to ramp from 10 to n events/s
# BASE_URL defaults to http://localhost:8080.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
BASE_URL="${BASE_URL:-http://localhost:8080}"
curl -sf "$BASE_URL/health/ready" >/dev/null || fail "The shop at $BASE_URL is not ready; start it with server-config/run.sh"

cd "$ROOT"
SIMULATION=dev.selvedge.bench.StorefrontSimulation
POS_KEY=""
if [[ "${1:-}" == "pos" ]]; then
    SIMULATION=dev.selvedge.bench.PosEventsSimulation
    POS_KEY="$(sed -n 's/.*"BLR-01".*"apiKey": *"\([^"]*\)".*/\1/p' "$RUN_DIR/demo-credentials.json")"
    [[ -n "$POS_KEY" ]] || fail "No BLR-01 till key in .run/demo-credentials.json; run server-config/run.sh"
fi
$MVN -B -q -Pbench -pl ear -am -DskipTests -DskipITs -Dspotless.check.skip=true verify \
    -Dbench.baseUrl="$BASE_URL" -Dbench.users="${BENCH_USERS:-50}" -Dbench.seconds="${BENCH_SECONDS:-$([[ "${1:-}" == pos ]] && echo 60 || echo 120)}" \
    -Dbench.simulation="$SIMULATION" -Dbench.rate="${BENCH_RATE:-200}" -Dbench.maxRate="${BENCH_MAX_RATE:-0}" -Dbench.posKey="$POS_KEY" \
    | grep -vE '^\s*$' | tail -40
REPORT="$(ls -td ear/target/gatling/*/ | head -1)"
python3 - "$REPORT/js/stats.json" <<'PY'
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
PY
echo "Report: $REPORT/index.html"
