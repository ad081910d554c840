package dev.sockit.cli.nc;

import static dev.sockit.cli.nc.Listener.readToEof;
import static dev.sockit.cli.nc.Listener.readUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** {@code -C} and {@code -d} on what the listener sends from stdin, as in connect mode. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@Execution(ExecutionMode.CONCURRENT)
class NetcatListenShapingTest {
    private static final Duration EXIT = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    @Test
    void listen_crlf_keepOpen_everyClientGetsCrLfLines() throws Exception {
        try (Listener l = Listener.start("-l", "-k", "-C", "127.0.0.1", "0")) {
            Socket a = l.connect();
            Socket b = l.connect();
            l.awaitEvents("accepted", 2);
            l.process.write("a\nb\r\nc\n");
            assertThat(readUntil(a, "c\r\n")).isEqualTo("a\r\nb\r\nc\r\n");
            assertThat(readUntil(b, "c\r\n")).isEqualTo("a\r\nb\r\nc\r\n");
        }
    }

    @Test
    void listen_lineDelay_linesWrittenTogetherLeaveSpaced() throws Exception {
        Path dump = temp.resolve("lines.hex");
        try (Listener l = Listener.start("-l", "-d", "300ms", "-x", dump.toString(), "127.0.0.1", "0")) {
            Socket client = l.connect();
            l.awaitEvents("accepted", 1);
            l.process.write("one\ntwo\nthree\n").closeStdin();
            assertThat(readToEof(client)).isEqualTo("one\ntwo\nthree\n");
            client.close();
            assertThat(l.process.awaitExit(EXIT)).isZero();
        }

        List<Instant> sent = SentTimes.of(dump);
        assertThat(sent).hasSize(3);
        assertThat(Duration.between(sent.get(0), sent.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(299));
        assertThat(Duration.between(sent.get(1), sent.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(299));
    }
}
