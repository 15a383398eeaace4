# Demo data of the campaign service's campaigns, routing rules and leads (issue 12), loaded through the
# gateway with the manager's token. Idempotent: it looks before it creates, and every POST carries a fixed
# Idempotency-Key. Quiet on success; prints what failed otherwise. Usage: demo_campaign_leads GATEWAY_URL TOKEN
demo_campaign_leads() {
  local gw="$1" token="$2" auth rules campaigns id out
  auth="Authorization: Bearer $token"
  out="$(mktemp)"
  # A routing rule for EMEA leads: tier weights, capacity 5 open leads, 48 h to accept.
  rules="$(curl -sf --max-time 10 -H "$auth" "$gw/api/v1/routing-rules?limit=200")" ||
    { echo "demo campaign: GET /api/v1/routing-rules failed" >&2; rm -f "$out"; return 0; }
  if [[ "$rules" != *'"name":"EMEA leads"'* ]]; then
    curl -sf --max-time 10 -o "$out" -X POST "$gw/api/v1/routing-rules" -H "$auth" -H 'Content-Type: application/json' \
      -H 'Idempotency-Key: prm-demo-routing-rule-emea' \
      -d '{"name":"EMEA leads","priority":10,"active":true,"leadRegions":["EMEA"],"leadSpecialisations":[],
           "programIds":[],"matchRegion":true,"matchSpecialisation":false,"minTierRank":0,
           "tierWeights":{"REGISTERED":1,"SILVER":2,"GOLD":3,"PLATINUM":4},"defaultWeight":1,"capacity":5,
           "acceptanceSla":"PT48H"}' || echo "demo campaign: creating the routing rule failed: $(head -c 300 "$out")" >&2
  fi
  # A published campaign for active EMEA partners, with co-branded assets.
  campaigns="$(curl -sf --max-time 10 -H "$auth" "$gw/api/v1/campaigns?limit=200")" ||
    { echo "demo campaign: GET /api/v1/campaigns failed" >&2; rm -f "$out"; return 0; }
  if [[ "$campaigns" != *'"name":"Cloud Security Day"'* ]]; then
    if curl -sf --max-time 10 -o "$out" -X POST "$gw/api/v1/campaigns" -H "$auth" -H 'Content-Type: application/json' \
      -H 'Idempotency-Key: prm-demo-campaign-cloud-security-day' \
      -d '{"name":"Cloud Security Day","description":"Invite your customers to our cloud security day",
           "channels":["EMAIL","WEB"],"targeting":{"regions":["EMEA"],"tiers":[],"programIds":[],"specialisations":[]},
           "budget":{"amount":"25000.00","currency":"EUR"},"landingUrl":"https://www.example.com/cloud-security-day",
           "assets":[{"name":"Invitation e-mail","subject":"{{partner.name}} invites you to Cloud Security Day",
             "text":"Register at {{trackedLink}}. Questions? {{partner.contactEmail}}",
             "html":"<p><img src=\"{{partner.logoUrl}}\" alt=\"\"> <a href=\"{{trackedLink}}\">Register</a> - {{partner.name}}</p>"}]}'; then
      id="$(sed -n 's/.*"id":"\([^"]*\)".*/\1/p' "$out" | head -1)"
      curl -sf --max-time 10 -o "$out" -X POST "$gw/api/v1/campaigns/$id/publish" -H "$auth" ||
        echo "demo campaign: publishing the campaign failed: $(head -c 300 "$out")" >&2
    else
      echo "demo campaign: creating the campaign failed: $(head -c 300 "$out")" >&2
    fi
  fi
  # A lead the vendor hands in; routed at once (UNROUTED until an EMEA partner is active).
  curl -sf --max-time 10 -o "$out" -X POST "$gw/api/v1/leads" -H "$auth" -H 'Content-Type: application/json' \
    -H 'Idempotency-Key: prm-demo-lead-acme-retail' \
    -d '{"company":"Acme Retail GmbH","contactName":"Jana Novak","contactEmail":"jana.novak@acme-retail.example",
         "region":"EMEA","specialisation":"CLOUD_SECURITY","need":"Secure 40 stores moving to the cloud"}' ||
    echo "demo campaign: creating the demo lead failed: $(head -c 300 "$out")" >&2
  rm -f "$out"
}
