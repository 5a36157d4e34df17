#!/bin/sh
# Builds the sandbox runner image: ./build.sh <image:tag>
#        ./build.sh --base-only   (only make sure the base image exists)
# The base holds the two JDKs a run may choose (see JavaRelease in sandbox-protocol): Debian trixie's OpenJDK 25, the
# default, and OpenJDK 21. No published image carries both, so it is bootstrapped from Debian packages (debootstrap +
# docker import), once, and cached under the tag in $SANDBOX_BOOTSTRAP_BASE.
set -eu

TAG=${1:?usage: build.sh <image:tag> | --base-only}
HERE=$(cd "$(dirname "$0")" && pwd)
BOOTSTRAP_BASE=${SANDBOX_BOOTSTRAP_BASE:-course-sandbox-base:trixie-jdk21-jdk25}
# JDK 25's jmods, alone: the image build links Fray's instrumented JDK from them (see the Dockerfile), and only that.
JMODS_IMAGE=${SANDBOX_JMODS_IMAGE:-course-sandbox-jmods:trixie-jdk25}
DEBIAN_MIRROR=${SANDBOX_DEBIAN_MIRROR:-http://deb.debian.org/debian}

log() { echo "[sandbox-image] $*"; }

if docker image inspect "$BOOTSTRAP_BASE" >/dev/null 2>&1 && docker image inspect "$JMODS_IMAGE" >/dev/null 2>&1; then
  BASE=$BOOTSTRAP_BASE
  log "using cached base $BASE"
else
  log "bootstrapping a Debian trixie base with OpenJDK 21 and 25 (a few minutes)"
  command -v debootstrap >/dev/null || { log "debootstrap is not installed (apt-get install debootstrap)"; exit 2; }
  ROOTFS=$(mktemp -d /tmp/sandbox-rootfs.XXXXXX)
  trap 'rm -rf "$ROOTFS"' EXIT
  debootstrap --variant=minbase --include=openjdk-21-jdk-headless,openjdk-25-jdk-headless trixie "$ROOTFS" \
    "$DEBIAN_MIRROR" > "$ROOTFS.log" 2>&1 || { tail -30 "$ROOTFS.log"; log "debootstrap failed"; exit 3; }
  rm -f "$ROOTFS.log"
  tar -C "$ROOTFS"/usr/lib/jvm/java-25-openjdk-"$(chroot "$ROOTFS" dpkg --print-architecture)" -c jmods \
    | docker import - "$JMODS_IMAGE" >/dev/null
  # jmods only serve jlink (337 MB of JDK 25's 582): nothing in a run links a runtime image.
  rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/usr/lib/jvm/*/jmods
  tar -C "$ROOTFS" -c . | docker import - "$BOOTSTRAP_BASE" >/dev/null
  BASE=$BOOTSTRAP_BASE
  log "bootstrapped base $BASE"
fi

if [ "$TAG" = "--base-only" ]; then
  exit 0
fi
if [ ! -f "$HERE/lib/launcher/threadlab-launcher.jar" ]; then
  log "lib/ has no launcher jar: build with ./mvnw package (the sandbox-* modules put their jars there)"
  exit 5
fi
log "building $TAG from $BASE"
BUILD_LOG=$(mktemp)
docker build -q --build-arg BASE="$BASE" --build-arg JMODS="$JMODS_IMAGE" -t "$TAG" "$HERE" > "$BUILD_LOG" 2>&1 || { cat "$BUILD_LOG"; rm -f "$BUILD_LOG"; exit 4; }
rm -f "$BUILD_LOG"
log "built $TAG"
