#!/usr/bin/env bash
# Formats a KRaft broker's storage once, with a cluster id kept beside it.
#   format-storage.sh CONFIG ID_FILE JAVA [JVM OPTION...] -cp CLASSPATH
# The id comes from Kafka's own generator (Uuid.randomUuid() never starts with '-', which a
# hand-made base64 id does one time in 64 and the tool then reads as an option), and it is passed
# as --cluster-id=ID so that an id kept from an older run cannot be read as an option either.
set -euo pipefail
config="$1" id_file="$2"
shift 2
# The rest is the java command line that runs Kafka's classes (java, its options, -cp ...).
if [[ ! -s "$id_file" ]]; then
  id="$("$@" kafka.tools.StorageTool random-uuid | tail -n 1)"
  [[ "$id" =~ ^[A-Za-z0-9_-]{22}$ ]] || { echo "format-storage: Kafka gave no cluster id ('$id')" >&2; exit 1; }
  printf '%s' "$id" >"$id_file"
fi
exec "$@" kafka.tools.StorageTool format --cluster-id="$(<"$id_file")" --config="$config"
