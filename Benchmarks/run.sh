#!/usr/bin/env bash
# Plans a synthetic fleet end to end on one core and prints wall time and peak memory.
# Usage: Benchmarks/run.sh [customers] [runs]   (default: 10000 customers, 5 runs)
# Then times sla report (CSV parse, response clocks, credits, JSON) on one million incidents.
set -euo pipefail
cd "$(dirname "$0")/.."
customers=${1:-10000}
runs=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product stackplan >/dev/null
swift build -c release --product stackplan-bench >/dev/null
bin=.build/release/stackplan
"$bin" generate-fleet --customers "$customers" --seed 42 --as-of 2026-09-01 > "$work/fleet.yaml"
clusters=$(grep -c '^          - name:' "$work/fleet.yaml")
echo "fleet: $customers customers, $clusters clusters, $(($(wc -c < "$work/fleet.yaml") / 1000000)) MB YAML"

echo "stackplan plan --format json, pinned to one core (taskset -c 0), $runs runs:"
for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/time" taskset -c 0 "$bin" plan --inventory "$work/fleet.yaml" \
        --as-of 2026-09-01 --format json > "$work/plan.json"
    cat "$work/time" >> "$work/times"
done
sort -n "$work/times" | awk '{ t[NR] = $1; m = ($2 > m ? $2 : m) }
    END { printf "  wall: min %.2f s, median %.2f s, max %.2f s; peak memory %.0f MB\n", t[1], t[int((NR + 1) / 2)], t[NR], m / 1024 }'

echo "phases in process (stackplan-bench):"
taskset -c 0 .build/release/stackplan-bench "$customers" 42 | sed 's/^/  /'

echo "sla report on one million generated incidents (stackplan-bench sla):"
taskset -c 0 .build/release/stackplan-bench sla 1000000 42 | sed 's/^/  /'
