#!/usr/bin/env bash
# Builds one app's container image with Quarkus' Jib extension and pushes it to a registry started here, with
# no Docker (or Podman) daemon anywhere, then checks the registry holds it and (as root) runs it. See
# deploy/README.md, "Images".
#
#   deploy/images/build.sh [module]        # default: gateway
#
# 1. docker-registry (Debian's standalone OCI registry, no Docker engine): installed with apt-get when missing.
# 2. A base image: the default (registry.access.redhat.com/ubi9/openjdk-17-runtime) when CONSORT_BASE_IMAGE
#    names it or a registry it can be pulled from; otherwise (this machine reaches no container registry) a
#    Java 17 runtime made here with jlink (base-image.py), cached in ~/.cache/consort-prm/images.
# 3. The registry on 127.0.0.1:<free port>, storage under deploy/target/images/registry.
# 4. ./mvnw package with -Dquarkus.container-image.build=true, push=true, registry=127.0.0.1:<port>,
#    insecure=true: the image is consort/<artifactId>:<version>, as the manifests name it.
# 5. The registry's HTTP API: the tag is listed, the manifest answers with its layers, every blob is there.
# 6. As root (CONSORT_IMAGES_RUN=1, the default when root): the image's layers, pulled back over the same API,
#    unpacked and run with chroot as the image's user with its entrypoint and environment; the app must answer
#    /q/health/live. Then everything started here stops.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
MODULE="${1:-gateway}"
WORK="$ROOT/deploy/target/images"
CACHE="${CONSORT_IMAGES_CACHE:-$HOME/.cache/consort-prm/images}"
RUN_CHECK="${CONSORT_IMAGES_RUN:-$([ "$(id -u)" = 0 ] && echo 1 || echo 0)}"
JAVA17_HOME="${CONSORT_IMAGES_JDK:-/usr/lib/jvm/java-17-openjdk-amd64}"

say() { printf '[images] %s\n' "$*"; }
die() { printf '[images] FAILED: %s\n' "$*" >&2; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

[ -f "$ROOT/$MODULE/src/main/resources/application.properties" ] || die "$MODULE is not an app module"
ARTIFACT="$(sed -n 's:^  <artifactId>\(.*\)</artifactId>:\1:p' "$ROOT/$MODULE/pom.xml" | head -1)"
VERSION="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$ROOT/pom.xml" | head -1)"
[ -n "$ARTIFACT" ] && [ -n "$VERSION" ] || die "cannot read the artifactId of $MODULE or the project's version"
REPO="consort/$ARTIFACT"

REGISTRY_PID=""
APP_PID=""
ROOTFS="$WORK/rootfs"
cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  if mountpoint -q "$ROOTFS/proc" 2>/dev/null; then umount "$ROOTFS/proc" || true; fi
  if [ -n "$REGISTRY_PID" ] && kill -0 "$REGISTRY_PID" 2>/dev/null; then
    kill "$REGISTRY_PID" 2>/dev/null || true; wait "$REGISTRY_PID" 2>/dev/null || true; say "registry stopped"
  fi
}
trap cleanup EXIT

# --- 1. the registry binary
mkdir -p "$(dirname "$WORK")"
if ! command -v docker-registry >/dev/null 2>&1; then
  say "installing Debian's docker-registry (a standalone registry; no Docker engine)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  # policy-rc.d may or may not keep the package from starting its own service on :5000; we stop nothing we did
  # not start, so a started service is only reported.
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends docker-registry >"$WORK.apt.log" 2>&1 \
    || die "apt-get install docker-registry failed: $(tail -3 "$WORK.apt.log")"
fi
mkdir -p "$WORK" "$CACHE"

# --- 2. the base image
BASE_ARGS=()
if [ -n "${CONSORT_BASE_IMAGE:-}" ]; then
  BASE_ARGS=("-Dquarkus.jib.base-jvm-image=$CONSORT_BASE_IMAGE")
  say "base image: $CONSORT_BASE_IMAGE"
else
  BASE_TAR="$CACHE/base-jre17.tar"
  if [ ! -s "$BASE_TAR" ] || [ "$ROOT/deploy/images/base-image.py" -nt "$BASE_TAR" ]; then
    say "making a Java 17 base image with jlink (no registry reachable for ubi9/openjdk-17-runtime)"
    rm -rf "$CACHE/jre"
    "$JAVA17_HOME/bin/jlink" --add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.management,jdk.naming.dns,jdk.localedata \
      --include-locales=en --strip-debug --no-man-pages --no-header-files --compress=2 --output "$CACHE/jre"
    python3 "$ROOT/deploy/images/base-image.py" "$CACHE/jre" "$BASE_TAR"
  fi
  BASE_ARGS=("-Dquarkus.jib.base-jvm-image=tar://$BASE_TAR")
  say "base image: tar://$BASE_TAR"
fi

# --- 3. the registry
PORT="${CONSORT_REGISTRY_PORT:-$(free_port)}"
rm -rf "$WORK/registry"; mkdir -p "$WORK/registry/data"
cat >"$WORK/registry/config.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $WORK/registry/data
http:
  addr: 127.0.0.1:$PORT
YAML
docker-registry serve "$WORK/registry/config.yml" >"$WORK/registry/registry.log" 2>&1 &
REGISTRY_PID=$!
REG="http://127.0.0.1:$PORT"
for _ in $(seq 1 100); do
  curl -fsS "$REG/v2/" >/dev/null 2>&1 && break
  kill -0 "$REGISTRY_PID" 2>/dev/null || die "the registry did not start: $(tail -3 "$WORK/registry/registry.log")"
  sleep 0.1
done
curl -fsS "$REG/v2/" >/dev/null || die "the registry does not answer on $REG"
say "registry up on 127.0.0.1:$PORT (pid $REGISTRY_PID)"

# --- 4. build and push with Jib
START=$(date +%s)
say "./mvnw package -pl $MODULE -am with the image built and pushed (log: $WORK/build.log)"
(cd "$ROOT" && ./mvnw -B -pl "$MODULE" -am package -DskipTests \
   -Dquarkus.container-image.build=true -Dquarkus.container-image.push=true \
   -Dquarkus.container-image.registry="127.0.0.1:$PORT" -Dquarkus.container-image.insecure=true \
   "${BASE_ARGS[@]}") >"$WORK/build.log" 2>&1 || die "the build failed: $(grep -E 'ERROR' "$WORK/build.log" | head -5)"
grep -E 'Pushed container image|Created container image' "$WORK/build.log" | sed 's/^/[images]   /' || true
say "built and pushed in $(( $(date +%s) - START )) s"

# --- 5. the registry holds it
ACCEPT='application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json'
TAGS="$(curl -fsS "$REG/v2/$REPO/tags/list")" || die "no repository $REPO in the registry"
python3 -c 'import json,sys; t=json.loads(sys.argv[1]); assert sys.argv[2] in (t.get("tags") or []), t' "$TAGS" "$VERSION" \
  || die "tag $VERSION not listed: $TAGS"
curl -fsS -H "Accept: $ACCEPT" -D "$WORK/manifest.headers" -o "$WORK/manifest.json" "$REG/v2/$REPO/manifests/$VERSION" \
  || die "no manifest for $REPO:$VERSION"
python3 - "$WORK/manifest.json" "$REG" "$REPO" "$WORK/config.json" <<'PY'
import json, sys, urllib.request
manifest_path, reg, repo, config_out = sys.argv[1:]
m = json.load(open(manifest_path))
assert m.get("schemaVersion") == 2, m
layers = m["layers"]
assert len(layers) >= 2, "the base layer and the app's layers"
for blob in [m["config"]] + layers:
    req = urllib.request.Request(f"{reg}/v2/{repo}/blobs/{blob['digest']}", method="HEAD")
    with urllib.request.urlopen(req) as r:
        assert int(r.headers["Content-Length"]) == blob["size"], blob
with urllib.request.urlopen(f"{reg}/v2/{repo}/blobs/{m['config']['digest']}") as r:
    config = json.load(r)
json.dump(config, open(config_out, "w"))
c = config["config"]
print(f"[images] manifest {m.get('mediaType', '?')}: {len(layers)} layers, "
      f"{sum(l['size'] for l in layers) // (1024 * 1024)} MB compressed; user {c.get('User')}, "
      f"entrypoint {' '.join(c.get('Entrypoint') or [])}")
PY
say "registry holds $REPO:$VERSION (digest $(sed -n 's/^[Dd]ocker-[Cc]ontent-[Dd]igest: *//p' "$WORK/manifest.headers" | tr -d '\r'))"

# --- 6. run it (root only: chroot and a /proc mount stand in for a container runtime)
if [ "$RUN_CHECK" != 1 ]; then
  say "run check skipped (not root, or CONSORT_IMAGES_RUN=0)"
  exit 0
fi
rm -rf "$ROOTFS"; mkdir -p "$ROOTFS"
python3 - "$WORK/manifest.json" "$REG" "$REPO" "$ROOTFS" <<'PY'
import json, sys, tarfile, urllib.request
manifest_path, reg, repo, rootfs = sys.argv[1:]
for layer in json.load(open(manifest_path))["layers"]:
    with urllib.request.urlopen(f"{reg}/v2/{repo}/blobs/{layer['digest']}") as r:
        with tarfile.open(fileobj=r, mode="r|*") as tar:
            tar.extractall(rootfs)
PY
mkdir -p "$ROOTFS/proc" "$ROOTFS/tmp"; chmod 1777 "$ROOTFS/tmp"
mount -t proc proc "$ROOTFS/proc" || die "cannot mount /proc for the run check (CONSORT_IMAGES_RUN=0 skips it)"
APP_PORT="$(free_port)"
UPPER="$(echo "$MODULE" | sed 's/-service$//' | tr 'a-z-' 'A-Z_')"
mapfile -t CMD < <(python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["config"]; print("\n".join((c.get("Entrypoint") or []) + (c.get("Cmd") or [])))' "$WORK/config.json")
mapfile -t ENVS < <(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))["config"].get("Env") or []))' "$WORK/config.json")
say "running $REPO:$VERSION from its layers: chroot, the image's user, workdir, environment and ${CMD[*]} (port $APP_PORT)"
# The image has no shell: chroot, chdir, setuid and exec are done by this small Python launcher.
env -i "${ENVS[@]}" "PRM_${UPPER}_PORT=$APP_PORT" PRM_KAFKA_BOOTSTRAP=127.0.0.1:1 \
  python3 -c '
import json, os, sys
rootfs, config_path, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
c = json.load(open(config_path))["config"]
user, _, group = (c.get("User") or "0").partition(":")
path = dict(e.split("=", 1) for e in c.get("Env") or []).get("PATH", "/usr/bin:/bin")
exe = cmd[0] if "/" in cmd[0] else next((d + "/" + cmd[0] for d in path.split(":")
                                         if os.access(rootfs + d + "/" + cmd[0], os.X_OK)), cmd[0])
os.chroot(rootfs)
os.chdir(c.get("WorkingDir") or "/")
os.setgroups([]); os.setgid(int(group or 0)); os.setuid(int(user))
os.execve(exe, cmd, dict(os.environ))
' "$ROOTFS" "$WORK/config.json" "${CMD[@]}" >"$WORK/run.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$APP_PORT/q/health/live" >/dev/null 2>&1; then
    say "the image runs: /q/health/live answers UP ($(grep -m1 -o 'started in [0-9.]*s' "$WORK/run.log" || echo started))"
    exit 0
  fi
  kill -0 "$APP_PID" 2>/dev/null || die "the app in the image exited: $(tail -5 "$WORK/run.log")"
  sleep 0.5
done
die "the app in the image did not answer /q/health/live in 60 s: $(tail -5 "$WORK/run.log")"
