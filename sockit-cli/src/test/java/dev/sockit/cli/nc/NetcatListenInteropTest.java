package dev.sockit.cli.nc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sockit.cli.Spawned;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real clients against a {@code sockit -l}: ncat, OpenBSD nc, socat and python3 each send
 * 2 MiB (SHA-256 compared) and read what the listener's stdin gives, ending at their stdin's
 * EOF the way each tool does.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NetcatListenInteropTest {

    @ParameterizedTest
    @ValueSource(strings = {"ncat", "nc", "socat", "python3"})
    void client_sendsAFile_andReceivesTheListenersStdin(String tool, @TempDir Path dir) throws Exception {
        byte[] data = new byte[2 << 20];
        new Random(tool.hashCode()).nextBytes(data);
        Path file = Files.write(dir.resolve("data"), data);
        try (Listener l = Listener.start("-l", "127.0.0.1", "0")) {
            String port = Integer.toString(l.port);
            List<String> command = switch (tool) {
                case "ncat" -> List.of("sh", "-c", "ncat 127.0.0.1 " + port + " < " + file);
                case "nc" -> List.of("sh", "-c", "nc -N 127.0.0.1 " + port + " < " + file);
                case "socat" -> List.of("sh", "-c", "socat -t 20 - TCP:127.0.0.1:" + port + " < " + file);
                default -> List.of("python3", "-c", "import socket,sys\n"
                        + "s=socket.create_connection(('127.0.0.1'," + port + ")); s.settimeout(20)\n"
                        + "s.sendall(open(sys.argv[1],'rb').read()); s.shutdown(socket.SHUT_WR)\n"
                        + "out=b''\n"
                        + "while True:\n"
                        + "    b=s.recv(65536)\n"
                        + "    if not b: break\n"
                        + "    out+=b\n"
                        + "sys.stdout.buffer.write(out)\n", file.toString());
            };
            try (Spawned client = Spawned.start(command)) {
                l.awaitEvents("accepted", 1);
                l.process.write("reply from sockit\n").closeStdin();
                assertThat(l.process.awaitExit()).as(l.process.stderr()).isZero();
                assertThat(client.awaitExit()).isZero();
                assertThat(NetcatListenTest.sha256(l.process.stdoutBytes())).isEqualTo(NetcatListenTest.sha256(data));
                assertThat(client.stdout()).isEqualTo("reply from sockit\n");
            }
        }
    }
}
