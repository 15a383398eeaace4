#!/usr/bin/env bash
# Demo data of the community service, loaded through the gateway by ./prm up:
#   demo_community GATEWAY_URL MANAGER_TOKEN
# A few spaces (general, Gold lounge, EMEA), resources, threads with a reply, and an announcement.
# Idempotent: every POST carries a fixed Idempotency-Key, so a second run gets the stored answers and
# creates nothing. Quiet on success; says what failed otherwise (and returns 1).

demo_community() {
  local gw="$1" token="$2"
  local general gold emea welcome question

  _community_post() { # path key json -> prints the answer's "id"
    local path="$1" key="$2" json="$3" out status
    out="$(mktemp)"
    status="$(curl -s -o "$out" -w '%{http_code}' --max-time 10 -X POST "$gw$path" \
      -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -H "Idempotency-Key: prm-demo-community-$key" -d "$json")"
    if [[ "$status" != 2* ]]; then
      echo "community demo: POST $path ($key) answered HTTP $status: $(head -c 300 "$out")" >&2
      rm -f "$out"
      return 1
    fi
    sed -E 's/^\{"id":"([0-9a-f-]{36})".*/\1/' "$out"
    rm -f "$out"
  }

  general="$(_community_post /api/v1/spaces space-general \
    '{"name":"General","description":"Questions and news for every partner","kind":"GENERAL"}')" || return 1
  gold="$(_community_post /api/v1/spaces space-gold-lounge \
    '{"name":"Gold lounge","description":"Roadmap previews and early access for Gold partners and above","kind":"TIER","visibility":{"minimumTier":"GOLD"}}')" || return 1
  emea="$(_community_post /api/v1/spaces space-emea \
    '{"name":"EMEA partners","description":"Events, regulations and pricing notes for EMEA","kind":"REGION","visibility":{"regions":["EMEA"]}}')" || return 1

  _community_post /api/v1/resources resource-pricing \
    '{"title":"Partner pricing guide 2027","description":"List prices, partner discounts and deal registration bonuses","kind":"DOCUMENT","tags":["pricing","sales"],"visibility":{"minimumTier":"SILVER"},"terms":"Confidential: do not share outside your organisation.","content":{"url":"https://docs.consort.example/pricing-2027.pdf","note":"First edition"}}' >/dev/null || return 1
  _community_post /api/v1/resources resource-playbook \
    '{"title":"Deal registration playbook","description":"How to register, extend and win protected deals","kind":"TEXT","tags":["deals","sales"],"content":{"text":"## Register early\n\nRegister each opportunity **before** the first customer meeting; renewals are registered again."}}' >/dev/null || return 1
  _community_post /api/v1/resources resource-demo-video \
    '{"title":"Product demo in 10 minutes","description":"A recorded demo to show customers","kind":"VIDEO","tags":["demo","enablement"],"content":{"url":"https://video.consort.example/demo-10-min"}}' >/dev/null || return 1

  welcome="$(_community_post /api/v1/threads thread-welcome \
    "{\"spaceId\":\"$general\",\"kind\":\"DISCUSSION\",\"title\":\"Welcome to the partner community\",\"body\":\"Introduce yourself and your team here. Questions about deal registration go in a **question** thread.\"}")" || return 1
  question="$(_community_post /api/v1/threads thread-renewals \
    "{\"spaceId\":\"$general\",\"kind\":\"QUESTION\",\"title\":\"Do renewals need a new deal registration?\",\"body\":\"A customer renews next quarter: do we register the renewal again?\"}")" || return 1
  _community_post "/api/v1/threads/$question/posts" post-renewals-answer \
    '{"body":"Yes: each renewal is registered again, and the protection window starts anew. See the *Deal registration playbook*."}' >/dev/null || return 1
  _community_post /api/v1/threads thread-gold-roadmap \
    "{\"spaceId\":\"$gold\",\"kind\":\"DISCUSSION\",\"title\":\"2027 roadmap preview\",\"body\":\"Early access to the new analytics module opens in February for Gold partners.\"}" >/dev/null || return 1
  _community_post /api/v1/threads thread-emea-events \
    "{\"spaceId\":\"$emea\",\"kind\":\"DISCUSSION\",\"title\":\"Partner summit Berlin\",\"body\":\"Who is coming to the EMEA partner summit in March?\"}" >/dev/null || return 1
  _community_post /api/v1/announcements announcement-q1 \
    '{"title":"Q1 incentives are live","body":"Gold partners earn **double rebates** on registered deals until the end of March.","publishAt":"2026-01-01T00:00:00Z"}' >/dev/null || return 1
  # Pin the welcome thread (a PUT: repeating it changes nothing).
  if ! curl -sf -o /dev/null --max-time 10 -X PUT "$gw/api/v1/threads/$welcome/moderation" \
      -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"pinned":true}'; then
    echo "community demo: pinning the welcome thread failed" >&2
    return 1
  fi
}
