#!/usr/bin/env bash
# bench/load/run.sh — mixed traffic through the gateway of a running suite (./prm up), with real tokens.
#   bench/load/run.sh --rate 20 --duration 60 [--partners 50] [--bulk-lines 500] [--mix getPartner=10,importProspects=0]
# Ports and URLs come from the same variables as ./prm (PRM_GATEWAY_PORT, PRM_KEYCLOAK_URL, ...).
# Exit status 1 when any request answered 5xx or not at all.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$HERE/target/classes"
SRC="$HERE/src/io/consort/bench/load/LoadGenerator.java"
if [[ ! -f "$OUT/io/consort/bench/load/LoadGenerator.class" || "$SRC" -nt "$OUT/io/consort/bench/load/LoadGenerator.class" ]]; then
  mkdir -p "$OUT"
  javac --release 17 -d "$OUT" "$SRC"
fi
exec java -Xmx256m -XX:+UseSerialGC -cp "$OUT" io.consort.bench.load.LoadGenerator "$@"
