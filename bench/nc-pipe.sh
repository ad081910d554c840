#!/usr/bin/env bash
# Netcat pipe speed, connect side: SIZE bytes of zeros from `head -c` through a client into an
# OpenBSD `nc -l PORT >/dev/null` on 127.0.0.1, the client being sockit (./sockit, JVM start-up
# included), OpenBSD nc and ncat, in turns, REPS rounds, interleaved. Prints each run's seconds
# and throughput, then the medians and ratios (higher is faster).
#
# Usage: bench/nc-pipe.sh [REPS] [SIZE]     (from the repository root; defaults 3 and 4G)
# Every run is bounded by `timeout` (120 s); the listener of each run serves one client and exits.
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=${1:-3}
SIZE=${2:-4G}
PORT=${PORT:-17201}
./sockit --version >/dev/null   # build the jar first, outside the timings
declare -A TIMES
CLIENTS=(sockit nc ncat)
client() {
  case $1 in
    sockit) ./sockit 127.0.0.1 "$PORT" ;;
    nc) nc -N 127.0.0.1 "$PORT" ;;
    ncat) ncat 127.0.0.1 "$PORT" ;;
  esac
}
echo "# $(date -u +%FT%TZ) $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); size $SIZE; listener: nc -l >/dev/null"
for r in $(seq "$REPS"); do
  for c in "${CLIENTS[@]}"; do
    timeout 120 nc -l 127.0.0.1 "$PORT" >/dev/null & L=$!
    for _ in $(seq 100); do ss -Hltn "sport = :$PORT" | grep -q . && break; sleep 0.02; done
    s=$(date +%s%N)
    head -c "$SIZE" /dev/zero | timeout 120 bash -c "$(declare -f client); PORT=$PORT client $c" >/dev/null
    e=$(date +%s%N)
    wait $L || true
    t=$(awk -v n=$((e - s)) 'BEGIN{printf "%.3f", n/1e9}')
    TIMES[$c]="${TIMES[$c]:-} $t"
    bytes=$(numfmt --from=iec "$SIZE")
    echo "round $r $c ${t}s $(awk -v b="$bytes" -v t="$t" 'BEGIN{printf "%.0f MiB/s", b/1048576/t}')"
  done
done
median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
ms=$(median "${TIMES[sockit]}")
for c in "${CLIENTS[@]}"; do
  m=$(median "${TIMES[$c]}")
  echo "median $c ${m}s; sockit speed / $c speed = $(awk -v a="$m" -v b="$ms" 'BEGIN{printf "%.2f", a/b}')"
done
