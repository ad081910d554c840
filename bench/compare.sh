#!/usr/bin/env bash
# Side by side on loopback: the C echo server (echo_epoll) against sockit's echo engine
# (dev.sockit.server.EchoMain), a plain java.nio selector loop (PlainNioEcho) and, if BASE_CP
# is set, the engine of another build (e.g. before a change). All servers run at once, each on
# its own port; loadgen measures them in turns, REPS times per scenario; medians and ratios to C
# are printed at the end. Every server and every loadgen run is bounded in time.
#
# Usage: bench/compare.sh [REPS]              (from the repository root; default REPS=3)
# Env:   TOOLS   where to build/find echo_epoll and loadgen (default target/tools)
#        JAVA    java to run (default: temurin 25 if installed, else java on PATH)
#        JFLAGS  JVM flags (default: -XX:+UseSerialGC -Xss256k -Xms8m -Xmn4m -Xshare:off)
#        BASE_CP classpath of another build to run as peer "B" (EchoMain), optional
#        VT      "1": also virtual-thread-per-connection echo servers, "V" on sockit's blocking Socket
#                (VirtualThreadSocketEcho) and "T" on java.net.ServerSocket (VirtualThreadJdkEcho)
#        SCEN    scenarios (default "pp100x64 pp1000x64 pp100x16k storm"; "idle" also exists)
#        DUR     seconds per measured run (default 5)
#        NOCOMPILE "1": use sockit-core/target as it is (default: mvn test-compile first)
#        PIN     "1": servers on the last CPU, loadgen on CPU 0 (taskset), so the server's own
#                CPU per round trip sets the rate instead of the scheduler's placement
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=${1:-3}
TOOLS=${TOOLS:-target/tools}
if [[ -z ${JAVA:-} ]]; then
  JAVA=java; [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]] && JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
fi
JFLAGS=${JFLAGS:--XX:+UseSerialGC -Xss256k -Xms8m -Xmn4m -Xshare:off}
SCEN=${SCEN:-pp100x64 pp1000x64 pp100x16k storm}
DUR=${DUR:-5}
SP=(); LP=()
if [[ ${PIN:-0} == 1 ]]; then SP=(taskset -c $(( $(nproc) - 1 ))); LP=(taskset -c 0); fi
CP=sockit-core/target/classes:sockit-core/target/test-classes
LIFE=$(( 600 + 60 * REPS ))          # servers exit on their own after this many seconds
OUT=$(mktemp -d /tmp/sockit-compare.XXXXXX)

# Build what is missing.
SRC=/work/shared/tools
[[ -d $SRC ]] || SRC=../shared/tools
if [[ ! -x $TOOLS/echo_epoll || ! -x $TOOLS/loadgen ]]; then "$SRC/build.sh" "$TOOLS" >/dev/null; fi
[[ ${NOCOMPILE:-0} == 1 ]] || mvn -B -q -pl sockit-core test-compile

cpu() { awk '{print $14+$15}' "/proc/$1/stat"; }   # utime+stime, clock ticks
rss() { awk '/VmRSS/{print $2}' "/proc/$1/status"; } # KiB
jget() { sed -nE "s/.*\"$2\":([0-9.]+).*/\1/p" <<<"$1"; }
HZ=$(getconf CLK_TCK)

declare -A PID PORT
PEERS=(C J P)
PORT[C]=17101; PORT[J]=17102; PORT[P]=17103; PORT[B]=17104; PORT[V]=17105; PORT[T]=17106
"${SP[@]}" "$TOOLS/echo_epoll" -p ${PORT[C]} -d $LIFE >"$OUT/C.out" 2>&1 & PID[C]=$!
"${SP[@]}" $JAVA $JFLAGS -cp $CP dev.sockit.server.EchoMain ${PORT[J]} $LIFE 1 >"$OUT/J.out" 2>&1 & PID[J]=$!
"${SP[@]}" $JAVA $JFLAGS -cp $CP dev.sockit.server.PlainNioEcho ${PORT[P]} $LIFE >"$OUT/P.out" 2>&1 & PID[P]=$!
if [[ -n ${BASE_CP:-} ]]; then
  "${SP[@]}" $JAVA $JFLAGS -cp "$BASE_CP" dev.sockit.server.EchoMain ${PORT[B]} $LIFE 1 >"$OUT/B.out" 2>&1 & PID[B]=$!
  PEERS+=(B)
fi
if [[ ${VT:-0} == 1 ]]; then
  "${SP[@]}" $JAVA $JFLAGS -cp $CP dev.sockit.server.VirtualThreadSocketEcho ${PORT[V]} $LIFE >"$OUT/V.out" 2>&1 & PID[V]=$!
  "${SP[@]}" $JAVA $JFLAGS -cp $CP dev.sockit.server.VirtualThreadJdkEcho ${PORT[T]} $LIFE >"$OUT/T.out" 2>&1 & PID[T]=$!
  PEERS+=(V T)
fi
trap 'for p in "${PEERS[@]}"; do kill ${PID[$p]} 2>/dev/null || true; done' EXIT
sleep 2
echo "# $(date -u +%FT%TZ) $($JAVA -version 2>&1 | head -1); $(nproc) cores; pin ${PIN:-0}; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# peers: ${PEERS[*]} (C echo_epoll, J engine, P plain NIO loop, B engine of BASE_CP, V/T virtual thread per connection on sockit's Socket / java.net); results in $OUT"
for p in "${PEERS[@]}"; do echo "# rss at start KiB: $p $(rss ${PID[$p]})"; done

args_of() {
  case $1 in
    pp100x64)  echo "-m pingpong -c 100 -s 64" ;;
    pp1000x64) echo "-m pingpong -c 1000 -s 64" ;;
    pp100x16k) echo "-m pingpong -c 100 -s 16384" ;;
    storm)     echo "-m storm -c 64 -S" ;;
  esac
}

run() { # scen peer
  local s=$1 p=$2 c0 c1 out n rate
  c0=$(cpu ${PID[$p]})
  out=$(timeout $((DUR + 30)) "${LP[@]}" "$TOOLS/loadgen" -p ${PORT[$p]} $(args_of $s) -d $DUR)
  c1=$(cpu ${PID[$p]})
  if [[ $s == storm ]]; then n=$(jget "$out" ok); rate=$(jget "$out" conns_per_s)
  else n=$(jget "$out" rt); rate=$(jget "$out" rt_per_s); fi
  printf '%s %s %s %s %.3f %s\n' "$s" "$p" "$rate" "$(jget "$out" p99_us)" \
    "$(echo "($c1-$c0)*1000000/$HZ/$n" | bc -l)" "$(jget "$out" lg_cores)" | tee -a "$OUT/runs"
}

idle() { # peer
  local p=$1 b peak r lg
  b=$(rss ${PID[$p]}); peak=$b
  timeout 40 "${LP[@]}" "$TOOLS/loadgen" -m idle -p ${PORT[$p]} -c 10000 -d 6 -S >"$OUT/idle.$p" 2>"$OUT/idle.$p.err" & lg=$!
  while kill -0 $lg 2>/dev/null; do r=$(rss ${PID[$p]}); ((r > peak)) && peak=$r; sleep 0.2; done
  wait $lg || true
  printf 'idle10k %s baseline_kib=%s peak_kib=%s bytes_per_conn=%.0f %s\n' $p $b $peak \
    "$(echo "($peak-$b)*1024/10000" | bc -l)" "$(cat "$OUT/idle.$p")"
}

echo "# scenario peer rate p99_us server_cpu_us_per_op loadgen_cores"
for s in $SCEN; do
  if [[ $s == idle ]]; then for p in "${PEERS[@]}"; do idle $p; done; continue; fi
  for p in "${PEERS[@]}"; do   # warm-up
    timeout 30 "${LP[@]}" "$TOOLS/loadgen" -p ${PORT[$p]} $(args_of $s) -d 2 >/dev/null
  done
  for r in $(seq "$REPS"); do for p in "${PEERS[@]}"; do run $s $p; done; done
done

[[ -f $OUT/runs ]] || exit 0
echo
echo "# medians of $REPS; × C = peer ÷ C (rate), peer ÷ C (CPU per op, p99)"
printf '%-10s %-4s %10s %6s %9s %6s %9s %6s\n' scenario peer rate "×C" cpu_us "×C" p99_us "×C"
awk '
  function med(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
                                  return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  { k = $1 SUBSEP $2; n[k]++; R[k, n[k]] = $3; P[k, n[k]] = $4; U[k, n[k]] = $5
    if (!($1 in seen)) { seen[$1] = 1; order[++ns] = $1 }
    if (!($2 in seenp)) { seenp[$2] = 1; peers[++np] = $2 } }
  END {
    for (i = 1; i <= ns; i++) { s = order[i]
      for (j = 1; j <= np; j++) { p = peers[j]; k = s SUBSEP p; m = n[k]
        delete a; for (x = 1; x <= m; x++) a[x] = R[k, x]; r[p] = med(a, m)
        delete a; for (x = 1; x <= m; x++) a[x] = U[k, x]; u[p] = med(a, m)
        delete a; for (x = 1; x <= m; x++) a[x] = P[k, x]; q[p] = med(a, m) }
      for (j = 1; j <= np; j++) { p = peers[j]
        printf "%-10s %-4s %10.0f %6.2f %9.2f %6.2f %9.0f %6.2f\n", s, p, r[p], r[p] / r["C"], u[p], u[p] / u["C"], q[p], q[p] / q["C"] } } }
' "$OUT/runs"
