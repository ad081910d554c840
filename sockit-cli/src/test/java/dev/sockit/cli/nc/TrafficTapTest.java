package dev.sockit.cli.nc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code -x} hex dump's format, the {@code -o} log's bytes, appending, and write errors at close. */
class TrafficTapTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T07:30:01.123456Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    @Test
    void hexDump_blocksWithMarkTimestampOffsetHexAndAscii() throws IOException {
        Path file = temp.resolve("dump");
        try (HexDump dump = HexDump.open(file, false, CLOCK)) {
            dump.record(TrafficTap.Direction.SENT, ascii("GET / HTTP/1.0\r\n\r\n"));
            dump.record(TrafficTap.Direction.RECEIVED, ascii("ok"));
            dump.record(TrafficTap.Direction.SENT, ascii("!"));
        }

        assertThat(Files.readAllLines(file)).containsExactly(
                "> 2026-11-24T07:30:01.123Z sent 18 bytes",
                "> 00000000  47 45 54 20 2f 20 48 54  54 50 2f 31 2e 30 0d 0a  |GET / HTTP/1.0..|",
                "> 00000010  0d 0a                                             |..|",
                "< 2026-11-24T07:30:01.123Z received 2 bytes",
                "< 00000000  6f 6b                                             |ok|",
                "> 2026-11-24T07:30:01.123Z sent 1 byte",
                "> 00000012  21                                                |!|");
    }

    @Test
    void record_leavesTheBufferAsItWas() throws IOException {
        ByteBuffer data = ascii("abc");
        try (SessionLog log = SessionLog.open(temp.resolve("log"), false); HexDump dump = HexDump.open(temp.resolve("dump"), false, CLOCK)) {
            log.record(TrafficTap.Direction.SENT, data);
            dump.record(TrafficTap.Direction.SENT, data);
        }

        assertThat(data.position()).isZero();
        assertThat(data.remaining()).isEqualTo(3);
    }

    @Test
    void sessionLog_rawBytesTruncatedOrAppended() throws IOException {
        Path file = Files.writeString(temp.resolve("log"), "old ");
        try (SessionLog log = SessionLog.open(file, true)) {
            log.record(TrafficTap.Direction.SENT, ascii("out "));
            log.record(TrafficTap.Direction.RECEIVED, ascii("in"));
        }
        assertThat(Files.readString(file)).isEqualTo("old out in");

        try (SessionLog log = SessionLog.open(file, false)) {
            log.record(TrafficTap.Direction.SENT, ascii("new"));
        }
        assertThat(Files.readString(file)).isEqualTo("new");
    }

    @Test
    void close_afterAWriteError_throwsNamingTheFile() {
        SessionLog log = SessionLog.open(Path.of("/dev/full"), false);
        log.record(TrafficTap.Direction.SENT, ascii("x".repeat(10_000)));
        log.record(TrafficTap.Direction.SENT, ascii("more"));

        assertThatThrownBy(log::close).isInstanceOf(IOException.class).hasMessageStartingWith("/dev/full: write failed (");
    }

    @Test
    void open_unwritablePath_usageError() {
        assertThatThrownBy(() -> HexDump.open(temp.resolve("missing/dir/dump"), false, CLOCK))
                .isInstanceOf(UsageError.class)
                .hasMessage("-x " + temp.resolve("missing/dir/dump") + ": cannot open for writing (no such file or directory)");
    }

    @Test
    void hexDump_twoThreads_blocksStayWhole() throws Exception {
        Path file = temp.resolve("dump");
        CountDownLatch start = new CountDownLatch(1);
        try (HexDump dump = HexDump.open(file, false, CLOCK)) {
            List<Thread> threads = List.of(TrafficTap.Direction.SENT, TrafficTap.Direction.RECEIVED).stream()
                    .map(direction -> Thread.ofPlatform().start(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            return;
                        }
                        for (int i = 0; i < 200; i++) {
                            dump.record(direction, ascii("0123456789abcdef0123456789abcdef"));
                        }
                    }))
                    .toList();
            start.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
        }

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(400 * 3);
        for (int i = 0; i < lines.size(); i += 3) {
            char mark = lines.get(i).charAt(0);
            assertThat(lines.get(i)).endsWith(" 32 bytes");
            assertThat(lines.get(i + 1).charAt(0)).isEqualTo(mark);
            assertThat(lines.get(i + 2).charAt(0)).isEqualTo(mark);
        }
    }

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }
}
