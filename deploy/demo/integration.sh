#!/usr/bin/env bash
# Demo data of integration-service (outbound webhooks) for ./prm up:
#   demo_integration GATEWAY_URL MANAGER_TOKEN
# One webhook subscription to every deal event, for every partner, created PAUSED and pointing at a local
# receiver that the stack does not run (http://127.0.0.1:9999/webhooks/consort): nothing is sent until you
# start a receiver there and enable it (POST /api/v1/webhooks/{id}/enable, then .../test for a signed ping).
# ./prm allows http and loopback targets locally (PRM_WEBHOOKS_REQUIRE_HTTPS=false,
# PRM_WEBHOOKS_ALLOW_LOOPBACK=true); production refuses both.
#
# A channel manager may not subscribe (403): subscribing takes integrator or prm-admin, so this uses the
# demo user admin (prm-admin) of realm prm. Idempotent: an existing demo subscription (same URL) is left
# as it is, and the POST carries a fixed Idempotency-Key. Quiet on success; says what failed otherwise.

DEMO_WEBHOOK_URL="http://127.0.0.1:9999/webhooks/consort"

demo_integration() {
  local gw="$1" token list out status id
  if declare -F token_for >/dev/null; then
    token="$(token_for admin admin-pw)"
  else
    token="$(curl -sf --max-time 10 "${PRM_KEYCLOAK_URL:?}/realms/prm/protocol/openid-connect/token" \
      -d grant_type=password -d client_id=consort-portal -d username=admin -d password=admin-pw |
      sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
  fi
  [[ -n "$token" ]] || { echo "integration demo: no token for the demo user admin (prm-admin)" >&2; return 1; }
  local auth=(-H "Authorization: Bearer $token")

  list="$(curl -sf --max-time 10 "${auth[@]}" "$gw/api/v1/webhooks?limit=200")" ||
    { echo "integration demo: GET $gw/api/v1/webhooks failed" >&2; return 1; }
  if [[ "$list" == *"\"url\":\"$DEMO_WEBHOOK_URL\""* ]]; then
    return 0
  fi

  out="$(mktemp)"
  status="$(curl -s -o "$out" -w '%{http_code}' --max-time 10 -X POST "$gw/api/v1/webhooks" "${auth[@]}" \
    -H 'Content-Type: application/json' -H 'Idempotency-Key: prm-demo-integration-webhook-deals' \
    -d "{\"url\":\"$DEMO_WEBHOOK_URL\",\"eventTypes\":[\"deal.*\"],
         \"description\":\"Demo: every partner's deal events. Paused: start a receiver at $DEMO_WEBHOOK_URL, then enable it and send a test ping.\"}")"
  if [[ "$status" != 201 ]]; then
    echo "integration demo: POST /api/v1/webhooks answered HTTP $status: $(head -c 300 "$out")" >&2
    rm -f "$out"
    return 1
  fi
  id="$(sed -nE 's/.*"id":"([0-9a-f-]{36})".*/\1/p' "$out" | head -1)"
  rm -f "$out"
  [[ -n "$id" ]] || { echo "integration demo: the subscription's answer carried no id" >&2; return 1; }

  # Paused until someone runs a receiver: no deliveries are queued for a disabled subscription.
  if ! curl -sf -o /dev/null --max-time 10 -X POST "${auth[@]}" "$gw/api/v1/webhooks/$id/disable"; then
    echo "integration demo: pausing subscription $id failed" >&2
    return 1
  fi
}
