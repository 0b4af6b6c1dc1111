#!/usr/bin/env bash
# Runs every test: unit tests, then Arquillian and browser tests against a Payara domain of their
# own ("selvedge-test", http 20080, admin 20048) and a fresh PostgreSQL database "shop_test".
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ensure_tools

TEST_DB_URL="${SHOP_TEST_DB_URL:-jdbc:postgresql://127.0.0.1:5432/shop_test}"
DB_USER="${SHOP_DB_USER:-postgres}"; DB_PASSWORD="${SHOP_DB_PASSWORD:-}"
DOMAIN=selvedge-test
ADMIN_PORT=20048
HTTP_PORT=20080
parse_db_url "$TEST_DB_URL"

ensure_postgres
ensure_db_role
recreate_database "$DB_NAME"
# The application connects as its own role, as the shop does (the tests' fixtures use the admin).
APP_DB_USER=selvedge_test
APP_DB_PASSWORD="$(secret "$DOMAIN" db-password)"
ensure_app_role "$APP_DB_USER" "$APP_DB_PASSWORD" "$DB_NAME"

(cd "$ROOT" && $MVN -B -q -pl server-config generate-resources)
# A fresh domain for every run: no state is carried from one test run to the next.
if domain_exists "$DOMAIN"; then
    domain_running "$DOMAIN" && "$ASADMIN" stop-domain "$DOMAIN" >/dev/null
    "$ASADMIN" delete-domain "$DOMAIN" >/dev/null
fi
ensure_domain "$DOMAIN" "$ADMIN_PORT" "$HTTP_PORT"
trap '"$ASADMIN" stop-domain "$DOMAIN" >/dev/null 2>&1 || true' EXIT
configure_jdbc "$ADMIN_PORT" "$TEST_DB_URL" "$APP_DB_USER" "$APP_DB_PASSWORD"
# Arquillian deploys through the admin REST interface with the domain's password.
export IT_ADMIN_PASSWORD="$ADMIN_PASSWORD"
configure_threads "$ADMIN_PORT"
configure_jms "$ADMIN_PORT" "$DOMAIN"
# The broker admits named users only, as in the shop: the tests send as the store user "store-it".
configure_broker "$ADMIN_PORT" "$DOMAIN" IT
if (( BROKER_RESTART )); then "$ASADMIN" restart-domain "$DOMAIN" >/dev/null; fi
export IT_JMS_USER=store-it
IT_JMS_PASSWORD="$(secret "$DOMAIN" mq-store-it-password)"
export IT_JMS_PASSWORD
# A staff account for the back-office tests, with a password made for this run.
STAFF_EMAIL=staff-it@selvedge.test
STAFF_PASSWORD="$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)"
configure_staff_bootstrap "$ADMIN_PORT" "$STAFF_EMAIL" "$STAFF_PASSWORD"
# The shop's emails go to the tests' own SMTP server (GreenMail, started by the tests).
SMTP_PORT=23025
configure_mail "$ADMIN_PORT" 127.0.0.1 "$SMTP_PORT" "http://localhost:$HTTP_PORT"
# Demo mode on: the demo catalogue job runs at the first deployment and DemoCatalogueIT checks it;
# the other tests make their own data under random names, so the demo products do not disturb them.
configure_properties "$ADMIN_PORT" "selvedge.demo.mode=true"
# The suite sends from 127.0.0.1 far more than one shopper would; the per-client limits are tested
# from other loopback addresses (127.0.0.2 and up), to which they apply.
configure_properties "$ADMIN_PORT" "selvedge.limits.exempt-clients=127.0.0.1"
# The tests' SMTP server is down between test classes: an email retried then must not hold up the
# next class's mail for the production pause of 30 s.
configure_properties "$ADMIN_PORT" "selvedge.mail.pause-seconds=2"
# Orders left on a provider's page are asked about every 3 s once 6 s old (5 min and 2 min live).
configure_properties "$ADMIN_PORT" "selvedge.payment.sweep-seconds=3:selvedge.payment.ask-after-seconds=6"
# Click and collect orders waiting at their store are looked at every second (every minute live).
configure_properties "$ADMIN_PORT" "selvedge.pickup.sweep-seconds=1"
# The card gateways talk to the tests' fakes of their APIs (WireMock, started by the tests).
STRIPE_FAKE_PORT=20091
RAZORPAY_FAKE_PORT=20092
PAYPAL_FAKE_PORT=20093
configure_properties "$ADMIN_PORT" "selvedge.payment.stripe.enabled=true:selvedge.payment.stripe.api-base=http\\://localhost\\:$STRIPE_FAKE_PORT:selvedge.payment.stripe.timeout-ms=2000"
configure_properties "$ADMIN_PORT" "selvedge.payment.razorpay.enabled=true:selvedge.payment.razorpay.key-id=rzp_test_selvedge_it:selvedge.payment.razorpay.api-base=http\\://localhost\\:$RAZORPAY_FAKE_PORT:selvedge.payment.razorpay.timeout-ms=2000"
configure_properties "$ADMIN_PORT" "selvedge.payment.paypal.enabled=true:selvedge.payment.paypal.client-id=pp_client_selvedge_it:selvedge.payment.paypal.webhook-id=WH-SELVEDGE-IT:selvedge.payment.paypal.api-base=http\\://localhost\\:$PAYPAL_FAKE_PORT:selvedge.payment.paypal.timeout-ms=2000"
# Their secrets are password aliases, as in a real deployment (the fakes know the same values).
set_secret "$ADMIN_PORT" selvedge.payment.stripe.secret-key sk_test_selvedge_it
set_secret "$ADMIN_PORT" selvedge.payment.stripe.webhook-secret whsec_selvedge_it
set_secret "$ADMIN_PORT" selvedge.payment.razorpay.key-secret rzp_secret_selvedge_it
set_secret "$ADMIN_PORT" selvedge.payment.razorpay.webhook-secret rzp_whsec_selvedge_it
set_secret "$ADMIN_PORT" selvedge.payment.paypal.client-secret pp_secret_selvedge_it
# Texts to shoppers go by SMS through the tests' fake of Twilio's Messaging API.
TWILIO_FAKE_PORT=20095
configure_properties "$ADMIN_PORT" "selvedge.notify.texts=sms:selvedge.twilio.enabled=true:selvedge.twilio.api-base=http\\://localhost\\:$TWILIO_FAKE_PORT:selvedge.twilio.account-sid=AC0123456789abcdef0123456789abcdef:selvedge.twilio.sms-from=+15005550006:selvedge.twilio.timeout-ms=2000:selvedge.twilio.retry-seconds=1"
set_secret "$ADMIN_PORT" selvedge.twilio.auth-token twilio_token_selvedge_it
# Parcels may go with Shiprocket, through the tests' fake of its API; bookings are retried after 1 s.
SHIPROCKET_FAKE_PORT=20094
configure_properties "$ADMIN_PORT" "selvedge.carrier.shiprocket.enabled=true:selvedge.carrier.shiprocket.api-base=http\\://localhost\\:$SHIPROCKET_FAKE_PORT:selvedge.carrier.shiprocket.timeout-ms=2000:selvedge.carrier.shiprocket.email=api@selvedge.test:selvedge.fulfilment.booking-retry-seconds=1"
set_secret "$ADMIN_PORT" selvedge.carrier.shiprocket.password sr_password_selvedge_it
set_secret "$ADMIN_PORT" selvedge.carrier.shiprocket.webhook-token sr_webhook_token_selvedge_it
set_secret "$ADMIN_PORT" selvedge.orders.link-secret "$(secret "$DOMAIN" order-link-secret 40)"

cd "$ROOT"
$MVN -B verify \
    -Dit.admin.port="$ADMIN_PORT" -Dit.http.port="$HTTP_PORT" -Dit.https.port="$(( 8181 + ADMIN_PORT - 4848 ))" -Dit.jms.port="$(( ADMIN_PORT + 2828 ))" \
    -Dit.domain="$DOMAIN" -Dit.staff.user="$STAFF_EMAIL" -Dit.staff.password="$STAFF_PASSWORD" \
    -Dit.smtp.port="$SMTP_PORT" -Dit.stripe.port="$STRIPE_FAKE_PORT" -Dit.razorpay.port="$RAZORPAY_FAKE_PORT" \
    -Dit.paypal.port="$PAYPAL_FAKE_PORT" -Dit.twilio.port="$TWILIO_FAKE_PORT" -Dit.shiprocket.port="$SHIPROCKET_FAKE_PORT" \
    -Dit.db.url="$TEST_DB_URL" -Dit.db.user="$DB_USER" -Dit.db.password="$DB_PASSWORD" "$@"
