#!/usr/bin/env bash
# Stops the shop's Payara domain; PostgreSQL and the data stay.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
if domain_running selvedge; then
    "$ASADMIN" stop-domain selvedge
else
    echo "The selvedge domain is not running."
fi
