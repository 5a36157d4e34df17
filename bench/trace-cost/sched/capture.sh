#!/bin/sh
# Records the kernel's scheduler events (sched_switch, sched_wakeup) on the host while a command runs, for
# report.py. Run as root on the host (tracefs at /sys/kernel/tracing), for example around the image benchmark:
#
#   bench/trace-cost/sched/capture.sh /tmp/sched.txt \
#     java -cp "sandbox-image/lib/launcher/*" bench/ImageTraceCost.java --compare QUEUE 8 img@0 img@500
#   python3 bench/trace-cost/sched/report.py /tmp/sched.txt off,on
#
# About 0.5 M events (85 MB of text) per run of the 200-thread queue program: BUFFER_KB (per CPU) must hold them all.
set -eu
OUT=${1:?usage: capture.sh <output file> <command>...}
shift
T=/sys/kernel/tracing
BUFFER_BEFORE=$(cat $T/buffer_size_kb)
CLOCK_BEFORE=$(sed 's/.*\[\(.*\)\].*/\1/' $T/trace_clock)
echo 0 > $T/tracing_on
echo > $T/trace
echo "${BUFFER_KB:-700000}" > $T/buffer_size_kb
echo 0 > $T/events/enable
echo 1 > $T/events/sched/sched_switch/enable
echo 1 > $T/events/sched/sched_wakeup/enable
echo mono > $T/trace_clock
echo 1 > $T/tracing_on
status=0
"$@" || status=$?
echo 0 > $T/tracing_on
cat $T/trace > "$OUT"
echo 0 > $T/events/enable
echo > $T/trace
echo "$BUFFER_BEFORE" > $T/buffer_size_kb
echo "$CLOCK_BEFORE" > $T/trace_clock
grep -q "entries-in-buffer/entries-written: \([0-9]*\)/\1 " "$OUT" || echo "capture.sh: the buffer overflowed; raise BUFFER_KB" >&2
exit $status
