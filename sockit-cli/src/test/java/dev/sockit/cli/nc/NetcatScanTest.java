package dev.sockit.cli.nc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sockit.cli.SockitProcess;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * {@code -z} on loopback: one stdout line per port, {@code HOST PORT PROTO STATE}, in the
 * order given (or random with {@code -r}); TCP open, closed and filtered; UDP open, closed
 * and open|filtered; exit 0 only if every port is open ({@code --any}: if one is).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@Execution(ExecutionMode.CONCURRENT)
class NetcatScanTest {

    @Test
    void scan_tcpOpenAndClosed_oneLineEachInOrderExit1() throws Exception {
        try (ServerSocket open = listener(50)) {
            int closed = Ports.freeTcp();
            SockitProcess.Result result = SockitProcess.run("-z", "127.0.0.1", closed + "," + open.getLocalPort(), "1-2");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.lines()).containsExactly(
                    "127.0.0.1 " + closed + " tcp closed",
                    "127.0.0.1 " + open.getLocalPort() + " tcp open",
                    "127.0.0.1 1 tcp closed",
                    "127.0.0.1 2 tcp closed");
            assertThat(result.stderr()).isEmpty();
        }
    }

    @Test
    void scan_everyPortOpen_exit0() throws Exception {
        try (ServerSocket first = listener(50); ServerSocket second = listener(50)) {
            SockitProcess.Result result = SockitProcess.run("-z", "127.0.0.1", Integer.toString(first.getLocalPort()),
                    Integer.toString(second.getLocalPort()));

            assertThat(result.exitCode()).isZero();
            assertThat(result.lines()).hasSize(2).allMatch(line -> line.endsWith(" tcp open"));
        }
    }

    @Test
    void scan_anyWithOneOpen_exit0() throws Exception {
        try (ServerSocket open = listener(50)) {
            SockitProcess.Result result = SockitProcess.run("-z", "--any", "127.0.0.1", "1", Integer.toString(open.getLocalPort()));

            assertThat(result.exitCode()).isZero();
            assertThat(result.lines()).containsExactly("127.0.0.1 1 tcp closed", "127.0.0.1 " + open.getLocalPort() + " tcp open");
        }
    }

    @Test
    void scan_noAnswerInTime_filtered() throws Exception {
        try (FullBacklog full = FullBacklog.start()) {
            SockitProcess.Result result = SockitProcess.run("-z", "-w", "500ms", "127.0.0.1", Integer.toString(full.port()));

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.lines()).containsExactly("127.0.0.1 " + full.port() + " tcp filtered");
        }
    }

    @Test
    void scan_randomOrder_everyPortOnce() throws Exception {
        SockitProcess.Result result = SockitProcess.run("-z", "-r", "127.0.0.1", "1-40");

        List<String> expected = IntStream.rangeClosed(1, 40).mapToObj(p -> "127.0.0.1 " + p + " tcp closed").toList();
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.lines()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(result.lines()).as("40 ports in the order given, 1 chance in 40!").isNotEqualTo(expected);
    }

    @Test
    void scan_udp_openClosedAndOpenFiltered() throws Exception {
        try (DatagramSocket answering = udp(); DatagramSocket silent = udp()) {
            Thread replier = Thread.ofVirtual().start(() -> {
                try {
                    DatagramPacket packet = new DatagramPacket(new byte[16], 16);
                    answering.receive(packet);
                    answering.send(new DatagramPacket(new byte[] {'!'}, 1, packet.getSocketAddress()));
                } catch (java.io.IOException closed) {
                    // the test ended
                }
            });
            int closed = Ports.freeUdp();
            SockitProcess.Result result = SockitProcess.run("-z", "-u", "-w", "500ms", "127.0.0.1",
                    answering.getLocalPort() + "," + closed + "," + silent.getLocalPort());
            replier.join(5000);

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.lines()).containsExactly(
                    "127.0.0.1 " + answering.getLocalPort() + " udp open",
                    "127.0.0.1 " + closed + " udp closed",
                    "127.0.0.1 " + silent.getLocalPort() + " udp open|filtered");
        }
    }

    @Test
    void scan_jsonAndVerbose_oneScanEventPerPort() throws Exception {
        try (ServerSocket open = listener(50)) {
            SockitProcess.Result json = SockitProcess.run("-z", "--json", "127.0.0.1", open.getLocalPort() + ",1");
            SockitProcess.Result verbose = SockitProcess.run("-z", "-v", "127.0.0.1", Integer.toString(open.getLocalPort()));

            assertThat(json.stderr().lines().toList()).hasSize(2);
            assertThat(json.stderr().lines().toList().get(0)).matches("\\{\"event\":\"scan\",\"ts\":\"[^\"]+\",\"host\":\"127.0.0.1\",\"port\":"
                    + open.getLocalPort() + ",\"proto\":\"tcp\",\"state\":\"open\"}");
            assertThat(json.stderr().lines().toList().get(1)).contains("\"port\":1,\"proto\":\"tcp\",\"state\":\"closed\"");
            assertThat(json.lines()).hasSize(2);
            assertThat(verbose.exitCode()).isZero();
            assertThat(verbose.stderr()).isEqualTo("sockit: 127.0.0.1 " + open.getLocalPort() + " (tcp) open\n");
        }
    }

    private static ServerSocket listener(int backlog) throws java.io.IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), backlog);
        return socket;
    }

    private static DatagramSocket udp() throws java.io.IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(10_000);
        return socket;
    }
}
