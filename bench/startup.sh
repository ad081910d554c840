#!/usr/bin/env bash
# Start-up, side by side: `java -version` (the reference) against `./sockit --version`, a one-shot
# TCP client (`sockit example tcp-client 127.0.0.1 P`, stdin "hi") and, when the netcat can scan,
# `sockit -z 127.0.0.1 P`; each also without the AOT cache (SOCKIT_AOT=0) and, for --version, as a
# plain `java -jar` with the launcher's JVM flags. The commands run interleaved, REPS rounds;
# wall time per run from the parent's monotonic clock, CPU time (user + system) from its
# children's rusage; medians, p90 and ratios to java -version.
# The listener is a python3 loopback server in a process of its own that answers each client and
# exits by itself.
#
# Usage: bench/startup.sh [REPS]          (from the repository root; default REPS=30)
# Env:   JDK   the JDK to measure (default /usr/lib/jvm/temurin-25-jdk-amd64)
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=${1:-30}
JDK=${JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
[[ -x $JDK/bin/java ]] || { echo "startup.sh: no JDK at $JDK (set JDK)" >&2; exit 1; }
export SOCKIT_JAVA_HOME=$JDK
./sockit --version >/dev/null            # builds the jar and the AOT cache if needed

LISTENER=$(mktemp /tmp/sockit-startup-listener.XXXXXX)
cat >"$LISTENER" <<'PY'
import socket, sys, threading, time
listener = socket.socket()
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(("127.0.0.1", 0))
listener.listen(128)
listener.settimeout(1.0)
print(listener.getsockname()[1], flush=True)
deadline = time.monotonic() + float(sys.argv[1])

def answer(conn):
    with conn:
        conn.settimeout(5)
        try:
            conn.recv(4096)
            conn.sendall(b"ok\n")
        except OSError:
            pass

while time.monotonic() < deadline:
    try:
        conn, _ = listener.accept()
    except socket.timeout:
        continue
    threading.Thread(target=answer, args=(conn,), daemon=True).start()
PY
exec 3< <(exec python3 "$LISTENER" $((60 + REPS * 10)))
LPID=$!
trap 'kill $LPID 2>/dev/null || true; rm -f "$LISTENER"' EXIT
read -r -t 10 PORT <&3

python3 - "$REPS" "$JDK" "$PORT" <<'PY'
import os, resource, statistics, subprocess, sys, threading, time

reps, jdk, port = int(sys.argv[1]), sys.argv[2], sys.argv[3]
java = f"{jdk}/bin/java"
jar = "sockit-cli/target/sockit.jar"
flags = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.net.preferIPv6Addresses=system", "-Xshare:auto"]
noaot = dict(os.environ, SOCKIT_AOT="0")
commands = [
    ("java -version", [java, "-version"], None),
    ("sockit --version", ["./sockit", "--version"], None),
    ("  the same, no AOT cache", ["./sockit", "--version"], noaot),
    ("  java -jar sockit.jar --version (launcher's flags, no AOT cache)", [java, *flags, "-jar", jar, "--version"], None),
    ("sockit example tcp-client 127.0.0.1 P", ["./sockit", "example", "tcp-client", "127.0.0.1", port], None),
    ("  the same, no AOT cache", ["./sockit", "example", "tcp-client", "127.0.0.1", port], noaot),
]
probe = subprocess.run(["./sockit", "-z", "127.0.0.1", port], stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=30)
if probe.returncode == 0:
    commands += [("sockit -z 127.0.0.1 P", ["./sockit", "-z", "127.0.0.1", port], None),
                 ("  the same, no AOT cache", ["./sockit", "-z", "127.0.0.1", port], noaot)]
else:
    print(f"# sockit -z 127.0.0.1 {port} exits {probe.returncode}: not measured (the netcat's scan is not built here)")

def run(argv, env):
    """Runs argv to its end, killed after 60 s; not subprocess.run(timeout=...), whose wait
    polls with sleeps of up to 50 ms and adds them to the time measured."""
    process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    watchdog = threading.Timer(60, process.kill)
    watchdog.start()
    try:
        process.stdin.write(b"hi\n")
        process.stdin.close()
    except OSError:
        pass
    process.wait()
    watchdog.cancel()

wall = [[] for _ in commands]
cpu = [[] for _ in commands]
for _ in range(reps):
    for i, (_, argv, env) in enumerate(commands):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.monotonic()
        run(argv, env)
        wall[i].append((time.monotonic() - start) * 1000)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu[i].append((after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000)

load = open("/proc/loadavg").read().split()[:3]
print(f"# {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())} {jdk}; {os.cpu_count()} cores; load {' '.join(load)}; {reps} interleaved rounds")
base = statistics.median(wall[0])
cpu_base = statistics.median(cpu[0])
print(f"{'wall ms':>8} {'p90':>6} {'x java -version':>16} {'CPU ms':>7} {'x':>5}  command")
for (name, _, _), w, c in zip(commands, wall, cpu):
    w.sort()
    med, cmed = statistics.median(w), statistics.median(c)
    print(f"{med:8.1f} {w[int(0.9 * (len(w) - 1))]:6.1f} {med / base:16.2f} {cmed:7.1f} {cmed / cpu_base:5.2f}  {name}")
PY
