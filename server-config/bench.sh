#!/usr/bin/env bash
# Load benchmarks against the shop that run.sh started (demo catalogue). Prints p50/p95/p99 and
# throughput per request type, as docs/benchmarks.md reports them.
#   server-config/bench.sh            storefront: BENCH_USERS (50) shoppers for BENCH_SECONDS (120)
#   server-config/bench.sh pos-latency  POS event sent (HTTP, then JMS) to its figure on the inventory
#                                       API: BENCH_RATE (200)/s for BENCH_SECONDS (60), BENCH_LINES (1)
#   server-config/bench.sh pos-max      rising rates (BENCH_RATES) of BENCH_LINES (5)-line events, 20 s
#                                       each, until p99 passes 1 s
#   server-config/bench.sh race         the oversell race, BENCH_RUNS (10) times
#   server-config/bench.sh pages        wrk, BENCH_CONNECTIONS (16) clients, BENCH_SECONDS (20) per
#                                       page: the search API, then listing, product, search and home
#                                       pages, anonymous and with a bag (issue #11)
#   server-config/bench.sh sale-spike   Gatling: shoppers ramp from 10 to BENCH_USERS (500) in 60 s, stay
#                                       BENCH_SECONDS (30); tills send BENCH_TILL_RATE (200) events/s
#   server-config/bench.sh pos-http     wrk, 5-line till events (BENCH_LINES) at BENCH_CONCURRENCY (16);
#                                       BENCH_BATCH (1) events per request, as a store bridge sends them
#   server-config/bench.sh checkout     wrk, POST /api/v1/checkout (test gateway, one line) at
#                                       BENCH_CONCURRENCY (8 32) clients, BENCH_SECONDS (30) each
#   server-config/bench.sh booking      confirmed order to shipment booked with a Shiprocket fake that
#                                       answers each call after BENCH_CARRIER_MS (60): BENCH_RATES
#                                       (20,40,60) orders/s for BENCH_SECONDS (30) each (issue #12)
# BASE_URL defaults to http://localhost:8080.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
BASE_URL="${BASE_URL:-http://localhost:8080}"
curl -sf "$BASE_URL/health/ready" >/dev/null || fail "The shop at $BASE_URL is not ready; start it with server-config/run.sh"

# All load comes from one address here: loopback is exempted from the per-client limits (read at
# start, so the application is reloaded once).
exempt_loopback() {
    ensure_admin_passfile selvedge
    if ! asadmin_at 4848 list-system-properties | grep -q '^selvedge.limits.exempt-clients=127.0.0.1'; then
        configure_properties 4848 "selvedge.limits.exempt-clients=127.0.0.1"
        asadmin_at 4848 disable selvedge >/dev/null && asadmin_at 4848 enable selvedge >/dev/null
        wait_for_ready "$BASE_URL/health/ready"
    fi
}

# SKUs of the first 48 shirts the search API finds: each one's first SKU ("first") or all of them.
shirt_skus() {
    local page slug
    for page in 1 2; do
        for slug in $(curl -sf "$BASE_URL/api/v1/products?q=shirt&page=$page" | grep -o '"slug":"[^"]*"' | cut -d'"' -f4); do
            curl -sf "$BASE_URL/api/v1/products/$slug" | grep -o '"sku":"[^"]*"' | cut -d'"' -f4 \
                | if [[ "$1" == first ]]; then head -1; else cat; fi
        done
    done
}

# The table of a Gatling run's requests, from its stats.json.
gatling_table() {
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
}

cd "$ROOT"
case "${1:-storefront}" in
storefront)
    $MVN -B -q -Pbench -pl ear -am -DskipTests -DskipITs -Dspotless.check.skip=true verify \
        -Dbench.baseUrl="$BASE_URL" -Dbench.users="${BENCH_USERS:-50}" -Dbench.seconds="${BENCH_SECONDS:-120}" \
        -Dbench.simulation=dev.selvedge.bench.StorefrontSimulation \
        | grep -vE '^\s*$' | tail -40 || true # Failed assertions still leave a report.
    gatling_table
    ;;
sale-spike)
    exempt_loopback
    TILL_KEY="$(sed -n 's/.*"BLR-01".*"apiKey": *"\([^"]*\)".*/\1/p' "$RUN_DIR/demo-credentials.json")"
    $MVN -B -q -Pbench -pl ear -am -DskipTests -DskipITs -Dspotless.check.skip=true verify \
        -Dbench.baseUrl="$BASE_URL" -Dbench.users="${BENCH_USERS:-500}" -Dbench.seconds="${BENCH_SECONDS:-30}" \
        -Dbench.tillKey="$TILL_KEY" -Dbench.tillRate="${BENCH_TILL_RATE:-200}" \
        -Dbench.simulation=dev.selvedge.bench.SaleSpikeSimulation \
        | grep -vE '^\s*$' | tail -40 || true # Failed assertions still leave a report.
    gatling_table
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
booking)
    exempt_loopback
    SR_PORT="${BENCH_SHIPROCKET_PORT:-20194}"
    # Shiprocket pointed at the fake BookingBench starts, for this run only.
    configure_properties 4848 "selvedge.carrier.shiprocket.enabled=true:selvedge.carrier.shiprocket.api-base=http\\://localhost\\:$SR_PORT:selvedge.carrier.shiprocket.email=bench@selvedge.test"
    set_secret 4848 selvedge.carrier.shiprocket.password "$(new_secret 24)"
    reload() { asadmin_at 4848 disable selvedge >/dev/null && asadmin_at 4848 enable selvedge >/dev/null; wait_for_ready "$BASE_URL/health/ready"; }
    restore() { configure_properties 4848 "selvedge.carrier.shiprocket.enabled=false"; reload; }
    trap restore EXIT
    reload
    $MVN -B -q -Pbench -pl ear -am -DskipTests -DskipITs -Dspotless.check.skip=true \
        test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$RUN_DIR/bench.classpath"
    CP="ear/target/test-classes:$(cat "$RUN_DIR/bench.classpath")"
    SKUS="$(shirt_skus all | paste -sd, -)"
    [[ -n "$SKUS" ]] || fail "No shirts in the catalogue; run server-config/run.sh (demo data)"
    java -cp "$CP" dev.selvedge.bench.BookingBench --base "$BASE_URL" --port "$SR_PORT" \
        --db "${SHOP_DB_URL:-jdbc:postgresql://127.0.0.1:5432/shop}" --db-user "${SHOP_DB_USER:-postgres}" --db-password "${SHOP_DB_PASSWORD:-}" \
        --skus "$SKUS" --rates "${BENCH_RATES:-20,40,60}" --seconds "${BENCH_SECONDS:-30}" --carrier-ms "${BENCH_CARRIER_MS:-60}"
    ;;
pages|checkout|pos-http)
    if ! command -v wrk >/dev/null; then
        [[ $EUID -eq 0 ]] || fail "Please install wrk (Debian package wrk)"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null \
            || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
    fi
    export WRK_DIR="$ROOT/server-config/wrk"
    SECONDS_EACH="${BENCH_SECONDS:-20}"
    # One load: a 5 s warm-up, then the measured run; prints one table row.
    load() { # label connections url [wrk args...]
        local label="$1" connections="$2" url="$3"; shift 3
        WRK_LABEL="$label" WRK_CONNECTIONS="$connections" wrk -t2 -c"$connections" -d5s "$@" "$url" >/dev/null 2>&1 || true
        WRK_LABEL="$label" WRK_CONNECTIONS="$connections" wrk -t2 -c"$connections" -d"${SECONDS_EACH}s" --timeout 2s "$@" "$url" \
            | grep "^| " || true
    }
    echo "| Request | Clients | Requests | Req/s | p50 ms | p95 ms | p99 ms | max ms | Errors |"
    echo "|---|---|---|---|---|---|---|---|---|"
    if [[ "$1" == pages ]]; then
        C="${BENCH_CONNECTIONS:-16}"
        SLUG="$(curl -sf "$BASE_URL/api/v1/products?q=shirt" | sed -n 's/.*"slug":"\([^"]*\)".*/\1/p' | head -1)"
        SKU="$(curl -sf "$BASE_URL/api/v1/products/$SLUG" | sed -n 's/.*"sku":"\([^"]*\)".*/\1/p' | head -1)"
        # A shopper with something in the bag: the bag cookie the API sets.
        BAG="$(curl -s -o /dev/null -D - -H 'Content-Type: application/json' -X POST "$BASE_URL/api/v1/cart/lines" \
            -d "{\"sku\":\"$SKU\",\"quantity\":1}" | sed -n 's/^Set-Cookie: \(bag=[^;]*\).*/\1/ip' | head -1)"
        [[ -n "$BAG" ]] || fail "Could not put $SKU in a bag"
        # A signed-in visitor: the demo staff account signs in through the same mechanism and
        # session as a shopper (the staff sign-in form, ViewState and all).
        JAR="$(mktemp)"; trap 'rm -f "$JAR"' EXIT
        VIEW_STATE="$(curl -s -c "$JAR" -b "$JAR" "$BASE_URL/staff-login.xhtml" \
            | sed -n 's/.*name="jakarta.faces.ViewState"[^>]*value="\([^"]*\)".*/\1/p' | head -1)"
        STAFF_PASSWORD="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["admin"]["password"])' "$RUN_DIR/demo-credentials.json")"
        curl -s -c "$JAR" -b "$JAR" -o /dev/null -X POST "$BASE_URL/staff-login.xhtml" --data-urlencode staff=staff \
            --data-urlencode "staff:email=admin@selvedge.example" --data-urlencode "staff:password=$STAFF_PASSWORD" \
            --data-urlencode "staff:sign-in=Sign in" --data-urlencode "jakarta.faces.ViewState=$VIEW_STATE"
        SIGNED_IN="Cookie: $(awk -F'\t' 'NF == 7 { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$JAR")"
        curl -s -H "$SIGNED_IN" "$BASE_URL/" | grep -q 'Your account' || fail "Could not sign in the demo staff account"
        load "API search /api/v1/products?q=shirt" "$C" "$BASE_URL/api/v1/products?q=shirt" -s "$WRK_DIR/common.lua"
        load "Listing /c/women/topwear/shirts?size=M" "$C" "$BASE_URL/c/women/topwear/shirts?size=M" -s "$WRK_DIR/common.lua"
        load "Product /p/$SLUG" "$C" "$BASE_URL/p/$SLUG" -s "$WRK_DIR/common.lua"
        load "Search page /search?q=shirt" "$C" "$BASE_URL/search?q=shirt" -s "$WRK_DIR/common.lua"
        load "Home /" "$C" "$BASE_URL/" -s "$WRK_DIR/common.lua"
        WRK_HEADERS="Cookie: $BAG" load "Listing, with a bag" "$C" "$BASE_URL/c/women/topwear/shirts?size=M" -s "$WRK_DIR/get.lua"
        WRK_HEADERS="Cookie: $BAG" load "Product, with a bag" "$C" "$BASE_URL/p/$SLUG" -s "$WRK_DIR/get.lua"
        WRK_HEADERS="$SIGNED_IN" load "Listing, signed in" "$C" "$BASE_URL/c/women/topwear/shirts?size=M" -s "$WRK_DIR/get.lua"
        WRK_HEADERS="$SIGNED_IN" load "Product, signed in" "$C" "$BASE_URL/p/$SLUG" -s "$WRK_DIR/get.lua"
    elif [[ "$1" == pos-http ]]; then
        # Till events from an outside load generator: 5-line events over the SKUs of the first 48
        # shirts (about 280), at BENCH_CONCURRENCY (16) clients.
        mapfile -t SKUS < <(shirt_skus all)
        export WRK_SKUS WRK_TILL_KEY WRK_LINES="${BENCH_LINES:-5}" WRK_BATCH="${BENCH_BATCH:-1}"
        WRK_SKUS="$(IFS=,; echo "${SKUS[*]}")"
        WRK_TILL_KEY="$(sed -n 's/.*"BLR-01".*"apiKey": *"\([^"]*\)".*/\1/p' "$RUN_DIR/demo-credentials.json")"
        for C in ${BENCH_CONCURRENCY:-16}; do
            if (( WRK_BATCH > 1 )); then
                # Requests/s times the batch size is events/s; times the lines, lines/s.
                load "POST /api/v1/pos/event-batches, $WRK_BATCH events of $WRK_LINES lines over ${#SKUS[@]} SKUs" "$C" "$BASE_URL" -s "$WRK_DIR/pos-events.lua" \
                    | awk -F' [|] ' -v b="$WRK_BATCH" -v l="$WRK_LINES" '{ print; printf "(%.0f events/s, %.0f lines/s)\n", $4 * b, $4 * b * l }'
            else
                load "POST /api/v1/pos/events, $WRK_LINES lines over ${#SKUS[@]} SKUs" "$C" "$BASE_URL" -s "$WRK_DIR/pos-events.lua"
            fi
        done
    else
        exempt_loopback
        # The SKUs of the first 48 shirts: plenty of stock for each (a receipt of 100,000 units at
        # BLR-01 through the till door), then checkouts spread over all of them, and then all on
        # the first one (a single hot SKU: every checkout takes the same stock row's lock, twice).
        mapfile -t SKUS < <(shirt_skus first)
        LINES="$(printf '{"sku":"%s","quantity":100000},' "${SKUS[@]}")"
        BLR_KEY="$(sed -n 's/.*"BLR-01".*"apiKey": *"\([^"]*\)".*/\1/p' "$RUN_DIR/demo-credentials.json")"
        curl -sf -o /dev/null -X POST "$BASE_URL/api/v1/pos/events" -H "Authorization: Bearer $BLR_KEY" \
            -H 'Content-Type: application/json' -d "{\"eventId\":\"bench-receipt-$(date +%s%N)\",\"storeCode\":\"BLR-01\",
            \"occurredAt\":\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\",\"type\":\"RECEIPT\",\"lines\":[${LINES%,}]}" \
            || fail "Could not receive stock for the benchmark's SKUs"
        export WRK_SKUS
        for C in ${BENCH_CONCURRENCY:-8 32}; do
            WRK_SKUS="$(IFS=,; echo "${SKUS[*]}")" SECONDS_EACH="${BENCH_SECONDS:-30}" \
                load "POST /api/v1/checkout, ${#SKUS[@]} SKUs" "$C" "$BASE_URL" -s "$WRK_DIR/checkout.lua"
        done
        for C in ${BENCH_CONCURRENCY:-8 32}; do
            WRK_SKUS="${SKUS[0]}" SECONDS_EACH="${BENCH_SECONDS:-30}" \
                load "POST /api/v1/checkout, one hot SKU" "$C" "$BASE_URL" -s "$WRK_DIR/checkout.lua"
        done
    fi
    ;;
*) fail "Usage: bench.sh [storefront | sale-spike | pos-latency | pos-max | race | pages | checkout | booking]" ;;
esac
