#!/usr/bin/env bash
# Netcat pipe speed: SIZE bytes of zeros from `head -c` through a client into a listener on
# 127.0.0.1 that writes to /dev/null, three kinds in turns (sockit, OpenBSD nc 1.219, ncat),
# REPS rounds, interleaved. SIDE picks what changes between the kinds:
#   connect  the client changes (./sockit, nc -N, ncat); the listener is always nc -l
#   listen   the listener changes (./sockit -l, nc -l, ncat -l); the client is always nc -N
#   pair     both change together: sockit->sockit -l, nc->nc -l, ncat->ncat -l (issue 4's target)
# A run is timed from the listener's launch to its exit (it serves one client and exits at that
# client's end), so the JVM start-up of every sockit process is included. Prints each run, then
# the medians and ratios: sockit's speed over the other's (higher is faster).
#
# Usage: [SIDE=pair] bench/nc-pipe.sh [REPS] [SIZE]   (from the repository root; defaults 3, 4G)
# Every process is bounded by `timeout` (120 s).
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=${1:-3}
SIZE=${2:-4G}
SIDE=${SIDE:-pair}
PORT=${PORT:-17201}
case $SIDE in connect | listen | pair) ;; *) echo "SIDE must be connect, listen or pair" >&2; exit 2 ;; esac
./sockit --version >/dev/null   # build the jar first, outside the timings
KINDS=(sockit nc ncat)
listener() {
  case $1 in
    sockit) ./sockit -l 127.0.0.1 "$PORT" ;;
    nc) nc -l 127.0.0.1 "$PORT" ;;
    ncat) ncat -l 127.0.0.1 "$PORT" ;;
  esac
}
client() {
  case $1 in
    sockit) ./sockit 127.0.0.1 "$PORT" ;;
    nc) nc -N 127.0.0.1 "$PORT" ;;
    ncat) ncat --send-only 127.0.0.1 "$PORT" ;;
  esac
}
run_one() {   # $1 = listener kind, $2 = client kind; prints seconds
  local s e l
  s=$(date +%s%N)
  timeout 120 bash -c "$(declare -f listener); PORT=$PORT listener $1" </dev/null >/dev/null & l=$!
  for _ in $(seq 500); do ss -Hltn "sport = :$PORT" | grep -q . && break; sleep 0.01; done
  head -c "$SIZE" /dev/zero | timeout 120 bash -c "$(declare -f client); PORT=$PORT client $2" >/dev/null \
    || echo "  (the $2 client exited with $?; the listener's exit ends the run)" >&2
  wait $l || true
  e=$(date +%s%N)
  awk -v n=$((e - s)) 'BEGIN{printf "%.3f", n/1e9}'
}
declare -A TIMES
bytes=$(numfmt --from=iec "$SIZE")
echo "# $(date -u +%FT%TZ) $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); size $SIZE; side $SIDE"
for r in $(seq "$REPS"); do
  for k in "${KINDS[@]}"; do
    case $SIDE in
      connect) t=$(run_one nc "$k") ;;
      listen) t=$(run_one "$k" nc) ;;
      pair) t=$(run_one "$k" "$k") ;;
    esac
    TIMES[$k]="${TIMES[$k]:-} $t"
    echo "round $r $k ${t}s $(awk -v b="$bytes" -v t="$t" 'BEGIN{printf "%.0f MiB/s", b/1048576/t}')"
  done
done
median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
ms=$(median "${TIMES[sockit]}")
for k in "${KINDS[@]}"; do
  m=$(median "${TIMES[$k]}")
  echo "median $k ${m}s; sockit speed / $k speed = $(awk -v a="$m" -v b="$ms" 'BEGIN{printf "%.2f", a/b}')"
done
