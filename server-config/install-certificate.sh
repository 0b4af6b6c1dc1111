#!/usr/bin/env bash
# Installs a real TLS certificate for the shop's HTTPS listener (http-listener-2):
#   server-config/install-certificate.sh fullchain.pem privkey.pem [domain]
# The chain starts with the shop's own certificate; the key is PEM (PKCS#8 or RSA, unencrypted).
# The domain restarts to serve it. Run it again with a renewed certificate.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
[[ $# -ge 2 ]] || fail "usage: $0 fullchain.pem privkey.pem [domain]"
CHAIN="$1"; KEY="$2"; DOMAIN="${3:-selvedge}"
[[ -r "$CHAIN" && -r "$KEY" ]] || fail "Cannot read $CHAIN or $KEY"
openssl x509 -in "$CHAIN" -noout >/dev/null 2>&1 || fail "$CHAIN is not a PEM certificate"
KEYSTORE="$PAYARA_HOME/glassfish/domains/$DOMAIN/config/keystore.p12"
[[ -f "$KEYSTORE" ]] || fail "No domain $DOMAIN; run server-config/run.sh first"
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
# The store and key passwords are the domain's master password (SHOP_MASTER_PASSWORD, or Payara's
# default), handed over in a file rather than on a command line.
PASS="$(master_password_file)"; mv "$PASS" "$WORK/pass"; PASS="$WORK/pass"
openssl pkcs12 -export -in "$CHAIN" -inkey "$KEY" -name "$TLS_ALIAS" -out "$WORK/shop.p12" -passout "file:$PASS"
keytool -delete -keystore "$KEYSTORE" -storepass:file "$PASS" -alias "$TLS_ALIAS" >/dev/null 2>&1 || true
keytool -importkeystore -srckeystore "$WORK/shop.p12" -srcstoretype PKCS12 -srcstorepass:file "$PASS" \
    -destkeystore "$KEYSTORE" -deststoretype PKCS12 -deststorepass:file "$PASS" -destkeypass:file "$PASS" \
    -alias "$TLS_ALIAS" -noprompt >/dev/null
log "Installed $(openssl x509 -in "$CHAIN" -noout -subject); restarting $DOMAIN"
"$ASADMIN" restart-domain "$DOMAIN" >/dev/null
