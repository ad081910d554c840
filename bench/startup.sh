#!/usr/bin/env bash
# Start-up, side by side: `java -version` (the reference) against `./sockit --version`, a one-shot
# TCP client (`sockit example tcp-client 127.0.0.1 P`, stdin "hi") and, when the netcat can scan,
# `sockit -z 127.0.0.1 P`; each also without the AOT cache (SOCKIT_AOT=0) and, for --version, as a
# plain `java -jar` with the launcher's JVM flags. The commands run interleaved, REPS rounds;
# wall time per run from the parent's monotonic clock; medians, p90 and ratios to java -version.
# The listener is a python3 loopback server that answers each client and exits by itself.
#
# Usage: bench/startup.sh [REPS]          (from the repository root; default REPS=30)
# Env:   JDK   the JDK to measure (default: temurin 25 if installed, else the launcher's choice)
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=${1:-30}
JDK=${JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
[[ -x $JDK/bin/java ]] || { echo "startup.sh: no JDK at $JDK (set JDK)" >&2; exit 1; }
export SOCKIT_JAVA_HOME=$JDK
./sockit --version >/dev/null            # builds the jar and the AOT cache if needed

exec python3 - "$REPS" "$JDK" <<'EOF'
import os, socket, statistics, subprocess, sys, threading, time

reps, jdk = int(sys.argv[1]), sys.argv[2]
java = f"{jdk}/bin/java"
jar = "sockit-cli/target/sockit.jar"
flags = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.net.preferIPv6Addresses=system", "-Xshare:auto"]

listener = socket.socket()
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(("127.0.0.1", 0))
listener.listen(128)
listener.settimeout(1.0)
port = str(listener.getsockname()[1])
deadline = time.monotonic() + 60 + reps * 10

def answer(conn):
    with conn:
        conn.settimeout(5)
        try:
            conn.recv(4096)
            conn.sendall(b"ok\n")
        except OSError:
            pass

def serve():
    while time.monotonic() < deadline:
        try:
            conn, _ = listener.accept()
        except socket.timeout:
            continue
        threading.Thread(target=answer, args=(conn,), daemon=True).start()

threading.Thread(target=serve, daemon=True).start()
noaot = dict(os.environ, SOCKIT_AOT="0")
commands = [
    ("java -version", [java, "-version"], None),
    ("sockit --version", ["./sockit", "--version"], None),
    ("sockit --version, no AOT cache", ["./sockit", "--version"], noaot),
    ("java -jar sockit.jar --version (launcher's flags)", [java, *flags, "-jar", jar, "--version"], None),
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

times = [[] for _ in commands]
for _ in range(reps):
    for i, (_, argv, env) in enumerate(commands):
        start = time.monotonic()
        subprocess.run(argv, input=b"hi\n", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, timeout=60)
        times[i].append((time.monotonic() - start) * 1000)

load = open("/proc/loadavg").read().split()[:3]
print(f"# {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())} {jdk}; {os.cpu_count()} cores; load {' '.join(load)}; {reps} interleaved rounds")
base = statistics.median(times[0])
print(f"{'median ms':>10} {'p90 ms':>8} {'x java -version':>16}  command")
for (name, _, _), t in zip(commands, times):
    t.sort()
    print(f"{statistics.median(t):10.1f} {t[int(0.9 * (len(t) - 1))]:8.1f} {statistics.median(t) / base:16.2f}  {name}")
EOF
