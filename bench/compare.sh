#!/usr/bin/env bash
# Side by side on loopback: the C echo server (echo_epoll) against sockit's echo engine
# (dev.sockit.server.EchoMain), a plain java.nio selector loop (PlainNioEcho) and, if BASE_CP
# is set, the engine of another build (e.g. before a change). All servers run at once, each on
# its own port; loadgen measures them in turns, REPS times per scenario; medians and ratios to C
# are printed at the end. Every server and every loadgen run is bounded in time.
#
# It also measures `sockit bench` against its peers, each pair in turns in the same run:
#   tcp1       iperf3 (I) vs sockit bench (S): TCP throughput, one stream, 128 KiB writes, both servers up
#   udp64      iperf3 -u -b 0 -l 64 (I) vs sockit bench -u -b 0 -l 64 (S): datagrams/s sent and received
#   udp1400    the same with 1400-byte datagrams
#   client100x64  loadgen (L) vs sockit bench client --echo-peer latency (S), 100 conns x 64 B, both
#              against echo_epoll: round trips/s (is the Java client the bottleneck?)
# Those need sockit-cli/target/sockit.jar (built unless NOCOMPILE=1), iperf3 and python3 (to read
# JSON); a scenario whose peer is missing is skipped with a note.
#
# Usage: bench/compare.sh [REPS]              (from the repository root; default REPS=3)
# Env:   TOOLS   where to build/find echo_epoll and loadgen (default target/tools)
#        JAVA    java to run (default: temurin 25 if installed, else java on PATH)
#        JFLAGS  JVM flags (default: -XX:+UseSerialGC -Xss256k -Xms8m -Xmn4m -Xshare:off)
#        BASE_CP classpath of another build to run as peer "B" (EchoMain), optional
#        VT      "1": also virtual-thread-per-connection echo servers, "V" on sockit's blocking Socket
#                (VirtualThreadSocketEcho) and "T" on java.net.ServerSocket (VirtualThreadJdkEcho)
#        SCEN    scenarios (default "pp100x64 pp1000x64 pp100x16k storm tcp1 udp64 udp1400 client100x64";
#                "idle" also exists), e.g. SCEN="tcp1 udp64" runs only those
#        DUR     seconds per measured run (default 5)
#        NOCOMPILE "1": use sockit-core/target as it is (default: mvn test-compile first)
#        BASEPORT first of the eight loopback ports the servers listen on (default 17101)
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
SCEN=${SCEN:-pp100x64 pp1000x64 pp100x16k storm tcp1 udp64 udp1400 client100x64}
BENCH_SCEN=" tcp1 udp64 udp1400 client100x64 "
ENGINE=0; BENCH=0
for s in $SCEN; do if [[ $BENCH_SCEN == *" $s "* ]]; then BENCH=1; else ENGINE=1; fi; done
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
if [[ ${NOCOMPILE:-0} != 1 ]]; then
  mvn -B -q -pl sockit-core test-compile
  if ((BENCH)); then mvn -B -q -pl sockit-cli -am package -DskipTests -Dsockit.skipFuzz=true; fi
fi
JAR=sockit-cli/target/sockit.jar

cpu() { awk '{print $14+$15}' "/proc/$1/stat"; }   # utime+stime, clock ticks
rss() { awk '/VmRSS/{print $2}' "/proc/$1/status"; } # KiB
jget() { sed -nE "s/.*\"$2\":([0-9.]+).*/\1/p" <<<"$1"; }
HZ=$(getconf CLK_TCK)

declare -A PID PORT
PEERS=(C J P)
B0=${BASEPORT:-17101}
PORT[C]=$B0; PORT[J]=$((B0 + 1)); PORT[P]=$((B0 + 2)); PORT[B]=$((B0 + 3)); PORT[I]=$((B0 + 4)); PORT[S]=$((B0 + 5))
PORT[V]=$((B0 + 6)); PORT[T]=$((B0 + 7))
"${SP[@]}" "$TOOLS/echo_epoll" -p ${PORT[C]} -d $LIFE >"$OUT/C.out" 2>&1 & PID[C]=$!
if ((ENGINE)); then
  "${SP[@]}" $JAVA $JFLAGS -cp $CP dev.sockit.server.EchoMain ${PORT[J]} $LIFE 1 >"$OUT/J.out" 2>&1 & PID[J]=$!
  "${SP[@]}" $JAVA $JFLAGS -cp $CP dev.sockit.server.PlainNioEcho ${PORT[P]} $LIFE >"$OUT/P.out" 2>&1 & PID[P]=$!
else
  PEERS=(C)
fi
ALL=("${PEERS[@]}")
if ((BENCH)); then
  HAVE_IPERF=0; command -v iperf3 >/dev/null && command -v python3 >/dev/null && HAVE_IPERF=1
  if ((HAVE_IPERF)); then
    timeout $LIFE "${SP[@]}" iperf3 -s -p ${PORT[I]} >"$OUT/I.out" 2>&1 & PID[I]=$!; ALL+=(I)
  fi
  "${SP[@]}" $JAVA -jar $JAR bench server -B 127.0.0.1 -p ${PORT[S]} --serve-for ${LIFE}s >"$OUT/S.out" 2>&1 & PID[S]=$!; ALL+=(S)
fi
if [[ -n ${BASE_CP:-} ]]; then
  "${SP[@]}" $JAVA $JFLAGS -cp "$BASE_CP" dev.sockit.server.EchoMain ${PORT[B]} $LIFE 1 >"$OUT/B.out" 2>&1 & PID[B]=$!
  PEERS+=(B); ALL+=(B)
fi
if [[ ${VT:-0} == 1 ]]; then
  "${SP[@]}" $JAVA $JFLAGS -cp $CP dev.sockit.server.VirtualThreadSocketEcho ${PORT[V]} $LIFE >"$OUT/V.out" 2>&1 & PID[V]=$!
  "${SP[@]}" $JAVA $JFLAGS -cp $CP dev.sockit.server.VirtualThreadJdkEcho ${PORT[T]} $LIFE >"$OUT/T.out" 2>&1 & PID[T]=$!
  PEERS+=(V T); ALL+=(V T)
fi
trap 'for p in "${ALL[@]}"; do kill ${PID[$p]} 2>/dev/null || true; done' EXIT
sleep 2
for p in "${ALL[@]}"; do
  if ! kill -0 ${PID[$p]} 2>/dev/null; then echo "compare.sh: server $p did not start: $(tail -1 "$OUT/$p.out") (another run on port ${PORT[$p]}? set BASEPORT)" >&2; exit 1; fi
done
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

# sockit bench against its peers: one line per run, "scenario peer rate [received_rate]".
pyget() { python3 -c "import json,sys; d=json.load(sys.stdin); $1" 2>/dev/null || echo 0; }   # CODE on the JSON in stdin
bench_run() { # scen peer
  local s=$1 p=$2 out
  case $s:$p in
    tcp1:I) out=$(timeout $((DUR + 30)) "${LP[@]}" iperf3 -c 127.0.0.1 -p ${PORT[I]} -O 1 -t $DUR -l 128K -J)
            echo "$s I $(pyget "print(d['end']['sum_received']['bits_per_second'])" <<<"$out")" ;;
    tcp1:S) out=$(timeout $((DUR + 30)) "${LP[@]}" $JAVA -jar $JAR bench client 127.0.0.1 -p ${PORT[S]} throughput --warmup 1s -t $DUR -l 128K --json 2>/dev/null | tail -1)
            echo "$s S $(pyget "print(d['receiver_bits_per_s'])" <<<"$out")" ;;
    udp*:I) out=$(timeout $((DUR + 30)) "${LP[@]}" iperf3 -c 127.0.0.1 -p ${PORT[I]} -O 1 -u -b 0 -l ${s#udp} -t $DUR -J)
            echo "$s I $(pyget "s=d['end']['sum']; print(s['packets']/s['seconds'], (s['packets']-s['lost_packets'])/s['seconds'])" <<<"$out")" ;;
    udp*:S) out=$(timeout $((DUR + 30)) "${LP[@]}" $JAVA -jar $JAR bench client 127.0.0.1 -p ${PORT[S]} throughput -u -b 0 -l ${s#udp} --warmup 1s -t $DUR --json 2>/dev/null | tail -1)
            echo "$s S $(pyget "s=d['streams'][0]; print(s['datagrams_sent']/d['seconds'], s['datagrams_received']/d['seconds'])" <<<"$out")" ;;
    client100x64:L) out=$(timeout $((DUR + 30)) "${LP[@]}" "$TOOLS/loadgen" -m pingpong -p ${PORT[C]} -c 100 -s 64 -W 1 -d $DUR)
            echo "$s L $(jget "$out" rt_per_s)" ;;
    client100x64:S) out=$(timeout $((DUR + 30)) "${LP[@]}" $JAVA -jar $JAR bench client 127.0.0.1 -p ${PORT[C]} --echo-peer latency -c 100 -l 64 --warmup 1s -t $DUR --json 2>/dev/null | tail -1)
            echo "$s S $(pyget "print(d['round_trips_per_s'])" <<<"$out")" ;;
  esac
}
bench_peers() { # scen -> the reference peer, then S
  case $1 in client100x64) echo "L S" ;; *) ((HAVE_IPERF)) && echo "I S" || echo "" ;; esac
}

echo "# scenario peer rate p99_us server_cpu_us_per_op loadgen_cores"
for s in $SCEN; do
  if [[ $BENCH_SCEN == *" $s "* ]]; then
    ps=$(bench_peers $s)
    if [[ -z $ps ]]; then echo "# $s: skipped (needs iperf3 and python3)"; continue; fi
    for r in $(seq "$REPS"); do for p in $ps; do bench_run $s $p | tee -a "$OUT/bench-runs"; done; done
    continue
  fi
  if [[ $s == idle ]]; then for p in "${PEERS[@]}"; do idle $p; done; continue; fi
  for p in "${PEERS[@]}"; do   # warm-up
    timeout 30 "${LP[@]}" "$TOOLS/loadgen" -p ${PORT[$p]} $(args_of $s) -d 2 >/dev/null
  done
  for r in $(seq "$REPS"); do for p in "${PEERS[@]}"; do run $s $p; done; done
done

if [[ -f $OUT/bench-runs ]]; then
  echo
  echo "# sockit bench vs its peer: medians of $REPS; x = S / reference (I iperf3, L loadgen); UDP: sent/s and received/s"
  printf '%-13s %-4s %14s %6s %14s %6s\n' scenario peer rate "x" received "x"
  awk '
    function med(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
                                    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
    { k = $1 SUBSEP $2; n[k]++; R[k, n[k]] = $3; V[k, n[k]] = (NF > 3 ? $4 : $3)
      if (!($1 in seen)) { seen[$1] = 1; order[++ns] = $1 } if ($2 != "S") ref[$1] = $2 }
    END { for (i = 1; i <= ns; i++) { s = order[i]
            for (pp = 1; pp <= 2; pp++) { p = (pp == 1 ? ref[s] : "S"); k = s SUBSEP p; m = n[k]
              delete a; for (x = 1; x <= m; x++) a[x] = R[k, x]; r[p] = med(a, m)
              delete a; for (x = 1; x <= m; x++) a[x] = V[k, x]; v[p] = med(a, m) }
            for (pp = 1; pp <= 2; pp++) { p = (pp == 1 ? ref[s] : "S")
              printf "%-13s %-4s %14.0f %6.2f %14.0f %6.2f\n", s, p, r[p], r[p] / r[ref[s]], v[p], v[p] / v[ref[s]] } } }
  ' "$OUT/bench-runs"
fi

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
