# Shared functions of run.sh and test.sh: PostgreSQL, the Payara domain and its resources.
# Every function is idempotent: running it again leaves things as they are.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_DIR="$ROOT/.run"
PAYARA_HOME="$RUN_DIR/payara6"
ASADMIN="$PAYARA_HOME/bin/asadmin"
MVN="${MVN:-mvn}"

# Commands the scripts need beyond Java and Maven; installed from Debian's packages when missing.
ensure_tools() {
    local missing=()
    command -v curl >/dev/null || missing+=(curl)
    (( ${#missing[@]} )) || return 0
    [[ $EUID -eq 0 ]] || { echo "Please install: ${missing[*]}" >&2; exit 1; }
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf '\033[31mERROR: %s\033[0m\n' "$*" >&2; exit 1; }

# Splits a jdbc:postgresql://host:port/db URL into DB_HOST, DB_PORT and DB_NAME.
parse_db_url() {
    local url="$1" rest
    [[ "$url" =~ ^jdbc:postgresql://([^/:]+)(:([0-9]+))?/([A-Za-z0-9_]+) ]] \
        || fail "SHOP_DB_URL must look like jdbc:postgresql://host:5432/shop, got '$url'"
    DB_HOST="${BASH_REMATCH[1]}"
    DB_PORT="${BASH_REMATCH[3]:-5432}"
    DB_NAME="${BASH_REMATCH[4]}"
}

db_answers() { (exec 3<>"/dev/tcp/$DB_HOST/$DB_PORT") 2>/dev/null; }

# Uses the PostgreSQL at DB_HOST:DB_PORT; when none answers on this machine, starts the local
# cluster, installing Debian's postgresql first when it is missing and we are root.
ensure_postgres() {
    if db_answers; then return 0; fi
    [[ "$DB_HOST" == "127.0.0.1" || "$DB_HOST" == "localhost" ]] \
        || fail "PostgreSQL at $DB_HOST:$DB_PORT does not answer"
    if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
        [[ $EUID -eq 0 ]] || fail "PostgreSQL is not installed; run as root or: sudo apt-get install postgresql"
        log "Installing PostgreSQL (Debian package)"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    local version
    version="$(ls /usr/lib/postgresql | sort -n | tail -1)"
    if ! pg_lsclusters -h 2>/dev/null | grep -q "^$version main"; then
        pg_createcluster "$version" main >/dev/null
    fi
    log "Starting PostgreSQL $version"
    if [[ $EUID -eq 0 ]]; then
        pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    else
        pg_ctlcluster "$version" main start || true
    fi
    for _ in $(seq 1 30); do db_answers && return 0; sleep 1; done
    fail "PostgreSQL did not start on $DB_HOST:$DB_PORT"
}

psql_admin() {
    PGPASSWORD="$DB_PASSWORD" psql -X -q -v ON_ERROR_STOP=1 -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres "$@"
}

# Local trust authentication may lack the role we connect as; the postgres superuser adds it.
ensure_db_role() {
    if PGPASSWORD="$DB_PASSWORD" psql -X -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -tAc 'SELECT 1' >/dev/null 2>&1; then
        return 0
    fi
    [[ $EUID -eq 0 ]] || fail "Cannot connect to PostgreSQL as $DB_USER"
    su postgres -c "psql -X -q -c \"CREATE ROLE \\\"$DB_USER\\\" LOGIN CREATEDB PASSWORD '$DB_PASSWORD'\""
}

ensure_database() {
    local name="$1"
    if [[ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'")" != "1" ]]; then
        log "Creating database $name"
        psql_admin -c "CREATE DATABASE \"$name\""
    fi
}

recreate_database() {
    local name="$1"
    psql_admin -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)"
    psql_admin -c "CREATE DATABASE \"$name\""
}

domain_running() { "$ASADMIN" list-domains 2>/dev/null | grep -q "^$1 running"; }
domain_exists() { "$ASADMIN" list-domains 2>/dev/null | grep -q "^$1 "; }

# Creates the domain at a port base (admin = base + 48, http = base + 80) and starts it.
ensure_domain() {
    local name="$1" admin_port="$2" http_port="$3"
    [[ -x "$ASADMIN" ]] || fail "Payara is not unpacked; run: $MVN -q -pl server-config generate-resources"
    if ! domain_exists "$name"; then
        log "Creating Payara domain $name (http $http_port, admin $admin_port)"
        # Every other port follows the admin port, so that the shop and the test domain (and
        # their JMS brokers) can run side by side.
        local offset=$(( admin_port - 4848 ))
        "$ASADMIN" create-domain --nopassword --adminport "$admin_port" --instanceport "$http_port" \
            --domainproperties "jms.port=$(( 7676 + offset )):orb.listener.port=$(( 3700 + offset )):orb.ssl.port=$(( 3820 + offset )):orb.mutualauth.port=$(( 3920 + offset )):http.ssl.port=$(( 8181 + offset )):java.debugger.port=$(( 9009 + offset )):osgi.shell.telnet.port=$(( 6666 + offset ))" \
            "$name" >/dev/null
        # The JDBC driver goes in the domain's common class path before the first start.
        cp "$RUN_DIR/lib/postgresql.jar" "$PAYARA_HOME/glassfish/domains/$name/lib/"
        "$ASADMIN" start-domain "$name" >/dev/null
        asadmin_at "$admin_port" delete-jvm-options '-Xmx512m' >/dev/null 2>&1 || true
        asadmin_at "$admin_port" create-jvm-options '-Xmx1536m' >/dev/null
        # Demo pictures are drawn with Java2D on a machine without a display.
        asadmin_at "$admin_port" create-jvm-options '-Djava.awt.headless=true' >/dev/null 2>&1 || true
        set_broker_sync "$admin_port"
        "$ASADMIN" restart-domain "$name" >/dev/null
    else
        cp -u "$RUN_DIR/lib/postgresql.jar" "$PAYARA_HOME/glassfish/domains/$name/lib/"
        if ! domain_running "$name"; then
            log "Starting Payara domain $name"
            "$ASADMIN" start-domain "$name" >/dev/null
        fi
    fi
}

asadmin_at() { local port="$1"; shift; "$ASADMIN" --port "$port" --interactive=false "$@"; }

# start-domain returns before the applications already deployed have finished loading; a
# redeployment that overlaps that loading breaks both. Waits until the app answers its health check.
wait_for_deployed_app() {
    local admin_port="$1" http_port="$2" started=$SECONDS
    asadmin_at "$admin_port" list-applications 2>/dev/null | grep -q '^selvedge ' || return 0
    while (( SECONDS - started < 180 )); do
        curl -s "http://localhost:$http_port/health/ready" | grep -q '"catalogue"' && return 0
        sleep 2
    done
    log "The deployed application did not come up within 180 s; redeploying anyway"
}

escape_asadmin() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/:/\\:/g' -e 's/=/\\=/g'; }

# The JDBC pool and resource jdbc/shop, created or brought up to date with the given database.
configure_jdbc() {
    local port="$1" url="$2" user="$3" password="$4"
    local props="URL=$(escape_asadmin "$url"):user=$(escape_asadmin "$user")"
    # An empty password is written "()" in asadmin properties; Payara refuses a missing one.
    props="$props:password=$( [[ -n "$password" ]] && escape_asadmin "$password" || printf '()')"
    if ! asadmin_at "$port" list-jdbc-connection-pools | grep -qx shop-pool; then
        asadmin_at "$port" create-jdbc-connection-pool \
            --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource \
            --steadypoolsize 8 --maxpoolsize 40 --statementcachesize 200 \
            --isconnectvalidatereq true --validationmethod custom-validation \
            --validationclassname org.glassfish.api.jdbc.validation.PostgresConnectionValidation \
            --failconnection true --property "$props" shop-pool >/dev/null
    else
        asadmin_at "$port" set "resources.jdbc-connection-pool.shop-pool.property.URL=$url" >/dev/null
        asadmin_at "$port" set "resources.jdbc-connection-pool.shop-pool.property.user=$user" >/dev/null
        asadmin_at "$port" set "resources.jdbc-connection-pool.shop-pool.property.password=${password:-()}" >/dev/null
    fi
    # Validate a connection at most every 10 s rather than on each checkout (a round trip each).
    asadmin_at "$port" set resources.jdbc-connection-pool.shop-pool.validate-atmost-once-period-in-seconds=10 >/dev/null
    if ! asadmin_at "$port" list-jdbc-resources | grep -qx jdbc/shop; then
        asadmin_at "$port" create-jdbc-resource --connectionpoolid shop-pool jdbc/shop >/dev/null
    fi
    asadmin_at "$port" ping-connection-pool shop-pool >/dev/null || fail "Payara cannot reach the database at $url"
}

# JMS on the embedded OpenMQ broker: the connection factory and destinations the application
# looks up, and a broker that syncs its message store to disk (its default can lose messages that
# it has acknowledged when the machine crashes).
BROKER_SYNC='configs.config.server-config.jms-service.property.imq\.persist\.file\.sync\.enabled'
set_broker_sync() { asadmin_at "$1" set "$BROKER_SYNC=true" >/dev/null; }

configure_jms() {
    local port="$1" domain="$2"
    # The broker reads it at start: a domain made before this setting existed restarts once.
    if ! asadmin_at "$port" get 'configs.config.server-config.jms-service.property.*' 2>/dev/null \
            | grep -qx 'configs.config.server-config.jms-service.property.imq.persist.file.sync.enabled=true'; then
        set_broker_sync "$port"
        log "Restarting $domain so that its JMS broker syncs its message store to disk"
        "$ASADMIN" restart-domain "$domain" >/dev/null
    fi
    local existing; existing="$(asadmin_at "$port" list-jms-resources)"
    grep -qx jms/shop/connections <<<"$existing" || asadmin_at "$port" create-jms-resource \
        --restype jakarta.jms.ConnectionFactory jms/shop/connections >/dev/null
    grep -qx jms/pos/events <<<"$existing" || asadmin_at "$port" create-jms-resource \
        --restype jakarta.jms.Queue --property Name=PosEvents jms/pos/events >/dev/null
    grep -qx jms/stock/changes <<<"$existing" || asadmin_at "$port" create-jms-resource \
        --restype jakarta.jms.Topic --property Name=StockChanges jms/stock/changes >/dev/null
}

# Request threads: Payara's default http-thread-pool has at most 5, too few for a shop.
configure_threads() {
    local port="$1"
    asadmin_at "$port" set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=64 >/dev/null
    asadmin_at "$port" set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.min-thread-pool-size=16 >/dev/null
}

# Application settings, read through MicroProfile Config as system properties.
configure_properties() {
    local port="$1"; shift
    asadmin_at "$port" create-system-properties "$@" >/dev/null
}

# The first administrator: the application creates this staff account at start (or gives it this
# password again), see dev.selvedge.account.StaffBootstrap.
configure_staff_bootstrap() {
    local port="$1" email="$2" password="$3"
    configure_properties "$port" "selvedge.staff.bootstrap.email=$email:selvedge.staff.bootstrap.password=$password"
}

# The mail session the shop sends through (mail/shop), to an SMTP server at host:port.
configure_mail() {
    local port="$1" smtp_host="$2" smtp_port="$3" public_url="$4"
    if asadmin_at "$port" list-javamail-resources | grep -qx mail/shop; then
        asadmin_at "$port" delete-javamail-resource mail/shop >/dev/null
    fi
    asadmin_at "$port" create-javamail-resource --mailhost "$smtp_host" --mailuser selvedge \
        --fromaddress shop@selvedge.example \
        --property "mail.smtp.port=$smtp_port:mail.smtp.connectiontimeout=5000:mail.smtp.timeout=10000" \
        mail/shop >/dev/null
    configure_properties "$port" "selvedge.public-url=$(escape_asadmin "$public_url")"
}

# The demo's mail catcher (GreenMail) on 127.0.0.1:3025: the shop's emails go there, never out.
ensure_mail_catcher() {
    if (exec 3<>/dev/tcp/127.0.0.1/3025) 2>/dev/null; then return 0; fi
    log "Starting the demo mail catcher (GreenMail, SMTP 127.0.0.1:3025)"
    nohup java -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port=3025 -Dgreenmail.auth.disabled \
        -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port=8025 \
        -jar "$RUN_DIR/lib/greenmail-standalone.jar" > "$RUN_DIR/greenmail.log" 2>&1 &
    echo $! > "$RUN_DIR/greenmail.pid"
    for _ in $(seq 1 30); do (exec 3<>/dev/tcp/127.0.0.1/3025) 2>/dev/null && return 0; sleep 1; done
    fail "The mail catcher did not start; see .run/greenmail.log"
}

wait_for_ready() {
    local url="$1" timeout="${2:-900}" started=$SECONDS body=""
    while (( SECONDS - started < timeout )); do
        body="$(curl -s "$url" || true)"
        if [[ "$body" == *'"status":"UP"'* ]]; then return 0; fi
        sleep 3
    done
    fail "Not ready after ${timeout}s: $url answered: $body"
}
