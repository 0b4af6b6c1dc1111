#!/usr/bin/env bash
# Runs the shop: build, PostgreSQL, Payara domain "selvedge", resources, deploy, demo catalogue.
# Safe to run again: it reuses what exists and redeploys the freshly built application.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ensure_tools

SHOP_DB_URL="${SHOP_DB_URL:-jdbc:postgresql://127.0.0.1:5432/shop}"
SHOP_DB_USER="${SHOP_DB_USER:-postgres}"
SHOP_DB_PASSWORD="${SHOP_DB_PASSWORD:-}"
SHOP_DB_APP_USER="${SHOP_DB_APP_USER:-selvedge}"
SHOP_HTTP_PORT="${SHOP_HTTP_PORT:-8080}"
SHOP_ADMIN_PORT="${SHOP_ADMIN_PORT:-4848}"
SHOP_DEMO_MODE="${SHOP_DEMO_MODE:-true}"
DOMAIN=selvedge
DB_USER="$SHOP_DB_USER"; DB_PASSWORD="$SHOP_DB_PASSWORD"
parse_db_url "$SHOP_DB_URL"

log "Building"
(cd "$ROOT" && $MVN -B -q -DskipTests package)

ensure_postgres
ensure_db_role
ensure_autovacuum
ensure_database "$DB_NAME"
# The shop connects as its own role with a generated password, not as the superuser.
APP_DB_PASSWORD="$(secret "$DOMAIN" db-password)"
ensure_app_role "$SHOP_DB_APP_USER" "$APP_DB_PASSWORD" "$DB_NAME"

# Demo credentials, kept across runs once written: a staff account with a generated password, and
# one API key per demo store till (only its SHA-256 is stored in the database).
CREDENTIALS="$RUN_DIR/demo-credentials.json"
ADMIN_EMAIL=admin@selvedge.example
if [[ -f "$CREDENTIALS" ]]; then
    STAFF_PASSWORD="$(sed -n "s/.*\"admin\": *{\"username\": *\"$ADMIN_EMAIL\", *\"password\": *\"\([^\"]*\)\".*/\1/p" "$CREDENTIALS" | head -1)"
fi
STAFF_PASSWORD="${STAFF_PASSWORD:-$(new_secret 20)}"

ensure_domain "$DOMAIN" "$SHOP_ADMIN_PORT" "$SHOP_HTTP_PORT"
log "Applying server configuration"
configure_jdbc "$SHOP_ADMIN_PORT" "$SHOP_DB_URL" "$SHOP_DB_APP_USER" "$APP_DB_PASSWORD"
configure_properties "$SHOP_ADMIN_PORT" "selvedge.demo.mode=$SHOP_DEMO_MODE"
ensure_mail_catcher
configure_mail "$SHOP_ADMIN_PORT" 127.0.0.1 3025 "http://localhost:$SHOP_HTTP_PORT"
configure_staff_bootstrap "$SHOP_ADMIN_PORT" "$ADMIN_EMAIL" "$STAFF_PASSWORD"
# Signs the links to order pages in the shoppers' emails (kept: links sent stay valid).
set_secret "$SHOP_ADMIN_PORT" selvedge.orders.link-secret "$(secret "$DOMAIN" order-link-secret 40)"
configure_threads "$SHOP_ADMIN_PORT"
configure_jms "$SHOP_ADMIN_PORT" "$DOMAIN"
DEMO_STORES=(BLR-01 MUM-01)
configure_broker "$SHOP_ADMIN_PORT" "$DOMAIN" "${DEMO_STORES[@]}"
if (( BROKER_RESTART )); then
    log "Restarting $DOMAIN so that the shop connects to its broker as its own user"
    "$ASADMIN" restart-domain "$DOMAIN" >/dev/null
fi

log "Deploying"
wait_for_deployed_app "$SHOP_ADMIN_PORT" "$SHOP_HTTP_PORT"
deploy() { asadmin_at "$SHOP_ADMIN_PORT" deploy --force=true --name selvedge "$ROOT/ear/target/selvedge.ear" >/dev/null; }
# A JVM in which a deployment failed can deploy the next one half-wired (seen: servlets without
# their injected services), so after a failed run the domain starts afresh first.
FAILED_MARK="$RUN_DIR/deployment-failed"
if [[ -f "$FAILED_MARK" ]]; then
    log "The last deployment failed; restarting the domain first"
    "$ASADMIN" restart-domain "$DOMAIN" >/dev/null
fi
if ! deploy; then
    # A redeployment over a half-loaded earlier version can fail; a fresh JVM clears that.
    log "Deployment failed; restarting the domain and deploying once more"
    "$ASADMIN" restart-domain "$DOMAIN" >/dev/null
    if ! deploy; then
        touch "$FAILED_MARK"
        fail "Deployment failed; see .run/payara6/glassfish/domains/$DOMAIN/logs/server.log"
    fi
fi
rm -f "$FAILED_MARK"

log "Waiting for the catalogue (the first run seeds 2,000 demo products)"
wait_for_ready "http://localhost:$SHOP_HTTP_PORT/health/ready"

# The demo tills' API keys, kept across runs once written.
psql_shop() {
    PGPASSWORD="$DB_PASSWORD" psql -X -q -v ON_ERROR_STOP=1 -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$DB_NAME" "$@"
}

TERMINALS=()
for STORE in BLR-01 MUM-01; do
    KEY=""
    if [[ -f "$CREDENTIALS" ]]; then
        KEY="$(sed -n "s/.*\"storeCode\": *\"$STORE\", *\"terminalId\": *\"T1\", *\"apiKey\": *\"\([^\"]*\)\".*/\1/p" "$CREDENTIALS" | head -1)"
    fi
    if [[ -z "$KEY" || "$(psql_shop -tAc "SELECT 1 FROM pos_terminal WHERE key_hash = encode(sha256(convert_to('$KEY', 'UTF8')), 'hex') AND revoked_at IS NULL")" != "1" ]]; then
        KEY="pos_$(new_secret 32)"
        psql_shop -c "INSERT INTO pos_terminal (location_id, terminal_id, key_hash)
            SELECT id, 'T1', encode(sha256(convert_to('$KEY', 'UTF8')), 'hex') FROM location WHERE code = '$STORE'
            ON CONFLICT (location_id, terminal_id) DO UPDATE SET key_hash = EXCLUDED.key_hash, revoked_at = NULL"
    fi
    TERMINALS+=("    {\"storeCode\": \"$STORE\", \"terminalId\": \"T1\", \"apiKey\": \"$KEY\"}")
done

umask 077
{
    printf '{\n  "admin": {"username": "%s", "password": "%s"},\n' "$ADMIN_EMAIL" "$STAFF_PASSWORD"
    printf '  "payaraAdmin": {"username": "admin", "password": "%s"},\n' "$ADMIN_PASSWORD"
    printf '  "brokerUsers": [\n'
    for STORE in "${DEMO_STORES[@]}"; do
        printf '    {"storeCode": "%s", "username": "store-%s", "password": "%s"}%s\n' "$STORE" "${STORE,,}" \
            "$(secret "$DOMAIN" "mq-store-${STORE,,}-password")" "$([[ "$STORE" == "${DEMO_STORES[-1]}" ]] || printf ',')"
    done
    printf '  ],\n  "posTerminals": [\n'
    printf '%s,\n' "${TERMINALS[@]:0:${#TERMINALS[@]}-1}"
    printf '%s\n  ]\n}\n' "${TERMINALS[-1]}"
} > "$CREDENTIALS"

cat <<INFO

Selvedge is running.
  Storefront      http://localhost:$SHOP_HTTP_PORT/
  Catalogue API   http://localhost:$SHOP_HTTP_PORT/api/v1/products
  OpenAPI         http://localhost:$SHOP_HTTP_PORT/openapi
  Health          http://localhost:$SHOP_HTTP_PORT/health/ready
  Back office     http://localhost:$SHOP_HTTP_PORT/admin/stock.xhtml (staff sign-in)
  Payara console  http://localhost:$SHOP_ADMIN_PORT/ (this machine only; user admin, password in .run/demo-credentials.json)
  Inventory API   http://localhost:$SHOP_HTTP_PORT/api/v1/inventory/SV00000-PNK-M
  POS events      POST http://localhost:$SHOP_HTTP_PORT/api/v1/pos/events (Bearer key per till)
  Sign in / up    http://localhost:$SHOP_HTTP_PORT/sign-in.xhtml
  Bag, checkout   http://localhost:$SHOP_HTTP_PORT/bag.xhtml (pay with the test card or cash on delivery)
  Demo staff      $ADMIN_EMAIL / $STAFF_PASSWORD
  Demo emails     caught locally (GreenMail, SMTP 127.0.0.1:3025); read them in the back office, Emails
  Demo POS keys   in .run/demo-credentials.json
Stop it with: server-config/stop.sh
INFO
