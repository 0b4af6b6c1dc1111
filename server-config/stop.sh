#!/usr/bin/env bash
# Stops the shop's Payara domain and the demo mail catcher; PostgreSQL and the data stay.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
if domain_running selvedge; then
    "$ASADMIN" stop-domain selvedge
else
    echo "The selvedge domain is not running."
fi
if [[ -f "$RUN_DIR/greenmail.pid" ]] && kill "$(cat "$RUN_DIR/greenmail.pid")" 2>/dev/null; then
    echo "Stopped the demo mail catcher."
fi
rm -f "$RUN_DIR/greenmail.pid"
