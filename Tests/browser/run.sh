#!/usr/bin/env bash
# The browser test: starts `stackplan serve` on the shipped catalog and a copy of the example
# inventory (with a customer whose name carries a <script>), then drives headless Chromium over
# the DevTools protocol (check-pages.mjs). Needs chromium and node (>= 20); .ci/run installs
# chromium when it is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."

swift build --product stackplan >/dev/null
bin="$(swift build --show-bin-path)/stackplan"
work="$(mktemp -d)"
server=""
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# A copy of the example inventory with one hostile customer name.
sed 's/^    name: Brightline Logistics$/    name: "Brightline <script>console.error(\x27xss\x27)<\/script> Logistics"/' \
    examples/inventory.yaml >"$work/inventory.yaml"
grep -q "<script>console.error" "$work/inventory.yaml" || { echo "could not inject the hostile name" >&2; exit 1; }

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$bin" serve --catalog catalog --inventory "$work/inventory.yaml" --incidents examples/incidents.csv \
    --db "$work/history.sqlite" --port "$port" 2>"$work/server.log" &
server=$!
for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break
    sleep 0.1
done

status=0
node --experimental-websocket --no-warnings Tests/browser/check-pages.mjs "http://127.0.0.1:$port" brightline || status=$?
kill -TERM "$server"
wait "$server" || { echo "stackplan serve did not stop cleanly on SIGTERM" >&2; status=1; }
server=""
echo "server log: $(wc -l <"$work/server.log") lines, one per request"
exit "$status"
