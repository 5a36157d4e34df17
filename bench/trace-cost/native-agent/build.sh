#!/bin/sh
# Builds the native-agent experiment's images on top of a sandbox image (see README.md here):
#   bench/trace-cost/native-agent/build.sh threadlab-sandbox:<tag>
# makes threadlab-exp:native (the agent instead of the Java tracer) and threadlab-exp:cproc (the agent and the C /proc
# sampler). Needs gcc and a JDK's include folder; the binaries use only old glibc symbols, so a host older than the
# image (Debian 12 here, 13 in the image) builds them.
set -eu
BASE=${1:?usage: build.sh <sandbox image>}
HERE=$(cd "$(dirname "$0")" && pwd)
JDK=${JDK_INCLUDE_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
gcc -O2 -shared -fPIC -I"$JDK/include" -I"$JDK/include/linux" -o "$WORK/agent.so" "$HERE/agent.c"
cp "$HERE/java-wrapper.sh" "$WORK/java"
printf 'FROM %s\nCOPY agent.so /opt/sandbox/exp/\nCOPY java /usr/local/bin/java\n' "$BASE" > "$WORK/Dockerfile"
docker build -q -t threadlab-exp:native "$WORK" >/dev/null
gcc -O2 -o "$WORK/procsample" "$HERE/procsample.c"
printf 'FROM threadlab-exp:native\nCOPY procsample /opt/sandbox/exp/\n' > "$WORK/Dockerfile"
docker build -q -t threadlab-exp:cproc "$WORK" >/dev/null
echo "built threadlab-exp:native and threadlab-exp:cproc on $BASE"
