#!/usr/bin/env bash
# The API checks of ./mvnw verify (see README.md): installs this module's pinned node packages locally from
# package-lock.json (once, again when the lock file changes), then lints and compiles every service's document.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

command -v node >/dev/null && command -v npm >/dev/null || {
  echo "api-checks: node and npm are needed (Debian: apt-get install nodejs npm)" >&2; exit 1; }
command -v java >/dev/null || { echo "api-checks: java is needed for openapi-generator" >&2; exit 1; }

stamp=node_modules/.package-lock.sha256
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  echo "api-checks: installing the pinned node packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi

exec node check.mjs ${API_SERVICES:-recruitment-service}
