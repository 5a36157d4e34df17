#!/bin/sh
# Builds the sandbox runner image: ./build.sh <image:tag>
#        ./build.sh --base-only   (only make sure the base image exists)
# The base is a JDK 21 image. The usual one (eclipse-temurin) is pulled when a registry answers;
# otherwise it is bootstrapped from Debian packages (debootstrap + docker import), once, and cached
# under the tag in $SANDBOX_BOOTSTRAP_BASE.
set -eu

TAG=${1:?usage: build.sh <image:tag> | --base-only}
HERE=$(cd "$(dirname "$0")" && pwd)
PULL_BASE=${SANDBOX_PULL_BASE:-eclipse-temurin:21-jdk}
BOOTSTRAP_BASE=${SANDBOX_BOOTSTRAP_BASE:-course-sandbox-base:trixie-jdk21}
DEBIAN_MIRROR=${SANDBOX_DEBIAN_MIRROR:-http://deb.debian.org/debian}

log() { echo "[sandbox-image] $*"; }

if docker image inspect "$BOOTSTRAP_BASE" >/dev/null 2>&1; then
  BASE=$BOOTSTRAP_BASE
  log "using cached base $BASE"
elif docker image inspect "$PULL_BASE" >/dev/null 2>&1 || timeout 60 docker pull -q "$PULL_BASE" >/dev/null 2>&1; then
  BASE=$PULL_BASE
  log "using pulled base $BASE"
else
  log "cannot pull $PULL_BASE; bootstrapping a Debian trixie base with OpenJDK 21 (about a minute)"
  command -v debootstrap >/dev/null || { log "debootstrap is not installed (apt-get install debootstrap)"; exit 2; }
  ROOTFS=$(mktemp -d /tmp/sandbox-rootfs.XXXXXX)
  trap 'rm -rf "$ROOTFS"' EXIT
  debootstrap --variant=minbase --include=openjdk-21-jdk-headless trixie "$ROOTFS" "$DEBIAN_MIRROR" \
    > "$ROOTFS.log" 2>&1 || { tail -30 "$ROOTFS.log"; log "debootstrap failed"; exit 3; }
  rm -f "$ROOTFS.log"
  rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/*
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
docker build -q --build-arg BASE="$BASE" -t "$TAG" "$HERE" > "$BUILD_LOG" 2>&1 || { cat "$BUILD_LOG"; rm -f "$BUILD_LOG"; exit 4; }
rm -f "$BUILD_LOG"
log "built $TAG"
