#!/usr/bin/env bash
# Netcat pipe speed, listen side: SIZE bytes of zeros from `head -c` through an OpenBSD
# `nc -N` client into a listener on 127.0.0.1 writing to /dev/null, the listener being
# sockit (./sockit -l, JVM start-up included), OpenBSD `nc -l` and `ncat -l`, in turns, REPS
# rounds, interleaved. A run's time goes from the listener's launch to its exit (it serves one
# client and exits at the client's end). Prints each run, then medians and ratios (higher is
# faster). SENDER=sockit uses ./sockit as every client; SENDER=same pairs each listener with a
# client of its own kind (sockit→sockit, nc→nc, ncat→ncat).
#
# Usage: bench/nc-listen-pipe.sh [REPS] [SIZE]   (from the repository root; defaults 3 and 4G)
# Every run is bounded by `timeout` (120 s).
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=${1:-3}
SIZE=${2:-4G}
PORT=${PORT:-17301}
SENDER=${SENDER:-nc}
./sockit --version >/dev/null   # build the jar first, outside the timings
declare -A TIMES
LISTENERS=(sockit nc ncat)
listener() {
  case $1 in
    sockit) ./sockit -l 127.0.0.1 "$PORT" ;;
    nc) nc -l 127.0.0.1 "$PORT" ;;
    ncat) ncat -l 127.0.0.1 "$PORT" ;;
  esac
}
sender() {
  local who=$SENDER
  [[ $who == same ]] && who=$1
  case $who in
    sockit) ./sockit 127.0.0.1 "$PORT" ;;
    ncat) ncat --send-only 127.0.0.1 "$PORT" ;;
    *) nc -N 127.0.0.1 "$PORT" ;;
  esac
}
echo "# $(date -u +%FT%TZ) $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); size $SIZE; sender: $SENDER"
for r in $(seq "$REPS"); do
  for l in "${LISTENERS[@]}"; do
    s=$(date +%s%N)
    timeout 120 bash -c "$(declare -f listener); PORT=$PORT listener $l" </dev/null >/dev/null & L=$!
    for _ in $(seq 500); do ss -Hltn "sport = :$PORT" | grep -q . && break; sleep 0.01; done
    head -c "$SIZE" /dev/zero | timeout 120 bash -c "$(declare -f sender); PORT=$PORT SENDER=$SENDER sender $l" >/dev/null \
      || echo "round $r $l: the sender exited with $? (ignored; the listener's exit ends the run)"
    wait $L || true
    e=$(date +%s%N)
    t=$(awk -v n=$((e - s)) 'BEGIN{printf "%.3f", n/1e9}')
    TIMES[$l]="${TIMES[$l]:-} $t"
    bytes=$(numfmt --from=iec "$SIZE")
    echo "round $r $l ${t}s $(awk -v b="$bytes" -v t="$t" 'BEGIN{printf "%.0f MiB/s", b/1048576/t}')"
  done
done
median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
ms=$(median "${TIMES[sockit]}")
for l in "${LISTENERS[@]}"; do
  m=$(median "${TIMES[$l]}")
  echo "median $l ${m}s; sockit speed / $l speed = $(awk -v a="$m" -v b="$ms" 'BEGIN{printf "%.2f", a/b}')"
done
