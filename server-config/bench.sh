#!/usr/bin/env bash
# The storefront load benchmark: 50 concurrent shoppers against the shop that run.sh started
# (demo catalogue). Prints p50/p95/p99 and throughput per request type, as docs/benchmarks.md
# reports them. Options: BENCH_USERS (50), BENCH_SECONDS (120), BASE_URL (http://localhost:8080).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
BASE_URL="${BASE_URL:-http://localhost:8080}"
curl -sf "$BASE_URL/health/ready" >/dev/null || fail "The shop at $BASE_URL is not ready; start it with server-config/run.sh"

cd "$ROOT"
$MVN -B -q -Pbench -pl ear -am -DskipTests -DskipITs -Dspotless.check.skip=true verify \
    -Dbench.baseUrl="$BASE_URL" -Dbench.users="${BENCH_USERS:-50}" -Dbench.seconds="${BENCH_SECONDS:-120}" \
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
