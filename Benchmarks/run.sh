#!/usr/bin/env bash
# The performance table of issue 15, measured in one run on this machine (one core pinned with
# taskset -c 0 unless said; medians of N runs):
#   plan (json, csv, table) against a C libyaml event scan of the same fleet file (the unit), the
#   scan and the command run alternately; then the same on every core (plan --jobs reads customers,
#   builds paths, schedules pods and writes the output on each CPU),
#   sla report against Python's csv module reading the same incident log,
#   stackplan --help and catalog validate start-up times.
# Usage: Benchmarks/run.sh [customers ...]   (default: 10000; e.g. "10000 100000")
#        RUNS=5 Benchmarks/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
sizes=("${@:-10000}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The binary as README's install section builds it: the Swift runtime and Foundation linked
# statically (fewer shared libraries to load and relocate at every start).
swift build -c release --static-swift-stdlib --scratch-path .build-static --product stackplan >/dev/null
swift build -c release --product stackplan-bench >/dev/null
cc -O2 -o "$work/yaml-scan" Benchmarks/yaml-scan.c -lyaml
bin=.build-static/release/stackplan

# median "command…" [pin]: the median wall time of $runs runs and the peak memory (MB); pinned to
# core 0 unless a second argument (empty: every core) says otherwise.
median() {
    local pin=${2-taskset -c 0}
    : > "$work/t"
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "%e %M" -o "$work/one" $pin bash -c "$1" > /dev/null
        cat "$work/one" >> "$work/t"
    done
    sort -n "$work/t" | awk '{ t[NR] = $1; m = ($2 > m ? $2 : m) } END { printf "%.3f %.0f\n", t[int((NR + 1) / 2)], m / 1024 }'
}

# paired "command…" [pin]: runs the libyaml scan of "$fleet" and the command alternately, $runs
# times each, so both see the same machine (a shared machine's speed drifts over minutes); prints
# the scan's median, the command's median and its peak memory. Pinned as for `median`.
paired() {
    local pin=${2-taskset -c 0}
    : > "$work/s"
    : > "$work/t"
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "%e %M" -o "$work/one" taskset -c 0 "$work/yaml-scan" "$fleet" > /dev/null
        cat "$work/one" >> "$work/s"
        /usr/bin/time -f "%e %M" -o "$work/one" $pin bash -c "$1" > /dev/null
        cat "$work/one" >> "$work/t"
    done
    scan=$(sort -n "$work/s" | awk '{ t[NR] = $1 } END { printf "%.3f", t[int((NR + 1) / 2)] }')
    sort -n "$work/t" | awk -v scan="$scan" '{ t[NR] = $1; m = ($2 > m ? $2 : m) } END { printf "%s %.3f %.0f\n", scan, t[int((NR + 1) / 2)], m / 1024 }'
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(uname -m); runs: $runs (median)"
echo "each row: the libyaml scan and the command run alternately; ratio = command / scan in that row"
printf "\n| customers | clusters | MB YAML | libyaml scan (s) | command | stackplan (s) | ratio | peak MB |\n|---|---|---|---|---|---|---|---|\n"
for customers in "${sizes[@]}"; do
    fleet="$work/fleet-$customers.yaml"
    "$bin" generate-fleet --customers "$customers" --seed 7 --as-of 2026-09-01 > "$fleet"
    clusters=$(grep -c '^          - name:' "$fleet")
    megabytes=$(($(wc -c < "$fleet") / 1000000))
    # One core (pinned: plan --jobs defaults to the CPUs the process may run on), then every core.
    for cores in one all; do
        for format in json csv table; do
            if [ "$cores" = one ]; then
                read -r scan seconds memory < <(paired "'$bin' plan --inventory '$fleet' --as-of 2026-09-01 --format $format")
                label="plan --format $format"
            else
                read -r scan seconds memory < <(paired "'$bin' plan --inventory '$fleet' --as-of 2026-09-01 --format $format" "")
                label="plan --format $format, all $(nproc) cores"
            fi
            ratio=$(awk -v a="$seconds" -v b="$scan" 'BEGIN { printf "%.1f", a / b }')
            echo "| $customers | $clusters | $megabytes | $scan | $label | $seconds | $ratio | $memory |"
        done
    done
done

echo
echo "sla report on one million incidents against Python's csv module reading the same file:"
.build/release/stackplan-bench sla-log 1000000 42 "$work/incidents.csv" "$work/inventory.yaml" > /dev/null
read -r python _ < <(median "python3 Benchmarks/csv-baseline.py '$work/incidents.csv'")
read -r sla memory < <(median "'$bin' sla report --incidents '$work/incidents.csv' --inventory '$work/inventory.yaml' --as-of 2026-09-01 --format json")
echo "| incidents | python csv read (s) | stackplan sla report (s) | ratio | incidents/s | peak MB |"
echo "|---|---|---|---|---|---|"
awk -v p="$python" -v s="$sla" -v m="$memory" 'BEGIN { printf "| 1000000 | %s | %s | %.1f | %.0f | %s |\n", p, s, s / p, 1000000 / s, m }'

echo
echo "start-up (median of 20):"
# hyperfine (Debian's package) times to the microsecond; /usr/bin/time only in 10 ms steps.
startup() {
    if command -v hyperfine > /dev/null; then
        taskset -c 0 hyperfine -N -w 3 -r 20 -i --export-json "$work/h.json" "$1" > /dev/null 2>&1
        python3 -c 'import json, statistics, sys; print("%.1f ms" % (1000 * statistics.median(json.load(open(sys.argv[1]))["results"][0]["times"])))' "$work/h.json"
    else
        runs=20
        read -r seconds _ < <(median "$1 2>/dev/null")
        echo "$seconds s (/usr/bin/time)"
    fi
}
echo "| stackplan --help | $(startup "$bin --help") |"
echo "| catalog validate | $(startup "$bin catalog validate --as-of 2026-08-21") |"

echo
echo "phases in process (stackplan-bench ${sizes[0]}):"
taskset -c 0 .build/release/stackplan-bench "${sizes[0]}" 7 | sed 's/^/  /'
