#!/bin/bash
# Runs inside the sandbox image (see run.sh): the queue program in rounds, each round running every variant once,
# without the launcher. Prints "<variant> work-ms <N>" per run. Usage: rounds.sh <rounds> <variant>...
# SINK_NS_PER_BYTE makes the reader of the tracers' socket compute that long per byte (see Sink.java).
set -u
cd /work && cp /ex/Main.java . && javac -d /work Main.java && chmod 755 /work && chmod 1777 /tmp
java /ex/Sink.java ${SINK_NS_PER_BYTE:-} &
sleep 3
SHARED="-XX:SharedArchiveFile=/opt/sandbox/program.jsa -Xshare:auto -Xlog:cds=off,cds+dynamic=off"
SAFEPOINTS="-Xlog:safepoint=info:file=/tmp/.threadlab-safepoints-%p.log:timenanos:filecount=0"
AGENT="-agentpath:/opt/sandbox/lib/tracer/libthreadlab-agent.so"
TRACED="$SHARED $SAFEPOINTS $AGENT -cp /opt/sandbox/lib/tracer/threadlab-tracer.jar:/work dev.threadlab.tracer.ThreadlabMain Main"
SAMPLER=/opt/sandbox/lib/native/threadlab-sampler
export THREADLAB_TRACE_SOCKET=/tmp/.threadlab-trace.sock

as_launcher() { setpriv --reuid=10000 --regid=10000 --clear-groups "$@"; }
as_learner() { setpriv --reuid=10001 --regid=10001 --clear-groups "$@"; }

# Runs "$@" (a JVM) with the native sampler beside it, fed the JVM's pid; the sampler's lines are thrown away.
with_sampler() {
  local prefix=$1; shift
  rm -f /tmp/f && mkfifo /tmp/f
  $prefix "$SAMPLER" 500 threadlab-trace < /tmp/f > /dev/null & local sp=$!
  exec 3>/tmp/f
  "$@" & local jp=$!
  echo $jp >&3
  [ -n "${READ_PROC_FILE:-}" ] && (while [ -e /proc/$jp ]; do cat /proc/$jp/$READ_PROC_FILE > /dev/null; sleep 0.08; done) &
  wait $jp; echo stop >&3; exec 3>&-; wait $sp
}

run() {
  case $1 in
    plain) java -cp /work Main ;;
    plainuid) as_learner java -cp /work Main ;;
    main) java $SHARED $SAFEPOINTS -cp /opt/sandbox/lib/tracer/threadlab-tracer.jar:/work dev.threadlab.tracer.ThreadlabMain Main ;;
    agent10) THREADLAB_TRACE_HZ=10 java $TRACED ;;
    agent500) THREADLAB_TRACE_HZ=500 java $TRACED ;;
    sampler) with_sampler "" java -cp /work Main ;;
    both) THREADLAB_TRACE_HZ=500 with_sampler "" java $TRACED ;;
    bothuid) THREADLAB_TRACE_HZ=500 with_sampler as_launcher as_learner java $TRACED ;;
    bothsameuid) THREADLAB_TRACE_HZ=500 with_sampler as_learner as_learner java $TRACED ;;
    bothcmd) READ_PROC_FILE=cmdline THREADLAB_TRACE_HZ=500 with_sampler "" java $TRACED ;;
    bothcomm) READ_PROC_FILE=comm THREADLAB_TRACE_HZ=500 with_sampler "" java $TRACED ;;
    spin) /ex/polluter spin 90 & pp=$!; java -cp /work Main; kill $pp ;;
    pollute) /ex/polluter pollute 90 & pp=$!; java -cp /work Main; kill $pp ;;
    *) echo "unknown variant $1" >&2; exit 2 ;;
  esac
}
N=$1; shift
for r in $(seq "$N"); do for v in "$@"; do echo "$v $(run "$v" | grep -o 'work-ms [0-9]*')"; done; done
