package dev.sockit.cli.nc;

import static dev.sockit.cli.nc.Listener.readToEof;
import static dev.sockit.cli.nc.Listener.readUntil;
import static dev.sockit.cli.nc.Listener.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code -e}/{@code -c}: a program per client, its stdin and stdout on the socket, its environment, TCP and UDP, bounded by {@code -m}. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NetcatExecTest {

    @Test
    void exec_cat_echoesTheClient_clientFinClosesItsStdin_itsExitClosesTheConnection() throws Exception {
        try (Listener l = Listener.start("-l", "-e", "/bin/cat", "127.0.0.1", "0")) {
            Socket c = l.connect();
            byte[] data = new byte[1 << 20];
            new Random(7).nextBytes(data);
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    c.getOutputStream().write(data);
                    c.shutdownOutput();
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            byte[] back = c.getInputStream().readAllBytes();
            writer.join();
            assertThat(NetcatListenTest.sha256(back)).isEqualTo(NetcatListenTest.sha256(data));
            assertThat(l.process.awaitExit()).isZero();
        }
    }

    @Test
    void shExec_seesTheConnectionInItsEnvironment_sockitAndNcatNames() throws Exception {
        String script = "echo \"$SOCKIT_REMOTE_ADDR $SOCKIT_REMOTE_PORT $SOCKIT_LOCAL_ADDR $SOCKIT_LOCAL_PORT $SOCKIT_PROTO\";"
                + " echo \"$NCAT_REMOTE_ADDR $NCAT_REMOTE_PORT $NCAT_LOCAL_ADDR $NCAT_LOCAL_PORT $NCAT_PROTO\"";
        try (Listener l = Listener.start("-l", "-k", "-c", script, "127.0.0.1", "0")) {
            Socket c = l.connect("127.0.0.2", "127.0.0.1");
            String expected = "127.0.0.2 " + c.getLocalPort() + " 127.0.0.1 " + l.port + " TCP\n";
            assertThat(readToEof(c)).isEqualTo(expected + expected);
        }
    }

    @Test
    void keepOpen_aProgramPerClient_boundedByMaxConns() throws Exception {
        try (Listener l = Listener.start("-l", "-k", "-m", "2", "-c", "read line; echo \"got $line\"", "127.0.0.1", "0")) {
            Socket a = l.connect();
            Socket b = l.connect();
            l.awaitEvents("accepted", 2);
            Socket c = l.connect();
            assertThat(Listener.closedByPeer(c)).isTrue();
            l.awaitEvents("limit", 1);
            send(b, "bee\n");
            send(a, "ay\n");
            assertThat(readToEof(a)).isEqualTo("got ay\n");
            assertThat(readToEof(b)).isEqualTo("got bee\n");
        }
    }

    @Test
    void udp_eachPeerItsOwnProgram_outputBackAsDatagrams() throws Exception {
        try (Listener l = Listener.start("-l", "-u", "-k", "-c", "while read line; do echo \"$SOCKIT_PROTO $line\"; done", "127.0.0.1", "0");
                DatagramSocket a = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                DatagramSocket b = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            a.setSoTimeout(Listener.READ_TIMEOUT_MILLIS);
            b.setSoTimeout(Listener.READ_TIMEOUT_MILLIS);
            NetcatUdpListenTest.send(a, l.port, "one\n");
            NetcatUdpListenTest.send(b, l.port, "two\n");
            assertThat(NetcatUdpListenTest.receive(a)).isEqualTo("UDP one\n");
            assertThat(NetcatUdpListenTest.receive(b)).isEqualTo("UDP two\n");
            l.awaitEvents("accepted", 2);
        }
    }

    @Test
    void aProgramThatCannotStart_isReported_theListenerGoesOn() throws Exception {
        try (Listener l = Listener.start("-l", "-k", "-e", "/nonexistent/program", "127.0.0.1", "0")) {
            Socket c = l.connect();
            assertThat(Listener.closedByPeer(c)).isTrue();
            l.process.awaitStderr(err -> err.contains("cannot run /nonexistent/program"));
            assertThat(l.process.stderr()).doesNotContain("Exception");
            assertThat(Listener.closedByPeer(l.connect())).as("a second client gets the same, the listener is still up").isTrue();
        }
    }
}
