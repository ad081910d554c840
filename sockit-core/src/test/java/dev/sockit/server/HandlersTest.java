package dev.sockit.server;

import static dev.sockit.server.ServerFixtures.connect;
import static dev.sockit.server.ServerFixtures.loopback;
import static dev.sockit.server.ServerFixtures.readN;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HandlersTest {

    /** RFC 864's pattern, written out the slow way: 72 characters a line, each line one later. */
    static byte[] chargenPattern(int length) {
        byte[] out = new byte[length];
        int p = 0;
        for (int line = 0; p < length; line++) {
            for (int i = 0; i < 72 && p < length; i++) {
                out[p++] = (byte) (' ' + (line + i) % 95);
            }
            if (p < length) {
                out[p++] = '\r';
            }
            if (p < length) {
                out[p++] = '\n';
            }
        }
        return out;
    }

    @Test
    void chargen_readsFollowTheRfc864PatternAcrossCycles() throws Exception {
        try (TcpServer server = TcpServer.start(loopback().build(), Handlers.chargen()); Socket s = connect(server)) {
            int n = 95 * 74 * 3 + 500;
            assertThat(readN(s, n)).isEqualTo(chargenPattern(n));
        }
    }

    @Test
    void chargen_firstLineStartsAtSpace_asBsdInetd() {
        // RFC 864's example happens to start at '!'; BSD inetd's ring (every isprint char)
        // starts at ' ', and so does sockit.
        assertThat(new String(chargenPattern(74), StandardCharsets.US_ASCII))
                .isEqualTo(" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefg\r\n");
    }

    @Test
    void replyOnce_answersTheFirstMessageOnlyAndDropsTheRest() throws Exception {
        try (TcpServer server = TcpServer.start(loopback().build(), Handlers.replyOnce("HELLO\n"));
             Socket s = connect(server)) {
            s.getOutputStream().write("one".getBytes(StandardCharsets.US_ASCII));
            assertThat(readN(s, 6)).asString(StandardCharsets.US_ASCII).isEqualTo("HELLO\n");
            s.getOutputStream().write("two".getBytes(StandardCharsets.US_ASCII));
            s.shutdownOutput();
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void discard_readsEverythingAnswersNothing() throws Exception {
        try (TcpServer server = TcpServer.start(loopback().build(), Handlers.discard()); Socket s = connect(server)) {
            s.getOutputStream().write(new byte[1 << 20]);
            s.shutdownOutput();
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
    }
}
