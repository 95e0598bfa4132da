#!/usr/bin/env bash
# Load figures for `stackplan serve` (release build, loopback): the first request of `/` and
# `/api/v1/plan` (computed), then wrk's requests per second and p99 latency for each once cached,
# on the example inventory and on a generated fleet. Needs wrk (Debian's package).
#   Benchmarks/serve-load.sh [customers]      (default 10000)
# Environment: DURATION (wrk seconds, default 10), CONNECTIONS (default 8), THREADS (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
customers="${1:-10000}"
duration="${DURATION:-10}"
connections="${CONNECTIONS:-8}"
threads="${THREADS:-2}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 69; }

swift build -c release --product stackplan >/dev/null 2>&1
bin="$(swift build -c release --show-bin-path)/stackplan"
work="$(mktemp -d)"
server=""
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

"$bin" generate-fleet --customers "$customers" --seed 7 --as-of 2026-11-28 >"$work/fleet.yaml"

# Prints "first_seconds bytes rps p99" for one path on a running server.
measure() {
    local url="$1"
    local first bytes
    read -r first bytes < <(curl -s -o /dev/null -w '%{time_total} %{size_download}\n' "$url")
    local report
    report="$(wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "$url")"
    local rps p99
    rps="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$report")"
    p99="$(awk '$1 == "99%" { print $2 }' <<<"$report")"
    echo "$first $bytes $rps $p99"
}

printf '%-26s %-16s %10s %12s %10s %10s\n' "inputs" "path" "first (s)" "body (bytes)" "req/s" "p99"
for dataset in example fleet; do
    if [ "$dataset" = example ]; then
        inventory=examples/inventory.yaml
        extra=(--incidents examples/incidents.csv)
        label="example (9 customers)"
    else
        inventory="$work/fleet.yaml"
        extra=()
        label="fleet ($customers customers)"
    fi
    port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    "$bin" serve --inventory "$inventory" "${extra[@]}" --db "$work/none.sqlite" --port "$port" 2>/dev/null &
    server=$!
    for _ in $(seq 1 600); do
        curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break
        sleep 0.1
    done
    for path in "/" "/api/v1/plan"; do
        read -r first bytes rps p99 < <(measure "http://127.0.0.1:$port$path?asOf=2026-11-28")
        printf '%-26s %-16s %10s %12s %10s %10s\n' "$label" "$path" "$first" "$bytes" "$rps" "$p99"
    done
    kill -TERM "$server"
    wait "$server" || true
    server=""
done
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); wrk -t$threads -c$connections -d${duration}s"
