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

# The stock tables change at every sale and till event; without autovacuum their dead rows pile up
# and every stock write slows down within hours (this machine's PostgreSQL comes with it off).
ensure_autovacuum() {
    if [[ "$(psql_admin -Atc 'SHOW autovacuum')" != on ]]; then
        if psql_admin -c "ALTER SYSTEM SET autovacuum = on" -c "SELECT pg_reload_conf()" >/dev/null; then
            log "PostgreSQL's autovacuum was off: turned it on (ALTER SYSTEM, for the whole server)"
        else
            log "WARNING: PostgreSQL's autovacuum is off and could not be turned on; stock writes will slow down over time"
        fi
    fi
}

# Local trust authentication may lack the role we connect as; the postgres superuser adds it.
ensure_db_role() {
    if PGPASSWORD="$DB_PASSWORD" psql -X -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -tAc 'SELECT 1' >/dev/null 2>&1; then
        return 0
    fi
    [[ $EUID -eq 0 ]] || fail "Cannot connect to PostgreSQL as $DB_USER"
    su postgres -c "psql -X -q -c \"CREATE ROLE \\\"$DB_USER\\\" LOGIN CREATEDB PASSWORD '$DB_PASSWORD'\""
}

# The role the application connects as: it owns the shop's database and its objects, and nothing
# else (no superuser, no other databases). The extensions the migrations use are made for it here.
ensure_app_role() {
    local role="$1" password="$2" db="$3"
    # On standard input, so that the password never shows in a process list.
    psql_admin >/dev/null <<SQL
DO \$\$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN
        CREATE ROLE "$role" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '$password';
    ELSE
        ALTER ROLE "$role" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '$password';
    END IF;
END \$\$;
SQL
    psql_admin -c "ALTER DATABASE \"$db\" OWNER TO \"$role\"" >/dev/null
    PGPASSWORD="$DB_PASSWORD" psql -X -q -v ON_ERROR_STOP=1 -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$db" >/dev/null <<SQL
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
ALTER SCHEMA public OWNER TO "$role";
-- A database made by older scripts belongs to the superuser: hand its objects over.
DO \$\$ DECLARE r record; BEGIN
    FOR r IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c
             JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
               AND pg_get_userbyid(c.relowner) <> '$role'
               AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')) LOOP
        EXECUTE format('ALTER %s %s OWNER TO %I',
            CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
            r.name, '$role');
    END LOOP;
    FOR r IN SELECT p.oid::regprocedure AS fn FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             LEFT JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
             WHERE n.nspname = 'public' AND d.objid IS NULL AND pg_get_userbyid(p.proowner) <> '$role' LOOP
        EXECUTE format('ALTER FUNCTION %s OWNER TO %I', r.fn, '$role');
    END LOOP;
END \$\$;
SQL
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

new_secret() { head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c "$1"; }

# Secrets of a domain live in files readable by their owner only (.run/secrets/<domain>/), never
# in system properties, command lines or logs.
secrets_dir() { local dir="$RUN_DIR/secrets/$1"; (umask 077; mkdir -p "$dir"); printf '%s' "$dir"; }

# A secret kept in a file, made on first use: prints it.
secret() {
    local file; file="$(secrets_dir "$1")/$2"
    [[ -s "$file" ]] || (umask 077; new_secret "${3:-24}" > "$file")
    cat "$file"
}

# The admin password of a domain (generated on first use) and the asadmin password file holding it.
ensure_admin_passfile() {
    local name="$1" dir password
    dir="$(secrets_dir "$name")"
    password="$(secret "$name" admin-password)"
    ADMIN_PASSFILE="$dir/asadmin"
    (umask 077; printf 'AS_ADMIN_PASSWORD=%s\n' "$password" > "$ADMIN_PASSFILE")
    ADMIN_PASSWORD="$password"
}

# Creates the domain at a port base (admin = base + 48, http = base + 80) and starts it. The admin
# listens on loopback only, with a generated password (kept in .run/secrets/<domain>/).
ensure_domain() {
    local name="$1" admin_port="$2" http_port="$3"
    [[ -x "$ASADMIN" ]] || fail "Payara is not unpacked; run: $MVN -q -pl server-config generate-resources"
    ensure_admin_passfile "$name"
    if ! domain_exists "$name"; then
        log "Creating Payara domain $name (http $http_port, admin $admin_port)"
        # Every other port follows the admin port, so that the shop and the test domain (and
        # their JMS brokers) can run side by side.
        local offset=$(( admin_port - 4848 ))
        "$ASADMIN" --interactive=false --user admin --passwordfile "$ADMIN_PASSFILE" \
            create-domain --adminport "$admin_port" --instanceport "$http_port" \
            --domainproperties "jms.port=$(( 7676 + offset )):jmx.port=$(( 8686 + offset )):orb.listener.port=$(( 3700 + offset )):orb.ssl.port=$(( 3820 + offset )):orb.mutualauth.port=$(( 3920 + offset )):http.ssl.port=$(( 8181 + offset )):java.debugger.port=$(( 9009 + offset )):osgi.shell.telnet.port=$(( 6666 + offset ))" \
            "$name" >/dev/null
        # The JDBC driver goes in the domain's common class path before the first start.
        cp "$RUN_DIR/lib/postgresql.jar" "$PAYARA_HOME/glassfish/domains/$name/lib/"
        "$ASADMIN" start-domain "$name" >/dev/null
        asadmin_at "$admin_port" delete-jvm-options '-Xmx512m' >/dev/null 2>&1 || true
        asadmin_at "$admin_port" create-jvm-options '-Xmx1536m' >/dev/null
        # Demo pictures are drawn with Java2D on a machine without a display.
        asadmin_at "$admin_port" create-jvm-options '-Djava.awt.headless=true' >/dev/null 2>&1 || true
        set_broker_sync "$admin_port"
        harden_domain "$admin_port"
        make_certificate "$name" "$admin_port"
        touch "$(secrets_dir "$name")/hardened-$HARDENING"
        "$ASADMIN" restart-domain "$name" >/dev/null
    else
        cp -u "$RUN_DIR/lib/postgresql.jar" "$PAYARA_HOME/glassfish/domains/$name/lib/"
        if ! domain_running "$name"; then
            log "Starting Payara domain $name"
            "$ASADMIN" start-domain "$name" >/dev/null
        fi
        if ! asadmin_at "$admin_port" list-applications >/dev/null 2>&1; then
            # A domain made before it had a password (older scripts): give it the generated one.
            log "Setting the admin password of $name"
            local change; change="$(mktemp)"; chmod 600 "$change"
            printf 'AS_ADMIN_PASSWORD=\nAS_ADMIN_NEWPASSWORD=%s\n' "$ADMIN_PASSWORD" > "$change"
            "$ASADMIN" --host 127.0.0.1 --port "$admin_port" --interactive=false --user admin \
                --passwordfile "$change" change-admin-password >/dev/null
            rm -f "$change"
        fi
        if [[ ! -f "$(secrets_dir "$name")/hardened-$HARDENING" ]]; then
            log "Closing the ports of $name that nothing outside needs"
            harden_domain "$admin_port"
            make_certificate "$name" "$admin_port"
            "$ASADMIN" restart-domain "$name" >/dev/null
            touch "$(secrets_dir "$name")/hardened-$HARDENING"
        fi
    fi
}

# Bumped when harden_domain changes, so that existing domains get the new settings once.
HARDENING=1

# What the security review asked of the server (docs: README, "Security"): the admin console, JMX,
# IIOP, the JMS broker and the data grid listen on loopback only; the HTTP listeners announce no
# product or version, take bodies up to 1 MB, and let TRACE and bodies on GET or DELETE through to
# the application, which refuses them with problem details and closes the connection (Grizzly's
# own 405 left the body unread on a kept-alive connection, to be parsed as a second request, and
# its 400 had no body); the application sets X-Frame-Options itself (Grizzly's own one is
# SAMEORIGIN); server.log keeps 10 files of 10 MB.
harden_domain() {
    local port="$1" listener
    local c=configs.config.server-config
    set_all() { for kv in "$@"; do asadmin_at "$port" set "$kv" >/dev/null; done; }
    set_all "$c.admin-service.jmx-connector.system.address=127.0.0.1" \
        "$c.network-config.network-listeners.network-listener.admin-listener.address=127.0.0.1" \
        "$c.iiop-service.iiop-listener.orb-listener-1.address=127.0.0.1" \
        "$c.iiop-service.iiop-listener.SSL.address=127.0.0.1" \
        "$c.iiop-service.iiop-listener.SSL_MUTUALAUTH.address=127.0.0.1" \
        "$c.jms-service.jms-host.default_JMS_host.host=127.0.0.1" \
        "$c.jms-service.property.imq\\.hostname=127.0.0.1" \
        "$c.network-config.protocols.protocol.admin-listener.http.server-header=false" \
        "$c.network-config.protocols.protocol.admin-listener.http.xpowered-by=false"
    for listener in http-listener-1 http-listener-2; do
        set_all "$c.network-config.protocols.protocol.$listener.http.server-header=false" \
            "$c.network-config.protocols.protocol.$listener.http.xpowered-by=false" \
            "$c.network-config.protocols.protocol.$listener.http.trace-enabled=true" \
            "$c.network-config.protocols.protocol.$listener.http.max-post-size-bytes=1048576" \
            "$c.network-config.protocols.protocol.$listener.http.allow-payload-for-undefined-http-methods=true" \
            "$c.network-config.protocols.protocol.$listener.http.xframe-options=false"
    done
    asadmin_at "$port" set-hazelcast-configuration --dasBindAddress=127.0.0.1 --dynamic=false >/dev/null
    # Payara's own H2 databases (EJB timers, jdbc/__default) opened an H2 TCP server on a random
    # port of every interface (AUTO_SERVER=TRUE); embedded only, they listen nowhere.
    set_all 'resources.jdbc-connection-pool.__TimerPool.property.URL=jdbc:h2:${com.sun.aas.instanceRoot}/lib/databases/ejbtimer' \
        'resources.jdbc-connection-pool.H2Pool.property.URL=jdbc:h2:${com.sun.aas.instanceRoot}/lib/databases/embedded_default'
    # JVM and server figures are nobody's business outside (switch on with security if needed).
    asadmin_at "$port" set-metrics-configuration --enabled=false >/dev/null
    asadmin_at "$port" create-jvm-options '-Dproduct.name=' >/dev/null 2>&1 || true
    asadmin_at "$port" set-log-attributes \
        'com.sun.enterprise.server.logging.GFFileHandler.maxHistoryFiles=10:com.sun.enterprise.server.logging.GFFileHandler.rotationLimitInBytes=10485760' >/dev/null
}

# HTTPS (http-listener-2) serves a certificate made for this machine on the domain's first start,
# instead of Payara's default one (CN=vm); server-config/install-certificate.sh replaces it with a
# real one. TLS 1.2 and 1.3 are the only versions Payara 6 offers.
TLS_ALIAS=selvedge-tls
# The keystore's password is the domain's master password: Payara's default unless
# SHOP_MASTER_PASSWORD says it was changed (asadmin change-master-password).
master_password_file() {
    local file; file="$(mktemp)"; chmod 600 "$file"
    printf '%s\n' "${SHOP_MASTER_PASSWORD:-changeit}" > "$file"; printf '%s' "$file"
}
make_certificate() {
    local name="$1" port="$2" host pass
    host="$(hostname -f 2>/dev/null || hostname)"
    local keystore="$PAYARA_HOME/glassfish/domains/$name/config/keystore.p12"
    pass="$(master_password_file)"
    if ! keytool -list -keystore "$keystore" -storepass:file "$pass" -alias "$TLS_ALIAS" >/dev/null 2>&1; then
        keytool -genkeypair -keystore "$keystore" -storetype PKCS12 -storepass:file "$pass" -keypass:file "$pass" \
            -alias "$TLS_ALIAS" -keyalg RSA -keysize 3072 -validity 825 \
            -dname "CN=$host" -ext "SAN=DNS:$host,DNS:localhost,IP:127.0.0.1" >/dev/null 2>&1
    fi
    rm -f "$pass"
    asadmin_at "$port" set \
        "configs.config.server-config.network-config.protocols.protocol.http-listener-2.ssl.cert-nickname=$TLS_ALIAS" >/dev/null
}

# A secret the application reads through MicroProfile Config: a password alias of the same name
# (Payara's alias config source), created or changed.
set_secret() {
    local port="$1" name="$2" value="$3" file
    file="$(mktemp)"; chmod 600 "$file"
    printf 'AS_ADMIN_PASSWORD=%s\nAS_ADMIN_ALIASPASSWORD=%s\n' "$ADMIN_PASSWORD" "$value" > "$file"
    if asadmin_at "$port" list-password-aliases 2>/dev/null | grep -qx "$name"; then
        "$ASADMIN" --host 127.0.0.1 --port "$port" --interactive=false --user admin --passwordfile "$file" \
            update-password-alias "$name" >/dev/null
    else
        "$ASADMIN" --host 127.0.0.1 --port "$port" --interactive=false --user admin --passwordfile "$file" \
            create-password-alias "$name" >/dev/null
    fi
    rm -f "$file"
    # Earlier scripts kept secrets as system properties: those go.
    asadmin_at "$port" delete-system-property "$name" >/dev/null 2>&1 || true
}

# Every remote asadmin call: to the loopback admin listener, as admin with the domain's password
# file (ADMIN_PASSFILE, set by ensure_domain), never with a password on the command line.
asadmin_at() {
    local port="$1"; shift
    "$ASADMIN" --host 127.0.0.1 --port "$port" --interactive=false --user admin \
        --passwordfile "$ADMIN_PASSFILE" "$@"
}

# start-domain returns before the applications already deployed have finished loading; a
# redeployment that overlaps that loading breaks both. Waits until the app answers its health check.
wait_for_deployed_app() {
    local admin_port="$1" http_port="$2" started=$SECONDS
    asadmin_at "$admin_port" list-applications 2>/dev/null | grep -q '^selvedge ' || return 0
    while (( SECONDS - started < 180 )); do
        curl -skL "http://localhost:$http_port/health/ready" | grep -q '"catalogue"' && return 0
        sleep 2
    done
    log "The deployed application did not come up within 180 s; redeploying anyway"
}

escape_asadmin() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/:/\\:/g' -e 's/=/\\=/g'; }

# The JDBC pool and resource jdbc/shop, created or brought up to date with the given database. The
# password is the password alias shop-db-password, never written into domain.xml.
configure_jdbc() {
    local port="$1" url="$2" user="$3" password="$4"
    set_secret "$port" shop-db-password "$password"
    password='${ALIAS=shop-db-password}'
    local props="URL=$(escape_asadmin "$url"):user=$(escape_asadmin "$user")"
    props="$props:password=$(escape_asadmin "$password")"
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
        asadmin_at "$port" set "resources.jdbc-connection-pool.shop-pool.property.password=$password" >/dev/null
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
    grep -qx jms/orders/fulfilment <<<"$existing" || asadmin_at "$port" create-jms-resource \
        --restype jakarta.jms.Queue --property Name=OrderFulfilment jms/orders/fulfilment >/dev/null
    grep -qx jms/orders/status <<<"$existing" || asadmin_at "$port" create-jms-resource \
        --restype jakarta.jms.Topic --property Name=OrderStatus jms/orders/status >/dev/null
}

# Who may use the JMS broker (OpenMQ's file user repository and access control list): the shop
# itself (user "selvedge", in-server connections and MDBs), one user per store (store-<code>,
# which may send till events and read stock changes, nothing else), and the broker's admin; the
# guest user is off. Passwords are generated into .run/secrets/<domain>/ and handed to Payara as
# password aliases. Prints nothing; the caller restarts the domain when asked (BROKER_RESTART=1).
MQ_APP_USER=selvedge
configure_broker() {
    local port="$1" domain="$2"; shift 2
    local varhome="$PAYARA_HOME/glassfish/domains/$domain/imq"
    local etc="$varhome/instances/imqbroker/etc" usermgr="$PAYARA_HOME/mq/bin/imqusermgr"
    local c=configs.config.server-config.jms-service dir; dir="$(secrets_dir "$domain")"
    mq_destination() { # q|t name
        local pass; pass="$(mktemp)"; chmod 600 "$pass"
        printf 'imq.imqcmd.password=%s\n' "$(secret "$domain" mq-admin-password)" > "$pass"
        local mq=("$PAYARA_HOME/mq/bin/imqcmd" -b "127.0.0.1:$(( 7676 + port - 4848 ))" -u admin -passfile "$pass" -s -f)
        "${mq[@]}" query dst -t "$1" -n "$2" >/dev/null 2>&1 || "${mq[@]}" create dst -t "$1" -n "$2" >/dev/null
        rm -f "$pass"
    }
    broker_user() { # name group password
        local pass; pass="$(mktemp)"; chmod 600 "$pass"; printf '%s\n' "$3" > "$pass"
        if grep -q "^$1:" "$etc/passwd"; then
            "$usermgr" update -u "$1" -passfile "$pass" -a true -i imqbroker -varhome "$varhome" -f -s >/dev/null
        else
            "$usermgr" add -u "$1" -passfile "$pass" -g "$2" -i imqbroker -varhome "$varhome" -s >/dev/null
        fi
        rm -f "$pass"
    }
    # The broker starts lazily (and makes its user and access files at its first start): jms-ping
    # starts it.
    asadmin_at "$port" jms-ping >/dev/null
    broker_user admin admin "$(secret "$domain" mq-admin-password)"
    # The shop's destinations exist from the start; the broker creates no others on demand.
    # (OpenMQ's own imqcmd, as admin over the broker's port: asadmin's jmsdest commands need the
    # broker's JMX, which a lazily started embedded broker does not offer.)
    mq_destination q PosEvents
    mq_destination t StockChanges
    mq_destination q OrderFulfilment
    mq_destination t OrderStatus
    broker_user "$MQ_APP_USER" user "$(secret "$domain" mq-app-password)"
    local store
    for store in "$@"; do
        broker_user "store-${store,,}" user "$(secret "$domain" "mq-store-${store,,}-password")"
    done
    "$usermgr" update -u guest -a false -i imqbroker -varhome "$varhome" -f -s >/dev/null
    umask_write "$etc/accesscontrol.properties" <<ACL
version=JMQFileAccessControlModel/100
# Written by server-config (configure_broker); changes here are overwritten by the next run.
connection.NORMAL.allow.user=*
connection.ADMIN.allow.group=admin
# Only the shop reads, browses or writes queues and topics, and makes destinations...
queue.*.produce.allow.user=$MQ_APP_USER
queue.*.consume.allow.user=$MQ_APP_USER
queue.*.browse.allow.user=$MQ_APP_USER
topic.*.produce.allow.user=$MQ_APP_USER
topic.*.consume.allow.user=$MQ_APP_USER
# Clients "create" the destinations they use, which only looks them up: the broker makes no new
# ones (imq.autocreate.* is false).
queue.create.allow.user=*
topic.create.allow.user=*
# ...except that stores send their till events and follow the stock changes and the orders'
# status changes (order number and states only: no shopper's details).
queue.PosEvents.produce.allow.user=*
topic.StockChanges.consume.allow.user=*
topic.OrderStatus.consume.allow.user=*
ACL
    set_secret "$port" mq-app-password "$(secret "$domain" mq-app-password)"
    set_secret "$port" mq-admin-password "$(secret "$domain" mq-admin-password)"
    # In-server connections (jms/shop/connections) log in as the shop's user as well.
    local pool=resources.connector-connection-pool.jms/shop/connections-Connection-Pool
    asadmin_at "$port" set "$pool.property.UserName=$MQ_APP_USER" >/dev/null
    asadmin_at "$port" set "$pool.property.Password=\${ALIAS=mq-app-password}" >/dev/null
    BROKER_RESTART=0
    if ! asadmin_at "$port" get "$c.property.*" 2>/dev/null | grep -qx "$c.property.user-name=$MQ_APP_USER"; then
        asadmin_at "$port" set "$c.property.user-name=$MQ_APP_USER" >/dev/null
        asadmin_at "$port" set "$c.property.imq\\.autocreate\\.queue=false" >/dev/null
        asadmin_at "$port" set "$c.property.imq\\.autocreate\\.topic=false" >/dev/null
        # Till events are a few KB; nothing bigger gets into the broker.
        asadmin_at "$port" set "$c.property.imq\\.message\\.max_size=1m" >/dev/null
        asadmin_at "$port" set "$c.property.password=\${ALIAS=mq-app-password}" >/dev/null
        asadmin_at "$port" set "$c.jms-host.default_JMS_host.admin-user-name=admin" >/dev/null
        asadmin_at "$port" set "$c.jms-host.default_JMS_host.admin-password=\${ALIAS=mq-admin-password}" >/dev/null
        BROKER_RESTART=1
    fi
}

# Writes standard input to a file readable by its owner only.
umask_write() { (umask 077; cat > "$1"); }

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
    configure_properties "$port" "selvedge.staff.bootstrap.email=$email"
    set_secret "$port" selvedge.staff.bootstrap.password "$password"
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

# Follows the redirect to HTTPS when selvedge.https-only is on (-k: the machine's own certificate).
wait_for_ready() {
    local url="$1" timeout="${2:-900}" started=$SECONDS body=""
    while (( SECONDS - started < timeout )); do
        body="$(curl -skL "$url" || true)"
        if [[ "$body" == *'"status":"UP"'* ]]; then return 0; fi
        sleep 3
    done
    fail "Not ready after ${timeout}s: $url answered: $body"
}
