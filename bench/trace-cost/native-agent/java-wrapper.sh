#!/bin/sh
# Put before the JDK's java on PATH in an experiment image (see build.sh): the program's JVM loads the native agent
# (agent.c) instead of the Java tracer, whose class path entry and main class the launcher adds when it traces. With
# /opt/sandbox/exp/procsample present, the C /proc sampler (procsample.c) watches the JVM as well.
for arg in "$@"; do
  shift
  case "$arg" in
    /opt/sandbox/lib/tracer/threadlab-tracer.jar:*) arg=${arg#/opt/sandbox/lib/tracer/threadlab-tracer.jar:} ;;
    dev.threadlab.tracer.ThreadlabMain) continue ;;
  esac
  set -- "$@" "$arg"
done
if [ -x /opt/sandbox/exp/procsample ]; then
  /opt/sandbox/exp/procsample $$ /tmp/.procsample-$$.log &
fi
exec /usr/lib/jvm/java-21-openjdk-amd64/bin/java -agentpath:/opt/sandbox/exp/agent.so "$@"
