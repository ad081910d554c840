package dev.sockit.cli.nc;

import static dev.sockit.cli.nc.Listener.readToEof;
import static dev.sockit.cli.nc.Listener.readUntil;
import static dev.sockit.cli.nc.Listener.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sockit.cli.SockitProcess;
import dev.sockit.cli.Spawned;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code sockit -l}, one client (no {@code -k}): both directions, every end-of-stream row of
 * the listen side, exit statuses, refusal of a second client, dual-stack and {@code -6},
 * timeouts, bad input, data integrity and a bounded memory under a slow stdout.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NetcatListenTest {

    @Test
    void stdinEof_halfClosesAtOnce_andKeepsReadingUntilTheClientCloses() throws Exception {
        try (Listener l = Listener.start("-l", "127.0.0.1", "0")) {
            Socket client = l.connect();
            l.awaitEvents("accepted", 1);
            l.process.write("from listener\n").closeStdin();
            assertThat(readToEof(client)).isEqualTo("from listener\n");
            send(client, "still heard after the listener's FIN\n");
            l.process.awaitStdout(out -> out.contains("still heard"));
            assertThat(l.process.isAlive()).isTrue();
            client.shutdownOutput();
            assertThat(l.process.awaitExit()).isZero();
            assertThat(l.process.stdout()).isEqualTo("still heard after the listener's FIN\n");
            assertThat(l.process.stderr()).contains("\"event\":\"closed\"").contains("\"bytes_sent\":14").contains("\"bytes_received\":37");
        }
    }

    @Test
    void clientFin_doesNotEndTheSession_stdinKeepsFlowingUntilItEnds() throws Exception {
        try (Listener l = Listener.start("-l", "127.0.0.1", "0")) {
            Socket client = l.connect();
            send(client, "question\n");
            client.shutdownOutput();
            l.process.awaitStdout(out -> out.equals("question\n"));
            l.process.write("answer one\n");
            assertThat(readUntil(client, "answer one\n")).isEqualTo("answer one\n");
            assertThat(l.process.isAlive()).isTrue();
            l.process.write("answer two\n").closeStdin();
            assertThat(readToEof(client)).isEqualTo("answer two\n");
            assertThat(l.process.awaitExit()).isZero();
        }
    }

    @Test
    void clientGone_theNextWritesFail_andTheListenerEndsWithAllItReceived() throws Exception {
        try (Listener l = Listener.start("-l", "127.0.0.1", "0")) {
            Socket client = l.connect();
            send(client, "last words\n");
            client.close();
            l.process.awaitStdout(out -> out.equals("last words\n"));
            for (int i = 0; i < 50 && l.process.isAlive(); i++) {
                l.process.write("into the void " + i + "\n");
                l.process.exitsWithin(Duration.ofMillis(100)); // the RST that follows the first write must arrive before the next
            }
            assertThat(l.process.awaitExit()).isZero();
            assertThat(l.process.stdout()).isEqualTo("last words\n");
        }
    }

    @Test
    void exitOnPeerClose_endsAtTheClientsFin_asNcat() throws Exception {
        try (Listener l = Listener.start("-l", "--exit-on-peer-close", "127.0.0.1", "0")) {
            Socket client = l.connect();
            send(client, "bye\n");
            client.shutdownOutput();
            assertThat(l.process.awaitExit()).isZero();
            assertThat(l.process.stdout()).isEqualTo("bye\n");
            assertThat(readToEof(client)).isEmpty();
        }
    }

    @Test
    void recvOnly_neverReadsStdin_theClientsFinEndsTheSession() throws Exception {
        try (Listener l = Listener.start("-l", "--recv-only", "127.0.0.1", "0")) {
            Socket client = l.connect();
            l.awaitEvents("accepted", 1);
            l.process.write("never sent\n");
            send(client, "only this way\n");
            client.shutdownOutput();
            assertThat(l.process.awaitExit()).isZero();
            assertThat(l.process.stdout()).isEqualTo("only this way\n");
            assertThat(readToEof(client)).isEmpty();
        }
    }

    @Test
    void withoutKeepOpen_aSecondClientIsRefused() throws Exception {
        try (Listener l = Listener.start("-l", "127.0.0.1", "0")) {
            Socket first = l.connect();
            l.awaitEvents("accepted", 1);
            boolean refused = false;
            for (int i = 0; i < 100 && !refused; i++) { // the listener closes its socket right after the first accept
                try (Socket second = new Socket("127.0.0.1", l.port)) {
                    second.setSoTimeout(2000);
                    assertThat(second.getInputStream().read()).as("a second client was served").isNegative();
                } catch (ConnectException e) {
                    refused = true;
                } catch (java.net.SocketException reset) {
                    // queued before the listener closed, then reset with it: turned away too
                }
            }
            assertThat(refused).isTrue();
            send(first, "first\n");
            first.shutdownOutput();
            l.process.closeStdin();
            assertThat(l.process.awaitExit()).isZero();
            assertThat(l.process.stdout()).isEqualTo("first\n");
        }
    }

    @Test
    void noHost_dualStack_printsIpv4ClientsAsIpv4() throws Exception {
        try (Listener l = Listener.start("-l", "0")) {
            assertThat(l.process.stderr()).contains("\"addr\":\"::\"");
            Socket client = l.connect("127.0.0.1", "127.0.0.1");
            l.awaitEvents("accepted", 1);
            assertThat(l.process.stderr()).contains("\"event\":\"accepted\"").contains("\"addr\":\"127.0.0.1\"").doesNotContain("::ffff:");
            client.close();
            l.process.closeStdin();
            assertThat(l.process.awaitExit()).isZero();
        }
    }

    @Test
    void ipv6Only_isV6OnlySocket_ipv4ClientRefusedByTheKernel_servesIpv6() throws Exception {
        try (Listener l = Listener.start("-6", "-l", "0")) {
            assertThatThrownBy(() -> l.connect("127.0.0.1", "127.0.0.1"))
                    .isInstanceOf(ConnectException.class)
                    .hasMessageContaining("Connection refused");
            Socket v6 = l.connect("::1", "::1");
            send(v6, "six\n");
            v6.shutdownOutput();
            l.process.closeStdin();
            assertThat(l.process.awaitExit()).isZero();
            assertThat(l.process.stdout()).isEqualTo("six\n");
        }
    }

    @Test
    void ipv6Only_withoutAddOpens_exit1NamingTheMissingFlag() throws Exception {
        List<String> command = new ArrayList<>(SockitProcess.command("-6", "-l", "0"));
        int jar = command.indexOf("-jar");
        command.set(jar, "-cp");
        command.add(jar + 2, "dev.sockit.cli.Main");
        try (Spawned sockit = Spawned.start(command)) {
            assertThat(sockit.awaitExit()).isEqualTo(1);
            assertThat(sockit.stderr()).matches("sockit: cannot listen on .*: setsockopt IPV6_V6ONLY: the JDK sets it only with --add-opens java.base/sun.nio.ch.*\n");
        }
    }

    @Test
    void portFromDashP_andBindAddressFromDashS() throws Exception {
        try (Listener l = Listener.start("-l", "-s", "127.0.0.1", "-p", "0")) {
            assertThat(l.process.stderr()).contains("\"addr\":\"127.0.0.1\"");
            Socket c = l.connect();
            c.close();
            l.process.closeStdin();
            assertThat(l.process.awaitExit()).isZero();
        }
    }

    @Test
    void acceptTimeout_noClient_exits3() throws Exception {
        try (Listener l = Listener.start("-l", "--accept-timeout", "300ms", "127.0.0.1", "0")) {
            assertThat(l.process.awaitExit()).isEqualTo(3);
            assertThat(l.process.stderr()).contains("\"event\":\"error\"").contains("\"exit_status\":3");
        }
    }

    @Test
    void idleTimeout_theOnlySessionEndsIdle_exits4_afterWritingWhatCame() throws Exception {
        try (Listener l = Listener.start("-l", "-i", "400ms", "127.0.0.1", "0")) {
            Socket c = l.connect();
            send(c, "then silence\n");
            assertThat(l.process.awaitExit()).isEqualTo(4);
            assertThat(l.process.stdout()).isEqualTo("then silence\n");
            assertThat(l.process.stderr()).contains("\"reason\":\"idle\"");
        }
    }

    @Test
    void reset_beforeTheClientFinished_exits1() throws Exception {
        try (Listener l = Listener.start("-l", "127.0.0.1", "0")) {
            Socket c = l.connect();
            send(c, "x");
            l.process.awaitStdout(out -> out.equals("x"));
            c.setSoLinger(true, 0);
            c.close();
            assertThat(l.process.awaitExit()).isEqualTo(1);
            assertThat(l.process.stderr()).contains("\"reason\":\"reset\"");
        }
    }

    @Test
    void badInput_oneLine_exit2() throws Exception {
        for (List<String> args : List.of(
                List.of("-l", "70000"), List.of("-l", "abc", "x"), List.of("-l", "--allow", "10.0.0.1/8", "0"),
                List.of("-l", "--allowfile", "/nonexistent/allow", "0"), List.of("-l", "--echo", "--discard", "0"),
                List.of("-l", "-m", "0", "0"), List.of("-l", "--broker-console", "0"), List.of("-l", "1", "2", "3"),
                List.of("-l", "-p", "5", "127.0.0.1", "6"), List.of("-l", "-u", "--chat", "0"))) {
            SockitProcess.Result r = SockitProcess.run(args.toArray(String[]::new));
            assertThat(r.exitCode()).as("%s: %s", args, r.stderr()).isEqualTo(2);
            assertThat(r.stderr().lines().count()).as("%s", args).isEqualTo(1);
            assertThat(r.stderr()).as("%s", args).startsWith("sockit: ").doesNotContain("Exception");
        }
    }

    @Test
    void fourMebibytes_arriveWhole_sameSha256() throws Exception {
        byte[] data = new byte[4 << 20];
        new Random(42).nextBytes(data);
        try (Listener l = Listener.start("-l", "127.0.0.1", "0")) {
            Socket c = l.connect();
            c.getOutputStream().write(data);
            c.shutdownOutput();
            l.process.closeStdin();
            assertThat(l.process.awaitExit()).isZero();
            assertThat(sha256(l.process.stdoutBytes())).isEqualTo(sha256(data));
        }
    }

    /**
     * Both stdout paths: stdin open (the writer thread behind its bounded queue) and stdin
     * closed first (after the queue drains, the event loop writes stdout itself). Distinct
     * chunks and a digest on each side catch bytes lost or reordered at the switch.
     */
    @ParameterizedTest(name = "stdin closed first: {0}")
    @ValueSource(booleans = {false, true})
    void slowStdout_backpressure_keepsTheListenersMemoryBounded(boolean stdinClosedFirst, @TempDir Path dir) throws Exception {
        // stdout is a pipe nobody reads yet: the listener must stop reading the client, not buffer.
        Process p = new ProcessBuilder(SockitProcess.command("--json", "-l", "127.0.0.1", "0"))
                .redirectError(dir.resolve("err").toFile()).start();
        if (stdinClosedFirst) {
            p.getOutputStream().close();
        }
        try (Socket c = new Socket()) {
            String err = awaitFile(dir.resolve("err"), "listening");
            int port = Integer.parseInt(err.replaceAll("(?s).*\"port\":(\\d+).*", "$1"));
            c.connect(new java.net.InetSocketAddress("127.0.0.1", port));
            long total = 256L << 20;
            byte[][] chunks = new byte[7][64 * 1024];
            Random random = new Random(7);
            for (byte[] chunk : chunks) {
                random.nextBytes(chunk);
            }
            MessageDigest sent = MessageDigest.getInstance("SHA-256");
            Thread sender = Thread.ofVirtual().start(() -> {
                try (OutputStream out = c.getOutputStream()) {
                    for (int i = 0; (long) i * chunks[0].length < total; i++) {
                        byte[] chunk = chunks[i % chunks.length];
                        out.write(chunk);
                        sent.update(chunk);
                    }
                    c.shutdownOutput();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            sender.join(Duration.ofSeconds(3)); // the sender stalls: nobody drains the listener's stdout
            assertThat(sender.isAlive()).as("256 MiB went into a listener whose stdout is not read").isTrue();
            long rssKb = rssKilobytes(p.pid());
            assertThat(rssKb).as("VmRSS of the listener with a stalled stdout").isLessThan(200 * 1024);
            p.getOutputStream().close();
            MessageDigest received = MessageDigest.getInstance("SHA-256");
            long read = 0;
            try (InputStream out = p.getInputStream()) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = out.read(buf)) > 0; ) {
                    received.update(buf, 0, n);
                    read += n;
                }
            }
            assertThat(read).isEqualTo(total);
            sender.join(Duration.ofSeconds(20));
            assertThat(HexFormat.of().formatHex(received.digest())).isEqualTo(HexFormat.of().formatHex(sent.digest()));
            assertThat(p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
    }

    static String awaitFile(Path file, String text) throws Exception {
        for (int i = 0; i < 400; i++) {
            String s = Files.exists(file) ? Files.readString(file) : "";
            if (s.contains(text)) {
                return s;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(file + " never contained " + text);
    }

    static long rssKilobytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new AssertionError("no VmRSS for " + pid);
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    static Spawned peer(String... command) throws IOException {
        return Spawned.start(List.of(command));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
