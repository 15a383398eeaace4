#!/usr/bin/env bash
# Makes sure the browser of SwaggerUiBrowserIT is here: Debian's chromium and its chromedriver, which the test drives
# with Selenium (no browser or driver is ever downloaded by Selenium itself). Installs them when missing; idempotent.
set -euo pipefail

CHROMIUM="${CONSORT_CHROMIUM:-/usr/bin/chromium}"
DRIVER="${CONSORT_CHROMEDRIVER:-/usr/bin/chromedriver}"

if [[ -x "$CHROMIUM" && -x "$DRIVER" ]]; then
  exit 0
fi
sudo_if_needed() { if [[ $EUID -eq 0 ]]; then "$@"; else sudo -n "$@"; fi; }
command -v apt-get >/dev/null || { echo "ensure-chromium: no apt-get here; install chromium and its chromedriver yourself" >&2; exit 1; }
echo "ensure-chromium: installing chromium and chromium-driver (Debian packages)" >&2
export DEBIAN_FRONTEND=noninteractive
# The lock is waited for: a machine may be installing something else just now.
sudo_if_needed apt-get -o DPkg::Lock::Timeout=300 update -q
sudo_if_needed apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends chromium chromium-driver
[[ -x "$CHROMIUM" && -x "$DRIVER" ]] || { echo "ensure-chromium: $CHROMIUM or $DRIVER still missing" >&2; exit 1; }
