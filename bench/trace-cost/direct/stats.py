"""Medians of rounds.sh's output per variant, each against a reference variant, with a bootstrap 95 % interval.
Usage: python3 stats.py <output> <reference variant>"""
import collections
import random
import statistics
import sys

runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    fields = line.split()
    if len(fields) == 3 and fields[1] == 'work-ms':
        runs[fields[0]].append(int(fields[2]))
reference = runs[sys.argv[2]]
random.seed(1)
for variant, times in runs.items():
    ratios = sorted(statistics.median(random.choices(times, k=len(times)))
                    / statistics.median(random.choices(reference, k=len(reference))) - 1 for _ in range(2000))
    added = 100 * (statistics.median(times) / statistics.median(reference) - 1)
    print(f'{variant:10s} n={len(times):3d} median={statistics.median(times):6.0f} ms added={added:+6.1f} % '
          f'[{100 * ratios[50]:+.1f}, {100 * ratios[1950]:+.1f}]')
