package dev.sockit.cli.nc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sockit.cli.SockitProcess;
import dev.sockit.cli.Spawned;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code sockit -l -U PATH}: UNIX stream listeners, stale sockets, paths that are not sockets, real clients. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NetcatUnixListenTest {

    @Test
    void listen_bothWays_withSocatAsClient_theSocketFileRemovedAtExit(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("l.sock");
        try (Spawned l = Spawned.sockit("--json", "-l", "-U", path.toString())) {
            l.awaitStderr(err -> err.contains("\"event\":\"listening\""));
            try (Spawned socat = Spawned.start(List.of("socat", "-t", "20", "-", "UNIX-CONNECT:" + path))) {
                l.awaitStderr(err -> err.contains("\"event\":\"accepted\""));
                socat.write("from socat\n").closeStdin();
                l.awaitStdout(out -> out.equals("from socat\n"));
                l.write("from sockit\n").closeStdin();
                assertThat(socat.awaitExit()).isZero();
                assertThat(socat.stdout()).isEqualTo("from sockit\n");
            }
            assertThat(l.awaitExit()).isZero();
            assertThat(l.stderr()).contains("\"proto\":\"unix\"").contains("\"event\":\"closed\"");
            assertThat(path).doesNotExist();
        }
    }

    @Test
    void aStaleSocketFile_isReplaced(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("stale.sock");
        try (ServerSocketChannel gone = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            gone.bind(UnixDomainSocketAddress.of(path));
        }
        assertThat(path).exists();
        try (Spawned l = Spawned.sockit("--json", "-l", "-U", path.toString());
                SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            l.awaitStderr(err -> err.contains("\"event\":\"listening\""));
            client.connect(UnixDomainSocketAddress.of(path));
            client.write(ByteBuffer.wrap("fresh\n".getBytes(StandardCharsets.UTF_8)));
            client.shutdownOutput();
            l.closeStdin();
            assertThat(l.awaitExit()).isZero();
            assertThat(l.stdout()).isEqualTo("fresh\n");
        }
    }

    @Test
    void aPathThatIsNotASocket_usageError_theFileUntouched(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "keep me");
        SockitProcess.Result r = SockitProcess.run("-l", "-U", file.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).isEqualTo("sockit: -U " + file + ": exists and is not a socket\n");
        assertThat(Files.readString(file)).isEqualTo("keep me");
    }

    @Test
    void aLiveListenersSocket_isLeftAlone_exit1(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("live.sock");
        try (ServerSocketChannel live = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            live.bind(UnixDomainSocketAddress.of(path));
            SockitProcess.Result r = SockitProcess.run("-l", "-U", path.toString());
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.stderr()).contains("already").contains("EADDRINUSE");
            assertThat(path).exists();
        }
    }
}
