#!/bin/bash
# The queue program's tracing cost, piece by piece, without the launcher: see README.md.
# Usage (from the repository's root): bench/trace-cost/direct/run.sh <image> <rounds> <variant>... > out.txt
#   then: python3 bench/trace-cost/direct/stats.py out.txt <reference variant>
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
image=$1; shift
work=$(mktemp -d)
cp "$here"/rounds.sh "$here"/Sink.java "$work"/
python3 - "$here/../../TraceBenchmark.java" "$work/Main.java" <<'PY'
import re, sys
source = open(sys.argv[1]).read()
open(sys.argv[2], 'w').write(re.search(r'static final String QUEUE = """\n(.*?)""";', source, re.S).group(1))
PY
gcc -O2 -static -o "$work/polluter" "$here/polluter.c"
docker run --rm --network none -m 1g -e SINK_NS_PER_BYTE="${SINK_NS_PER_BYTE:-}" -v "$work":/ex:ro \
    --tmpfs /work:exec --tmpfs /tmp:exec --entrypoint bash "$image" /ex/rounds.sh "$@"
rm -rf "$work"
