#!/usr/bin/env bash
# Runs the shop: build, PostgreSQL, Payara domain "selvedge", resources, deploy, demo catalogue.
# Safe to run again: it reuses what exists and redeploys the freshly built application.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ensure_tools

SHOP_DB_URL="${SHOP_DB_URL:-jdbc:postgresql://127.0.0.1:5432/shop}"
SHOP_DB_USER="${SHOP_DB_USER:-postgres}"
SHOP_DB_PASSWORD="${SHOP_DB_PASSWORD:-}"
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
ensure_database "$DB_NAME"

ensure_domain "$DOMAIN" "$SHOP_ADMIN_PORT" "$SHOP_HTTP_PORT"
log "Applying server configuration"
configure_jdbc "$SHOP_ADMIN_PORT" "$SHOP_DB_URL" "$SHOP_DB_USER" "$SHOP_DB_PASSWORD"
configure_properties "$SHOP_ADMIN_PORT" "selvedge.demo.mode=$SHOP_DEMO_MODE"
configure_staff_realm "$SHOP_ADMIN_PORT"

log "Deploying"
wait_for_deployed_app "$SHOP_ADMIN_PORT" "$SHOP_HTTP_PORT"
deploy() { asadmin_at "$SHOP_ADMIN_PORT" deploy --force=true --name selvedge "$ROOT/ear/target/selvedge.ear" >/dev/null; }
if ! deploy; then
    # A redeployment over a half-loaded earlier version can fail; a fresh JVM clears that.
    log "Deployment failed; restarting the domain and deploying once more"
    "$ASADMIN" restart-domain "$DOMAIN" >/dev/null
    deploy || fail "Deployment failed; see .run/payara6/glassfish/domains/$DOMAIN/logs/server.log"
fi

log "Waiting for the catalogue (the first run seeds 2,000 demo products)"
wait_for_ready "http://localhost:$SHOP_HTTP_PORT/health/ready"

# A demo staff account with a generated password; kept across runs once written.
CREDENTIALS="$RUN_DIR/demo-credentials.json"
if [[ -f "$CREDENTIALS" ]] && grep -q '"password"' "$CREDENTIALS" \
        && asadmin_at "$SHOP_ADMIN_PORT" list-file-users --authrealmname selvedge-staff | grep -qx admin; then
    ADMIN_PASSWORD="$(sed -n 's/.*"password": *"\([^"]*\)".*/\1/p' "$CREDENTIALS" | head -1)"
else
    ADMIN_PASSWORD="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)"
    PASSFILE="$(mktemp)"; trap 'rm -f "$PASSFILE"' EXIT
    printf 'AS_ADMIN_USERPASSWORD=%s\n' "$ADMIN_PASSWORD" > "$PASSFILE"
    if asadmin_at "$SHOP_ADMIN_PORT" list-file-users --authrealmname selvedge-staff | grep -qx admin; then
        asadmin_at "$SHOP_ADMIN_PORT" --passwordfile "$PASSFILE" update-file-user --authrealmname selvedge-staff --groups ADMIN admin >/dev/null
    else
        asadmin_at "$SHOP_ADMIN_PORT" --passwordfile "$PASSFILE" create-file-user --authrealmname selvedge-staff --groups ADMIN admin >/dev/null
    fi
    umask 077
    printf '{\n  "admin": {"username": "admin", "password": "%s"}\n}\n' "$ADMIN_PASSWORD" > "$CREDENTIALS"
fi

cat <<INFO

Selvedge is running.
  Storefront      http://localhost:$SHOP_HTTP_PORT/
  Catalogue API   http://localhost:$SHOP_HTTP_PORT/api/v1/products
  OpenAPI         http://localhost:$SHOP_HTTP_PORT/openapi
  Health          http://localhost:$SHOP_HTTP_PORT/health/ready
  Payara console  http://localhost:$SHOP_ADMIN_PORT/
  Demo staff      admin / $ADMIN_PASSWORD   (also in .run/demo-credentials.json)
Stop it with: server-config/stop.sh
INFO
