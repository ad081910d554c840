#!/usr/bin/env bash
# Netcat backpressure: SIZE bytes of random data from a file through `sockit 127.0.0.1 PORT < file`
# into `sockit -l PORT`, whose stdout goes to a reader that takes RATE bytes/s (python3, token
# bucket). Samples both sockit JVMs' VmRSS every 0.5 s and prints their peaks, the time, and
# whether the SHA-256 of what arrived matches the file's. The issue's case: 512M at 4 MiB/s
# (about 2 minutes); the sender's RSS must stay under 200 MB.
#
# Usage: bench/nc-backpressure.sh [SIZE] [RATE]   (from the repository root; defaults 512M, 4M)
# Bounded: every process runs under `timeout` (SIZE/RATE + 60 s).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${1:-512M}
RATE=${2:-4M}
PORT=${PORT:-17311}
bytes=$(numfmt --from=iec "$SIZE")
rate=$(numfmt --from=iec "$RATE")
limit=$((bytes / rate + 60))
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
./sockit --version >/dev/null   # build first, outside the run
head -c "$bytes" /dev/urandom >"$work/in"
want=$(sha256sum <"$work/in" | cut -d' ' -f1)

cat >"$work/slow.py" <<'PY'
import hashlib, sys, time
rate = int(sys.argv[1]); h = hashlib.sha256(); start = time.monotonic(); got = 0
src = sys.stdin.buffer
while True:
    chunk = src.read1(65536)
    if not chunk:
        break
    h.update(chunk); got += len(chunk)
    ahead = got / rate - (time.monotonic() - start)
    if ahead > 0:
        time.sleep(ahead)
print(h.hexdigest(), got)
PY

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
java_child() {  # the JVM a ./sockit launcher became (it execs) or started
  local pid=$1
  if [[ $(cat "/proc/$pid/comm" 2>/dev/null) == java ]]; then echo "$pid"; else pgrep -P "$pid" java || true; fi
}

echo "# $(date -u +%FT%TZ) $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $SIZE at $RATE/s"
( timeout "$limit" ./sockit -l 127.0.0.1 "$PORT" | timeout "$limit" python3 "$work/slow.py" "$rate" >"$work/out" ) &
for _ in $(seq 250); do ss -Hltn "sport = :$PORT" | grep -q . && break; sleep 0.02; done
start=$(date +%s%N)
timeout "$limit" ./sockit 127.0.0.1 "$PORT" <"$work/in" & sender=$!
listener=$( { pgrep -f -- "-l 127.0.0.1 $PORT" || true; } | while read -r p; do java_child "$p"; done | sort -u | tail -1 || true)
peak_s=0; peak_l=0
while kill -0 "$sender" 2>/dev/null; do
  s=$(java_child "$sender" | head -1); [[ -n $s ]] && r=$(rss_kb "$s") && (( r > peak_s )) && peak_s=$r
  [[ -n $listener ]] && r=$(rss_kb "$listener") && (( r > peak_l )) && peak_l=$r
  sleep 0.5
done
wait "$sender"; status=$?
wait
end=$(date +%s%N)
read -r got_sha got_bytes <"$work/out"
echo "sender exit $status; $got_bytes of $bytes bytes in $(awk -v n=$((end - start)) 'BEGIN{printf "%.1f", n/1e9}') s"
echo "peak VmRSS: sender $((peak_s / 1024)) MiB, listener $((peak_l / 1024)) MiB"
[[ $got_sha == "$want" ]] && echo "SHA-256 matches" || { echo "SHA-256 DIFFERS"; exit 1; }
