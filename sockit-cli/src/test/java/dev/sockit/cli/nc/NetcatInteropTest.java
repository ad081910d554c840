package dev.sockit.cli.nc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sockit.cli.SockitProcess;
import dev.sockit.cli.Spawned;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sockit client against the peers people already use, on loopback: ncat, OpenBSD nc,
 * socat and python3 servers over TCP, socat and python3 over UNIX stream sockets, ncat and
 * python3 over UDP; a few MiB both ways with the same SHA-256; and memory that stays bounded
 * while a slow reader drains 64 MiB.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
@Execution(ExecutionMode.CONCURRENT)
class NetcatInteropTest {
    private static final Duration EXIT = Duration.ofSeconds(30);

    private static final String PY_TCP_SERVER = String.join("\n",
            "import socket, sys",
            "s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)",
            "s.bind(('127.0.0.1', int(sys.argv[1]))); s.listen(1)",
            "c, _ = s.accept(); c.sendall(b'from-server\\n'); c.shutdown(socket.SHUT_WR)",
            "data = b''",
            "while True:",
            "    d = c.recv(65536)",
            "    if not d: break",
            "    data += d",
            "sys.stdout.buffer.write(data); sys.stdout.flush()");

    private static final String PY_UNIX_SERVER = PY_TCP_SERVER
            .replace("s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)", "s = socket.socket(socket.AF_UNIX)")
            .replace("s.bind(('127.0.0.1', int(sys.argv[1])))", "s.bind(sys.argv[1])");

    private static final String PY_UDP_SERVER = String.join("\n",
            "import socket, sys",
            "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(('127.0.0.1', int(sys.argv[1]))); s.settimeout(20)",
            "d, a = s.recvfrom(65536); s.sendto(b'echo:' + d, a)",
            "sys.stdout.buffer.write(d); sys.stdout.flush()");

    private static final String PY_SLOW_READER = String.join("\n",
            "import socket, sys, time, hashlib",
            "s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)",
            "s.bind(('127.0.0.1', 0)); s.listen(1); print(s.getsockname()[1], flush=True)",
            "c, _ = s.accept(); rate = float(sys.argv[1]); h = hashlib.sha256(); n = 0; t0 = time.time()",
            "while True:",
            "    d = c.recv(65536)",
            "    if not d: break",
            "    n += len(d); h.update(d)",
            "    ahead = n / rate - (time.time() - t0)",
            "    if ahead > 0: time.sleep(ahead)",
            "print(n, h.hexdigest(), flush=True)");

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ncat", "nc", "socat", "python3"})
    void tcp_sockitClientWithPeerServer_bothSidesGetTheData(String peer) throws Exception {
        int port = Ports.freeTcp();
        List<String> command = switch (peer) {
            case "ncat" -> List.of("ncat", "-l", "127.0.0.1", Integer.toString(port));
            case "nc" -> List.of("nc", "-l", "127.0.0.1", Integer.toString(port));
            case "socat" -> List.of("socat", "-", "TCP-LISTEN:" + port + ",bind=127.0.0.1,reuseaddr");
            default -> List.of("python3", "-c", PY_TCP_SERVER, Integer.toString(port));
        };
        try (Spawned server = Spawned.start(command)) {
            if (!peer.equals("python3")) {
                server.write("from-server\n").closeStdin();
            }
            Listening.awaitTcp(port);
            SockitProcess.Result sockit = SockitProcess.runWithInput("from-sockit\n", "127.0.0.1", Integer.toString(port));

            assertThat(sockit.exitCode()).as("sockit stderr: %s", sockit.stderr()).isZero();
            assertThat(sockit.stdout()).isEqualTo("from-server\n");
            assertThat(server.awaitStdout(out -> out.equals("from-sockit\n"))).isEqualTo("from-sockit\n");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"socat", "python3"})
    void unix_sockitClientWithPeerServer_bothSidesGetTheData(String peer) throws Exception {
        Path socket = temp.resolve(peer + ".sock");
        List<String> command = peer.equals("socat")
                ? List.of("socat", "-", "UNIX-LISTEN:" + socket)
                : List.of("python3", "-c", PY_UNIX_SERVER, socket.toString());
        try (Spawned server = Spawned.start(command)) {
            if (peer.equals("socat")) {
                server.write("from-server\n").closeStdin();
            }
            Listening.awaitPath(socket);
            SockitProcess.Result sockit = SockitProcess.runWithInput("from-sockit\n", "-U", "-v", socket.toString());

            assertThat(sockit.exitCode()).as("sockit stderr: %s", sockit.stderr()).isZero();
            assertThat(sockit.stdout()).isEqualTo("from-server\n");
            assertThat(sockit.stderr()).contains("connected to " + socket + " (unix)");
            assertThat(server.awaitStdout(out -> out.equals("from-sockit\n"))).isEqualTo("from-sockit\n");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ncat", "python3"})
    void udp_sockitClientWithPeerServer_requestAndReply(String peer) throws Exception {
        int port = Ports.freeUdp();
        List<String> command = peer.equals("ncat")
                ? List.of("ncat", "-u", "-l", "127.0.0.1", Integer.toString(port))
                : List.of("python3", "-c", PY_UDP_SERVER, Integer.toString(port));
        try (Spawned server = Spawned.start(command)) {
            Listening.awaitUdp(port);
            try (Spawned sockit = Spawned.sockit("-u", "-q", "5s", "-W", "1", "127.0.0.1", Integer.toString(port))) {
                sockit.write("ping\n");
                server.awaitStdout(out -> out.equals("ping\n"));
                if (peer.equals("ncat")) {
                    server.write("echo:ping\n");
                }

                assertThat(sockit.awaitExit(EXIT)).isZero();
                assertThat(sockit.stdout()).isEqualTo("echo:ping\n");
            }
        }
    }

    @Test
    void integrity_fourMebibytesToNcat_sameSha256() throws Exception {
        byte[] data = random(4 << 20, 1);
        Path input = Files.write(temp.resolve("up.bin"), data);
        Path received = temp.resolve("received.bin");
        int port = Ports.freeTcp();
        Process ncat = new ProcessBuilder("ncat", "-l", "--recv-only", "127.0.0.1", Integer.toString(port))
                .redirectOutput(received.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Listening.awaitTcp(port);
            Process sockit = new ProcessBuilder(SockitProcess.command("127.0.0.1", Integer.toString(port)))
                    .redirectInput(input.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(sockit.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(sockit.exitValue()).isZero();
            assertThat(ncat.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(NetcatEofTest.sha256(Files.readAllBytes(received))).isEqualTo(NetcatEofTest.sha256(data));
        } finally {
            ncat.destroyForcibly();
        }
    }

    @Test
    void integrity_fourMebibytesFromNcat_sameSha256() throws Exception {
        byte[] data = random(4 << 20, 2);
        Path input = Files.write(temp.resolve("down.bin"), data);
        Path received = temp.resolve("received.bin");
        int port = Ports.freeTcp();
        Process ncat = new ProcessBuilder("ncat", "-l", "--send-only", "127.0.0.1", Integer.toString(port))
                .redirectInput(input.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Listening.awaitTcp(port);
            Process sockit = new ProcessBuilder(SockitProcess.command("--recv-only", "127.0.0.1", Integer.toString(port)))
                    .redirectOutput(received.toFile()).start();
            assertThat(sockit.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(sockit.exitValue()).isZero();

            assertThat(NetcatEofTest.sha256(Files.readAllBytes(received))).isEqualTo(NetcatEofTest.sha256(data));
        } finally {
            ncat.destroyForcibly();
        }
    }

    @Test
    void backpressure_slowReader_memoryStaysBounded() throws Exception {
        byte[] data = random(64 << 20, 3);
        Path input = Files.write(temp.resolve("big.bin"), data);
        try (Spawned reader = Spawned.start(List.of("python3", "-c", PY_SLOW_READER, Integer.toString(32 << 20)))) {
            String port = reader.awaitStdout(out -> out.endsWith("\n")).strip();
            Process sockit = new ProcessBuilder(SockitProcess.command("127.0.0.1", port))
                    .redirectInput(input.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            List<Long> rss = new ArrayList<>();
            try {
                while (!sockit.waitFor(50, TimeUnit.MILLISECONDS)) {
                    readRssKib(sockit.pid()).ifPresent(rss::add);
                    assertThat(rss.size()).as("still running after 60 s").isLessThan(1200);
                }
            } finally {
                sockit.destroyForcibly();
            }

            assertThat(sockit.exitValue()).isZero();
            String summary = reader.awaitStdout(out -> out.lines().count() == 2).lines().toList().get(1);
            assertThat(summary).isEqualTo((64 << 20) + " " + NetcatEofTest.sha256(data));
            assertThat(rss).as("VmRSS samples (KiB)").hasSizeGreaterThan(10);
            // Buffering the stream would need 64 MiB more than the JVM's own ~70 MiB.
            assertThat(rss.stream().mapToLong(Long::longValue).max().orElseThrow()).isLessThan(120 * 1024);
        }
    }

    private static java.util.Optional<Long> readRssKib(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst();
        } catch (java.io.IOException gone) {
            return java.util.Optional.empty();
        }
    }

    private static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }
}
