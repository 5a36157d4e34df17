#!/usr/bin/env python3
"""Where the CPUs went while a program ran, from capture.sh's scheduler events (see capture.sh for how to run).

    report.py <events file> <variant names, comma-separated, in the order the runs were made> [program thread prefixes]

A run is a stretch of events of the program's threads (by default the queue program's producer-N and consumer-N)
without a gap of 0.3 s. Per run it prints the run's length, how often the program's threads were woken, and what the
tracer's threads (the launcher's sampler and readers, the agent's thread) cost: their CPU time, and the time program
threads woken onto a CPU that was running one of them waited for it. Per variant, the mean CPU each thread name used
per 100 ms in the runs' steady part (0.3 to 1.0 s after the first of the program's threads ran).
"""
import collections
import re
import sys

SWITCH = re.compile(r'\[(\d+)\] \S+ +([\d.]+): sched_switch: prev_comm=(.*?) prev_pid=(\d+) prev_prio=\d+ '
                    r'prev_state=(\S+) ==> next_comm=(.*?) next_pid=(\d+)')
WAKEUP = re.compile(r'\[(\d+)\] \S+ +([\d.]+): sched_wakeup: comm=(.*?) pid=(\d+) prio=\d+ target_cpu=(\d+)')
TRACER = ('threadlab-sampl', 'sampler-reader', 'threadlab-trace', 'agent-reader')
GAP = 0.3
STEADY = (0.3, 1.0)


def read(path, program):
    events = []
    with open(path) as lines:
        for line in lines:
            m = SWITCH.search(line)
            if m:
                events.append(('switch', int(m[1]), float(m[2]), m[3], m[5], m[6], int(m[7])))
                continue
            m = WAKEUP.search(line)
            if m and m[3].startswith(program):
                events.append(('wakeup', int(m[5]), float(m[2]), m[3], int(m[4])))
    return events


def runs_of(events, program):
    runs, last = [], None
    for e in events:
        if e[0] == 'switch' and (e[3].startswith(program) or e[5].startswith(program)):
            if last is None or e[2] - last > GAP:
                runs.append([e[2], e[2]])
            runs[-1][1] = last = e[2]
    return runs


def measure(events, runs, program):
    stats = [dict(wakeups=0, tracer_cpu=0.0, blocked=0.0, steady=collections.Counter()) for _ in runs]
    running, woken, index = {}, {}, 0
    for e in events:
        t = e[2]
        while index < len(runs) and t > runs[index][1]:
            index += 1
            woken.clear()
        inside = index < len(runs) and t >= runs[index][0]
        if e[0] == 'wakeup':
            if inside:
                stats[index]['wakeups'] += 1
                if running.get(e[1], ('',))[0] in TRACER:
                    woken[e[4]] = t
            continue
        _, cpu, _, prev, _, nxt, next_pid = e
        if inside and cpu in running:
            name, since = running[cpu]
            start = max(since, runs[index][0])
            if name in TRACER:
                stats[index]['tracer_cpu'] += t - start
            lo, hi = runs[index][0] + STEADY[0], runs[index][0] + STEADY[1]
            overlap = min(t, hi) - max(start, lo)
            if overlap > 0 and not name.startswith('swapper'):
                stats[index]['steady']['(program)' if name.startswith(program) else name] += overlap
        if inside and nxt.startswith(program) and next_pid in woken:
            stats[index]['blocked'] += t - woken.pop(next_pid)
        running[cpu] = (nxt, t)
    return stats


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    names = sys.argv[2].split(',')
    program = tuple(sys.argv[3].split(',')) if len(sys.argv) > 3 else ('producer-', 'consumer-')
    events = read(sys.argv[1], program)
    runs = runs_of(events, program)
    stats = measure(events, runs, program)
    steady = collections.defaultdict(collections.Counter)
    count = collections.Counter()
    for i, (run, s) in enumerate(zip(runs, stats)):
        name = names[i % len(names)]
        length = run[1] - run[0]
        each = length / max(1, s['wakeups']) * 1e6
        print(f"{name:12s} {length * 1000:6.0f} ms  wakeups {s['wakeups']:7d} ({each:4.1f} us each)  "
              f"tracer CPU {s['tracer_cpu'] * 1000:4.0f} ms  woken behind a tracer {s['blocked'] * 1000:4.0f} ms")
        if length >= STEADY[1]:
            steady[name].update(s['steady'])
            count[name] += 1
    span = (STEADY[1] - STEADY[0]) / 0.1
    for name in names:
        if count[name]:
            top = steady[name].most_common(9)
            print(f"{name}: ms of CPU per 100 ms, {STEADY[0]}-{STEADY[1]} s, {count[name]} runs: "
                  + ", ".join(f"{k} {v / count[name] / span * 1000:.2f}" for k, v in top))


if __name__ == '__main__':
    main()
