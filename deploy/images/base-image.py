#!/usr/bin/env python3
"""Writes a container base image with a Java 17 runtime as a `docker save` archive, for Jib's tar:// base.

Usage: base-image.py <jlinked-runtime-dir> <out.tar>

The image is one layer: the runtime under /opt/java, the C libraries its launcher and libjvm load (taken from
this machine, as `ldd` resolves them), /etc/passwd with user 185 (the images' user, as in Quarkus' default
base) and a world-writable /tmp. Only used where the default base (registry.access.redhat.com/ubi9/
openjdk-17-runtime) cannot be pulled; see deploy/README.md, "Images".
"""
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile

runtime, out = sys.argv[1], sys.argv[2]


# java.se brings java.desktop; its native parts (AWT, fonts, images, sound) load only when a desktop API is
# used, which a server never does, so the X11/font/sound libraries they link against stay out of the image.
DESKTOP = ("libawt", "libfontmanager", "libjavajpeg", "libjawt", "libjsound", "liblcms", "libmlib_image",
           "libsplashscreen")


def libraries():
    """Every shared library the runtime's launchers and (non-desktop) libraries need, and the dynamic loader."""
    found = set()
    for dirpath, _, files in os.walk(runtime):
        for name in files:
            path = os.path.join(dirpath, name)
            if name.startswith(DESKTOP):
                continue
            if name.endswith(".so") or dirpath.endswith("/bin"):
                ldd = subprocess.run(["ldd", path], capture_output=True, text=True).stdout
                for line in ldd.splitlines():
                    parts = line.split()
                    if "=>" in parts and len(parts) > 2 and parts[2].startswith("/"):
                        if not parts[2].startswith(os.path.abspath(runtime)):
                            found.add(parts[2])
                    elif parts and parts[0].startswith("/") and "ld-linux" in parts[0]:
                        found.add(parts[0])
    return sorted(found)


def add_dir(tar, name, mode=0o755):
    info = tarfile.TarInfo(name)
    info.type, info.mode, info.mtime = tarfile.DIRTYPE, mode, 0
    tar.addfile(info)


def add_bytes(tar, name, data, mode=0o644):
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = len(data), mode, 0
    tar.addfile(info, io.BytesIO(data))


def add_file(tar, source, name):
    info = tar.gettarinfo(source, name)
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.mtime = 0
    if info.isfile():
        with open(source, "rb") as f:
            tar.addfile(info, f)
    else:
        tar.addfile(info)


layer = io.BytesIO()
with tarfile.open(fileobj=layer, mode="w", format=tarfile.PAX_FORMAT) as tar:
    for d in ["etc", "lib", "lib/x86_64-linux-gnu", "lib64", "opt", "usr", "usr/bin", "bin"]:
        add_dir(tar, d)
    add_dir(tar, "tmp", 0o1777)
    add_dir(tar, "proc", 0o555)
    add_bytes(tar, "etc/passwd", b"root:x:0:0:root:/root:/sbin/nologin\n"
              b"jboss:x:185:0:app:/home/jboss:/sbin/nologin\n")
    add_bytes(tar, "etc/group", b"root:x:0:\n")
    for lib in libraries():
        real = os.path.realpath(lib)
        add_file(tar, real, lib.lstrip("/"))
    for dirpath, dirs, files in os.walk(runtime):
        rel = os.path.relpath(dirpath, runtime)
        target = "opt/java" if rel == "." else "opt/java/" + rel
        add_file(tar, dirpath, target)
        for name in sorted(files):
            add_file(tar, os.path.join(dirpath, name), target + "/" + name)
layer_bytes = layer.getvalue()
diff_id = "sha256:" + hashlib.sha256(layer_bytes).hexdigest()

config = {
    "architecture": "amd64",
    "os": "linux",
    "config": {
        "Env": ["PATH=/opt/java/bin:/usr/bin:/bin", "JAVA_HOME=/opt/java", "LANG=C.UTF-8"],
        "User": "185",
        "WorkingDir": "/",
    },
    "rootfs": {"type": "layers", "diff_ids": [diff_id]},
    "history": [{"created_by": "deploy/images/base-image.py"}],
}
config_bytes = json.dumps(config, sort_keys=True).encode()
config_name = hashlib.sha256(config_bytes).hexdigest() + ".json"
manifest = [{"Config": config_name, "RepoTags": ["consort/base-jre:17"], "Layers": ["layer.tar"]}]

tmp = out + ".part"
with tarfile.open(tmp, "w") as archive:
    add_bytes(archive, config_name, config_bytes)
    add_bytes(archive, "layer.tar", layer_bytes)
    add_bytes(archive, "manifest.json", json.dumps(manifest).encode())
os.replace(tmp, out)
print(f"{out}: {len(layer_bytes) // (1024 * 1024)} MB layer, {diff_id[:19]}")
