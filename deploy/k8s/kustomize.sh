#!/usr/bin/env bash
# Renders a kustomization to stdout, as `kubectl apply -k` would apply it.
#
#   deploy/k8s/kustomize.sh [debian|path] DIR
#
# debian (the default): Debian's kubernetes-client (kubectl 1.20, Kustomize v2.0.3, the oldest the
#   manifests must stay readable by), unpacked without root into $CONSORT_TOOLS_CACHE (default
#   ~/.cache/consort-prm) on first use: `apt-get download` + `dpkg -x`, so it never clashes with a kubectl
#   the machine already has. The manifest tests of `./mvnw verify` call this.
# path: the kubectl (or kustomize) on PATH, whatever its version; exits 3 when there is none.
set -euo pipefail

mode=debian
if [[ $# -eq 2 ]]; then mode=$1; shift; fi
dir=${1:?usage: kustomize.sh [debian|path] DIR}

case "$mode" in
  path)
    if command -v kubectl >/dev/null 2>&1 && kubectl kustomize --help >/dev/null 2>&1; then
      exec kubectl kustomize "$dir"
    elif command -v kustomize >/dev/null 2>&1; then
      exec kustomize build "$dir"
    fi
    echo "kustomize.sh: no kubectl or kustomize on PATH" >&2
    exit 3
    ;;
  debian) ;;
  *) echo "kustomize.sh: unknown mode $mode (debian or path)" >&2; exit 2 ;;
esac

home="${CONSORT_TOOLS_CACHE:-$HOME/.cache/consort-prm}/kubernetes-client"
kubectl="$home/usr/bin/kubectl"
if [[ ! -x "$kubectl" ]]; then
  echo "kustomize.sh: fetching Debian's kubernetes-client into $home (once)" >&2
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  fetch() { (cd "$work" && apt-get download kubernetes-client >/dev/null 2>&1); }
  if ! fetch; then
    # A machine that never ran `apt-get update` has no package lists yet.
    if [[ $EUID -eq 0 ]]; then apt-get update -q >/dev/null 2>&1 || true
    elif command -v sudo >/dev/null 2>&1; then sudo -n apt-get update -q >/dev/null 2>&1 || true; fi
    fetch || { echo "kustomize.sh: 'apt-get download kubernetes-client' failed" >&2; exit 1; }
  fi
  mkdir -p "$home.tmp"
  dpkg -x "$work"/kubernetes-client_*.deb "$home.tmp"
  rm -rf "$home" && mv "$home.tmp" "$home"
fi
exec "$kubectl" kustomize "$dir"
