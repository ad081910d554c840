package dev.sockit.cli;

import static dev.sockit.cli.LecturePrograms.LOOPBACK;
import static dev.sockit.cli.LecturePrograms.REFUSED;
import static dev.sockit.cli.LecturePrograms.anyPort;
import static dev.sockit.cli.LecturePrograms.awaitUdpServer;
import static dev.sockit.cli.LecturePrograms.freeTcpPort;
import static dev.sockit.cli.LecturePrograms.freeUdpPort;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sockit.cli.LecturePrograms.Impl;
import dev.sockit.cli.LecturePrograms.Outcome;
import dev.sockit.cli.LecturePrograms.Program;
import dev.sockit.cli.LecturePrograms.Run;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lecture's C programs ({@code src/test/c/lecture_*.c}) run against each other on
 * 127.0.0.1: the byte-exact output, error texts and exit statuses their header comments
 * promise, which the Java versions ({@code sockit example NAME}) must match
 * ({@link LectureInteropTest} holds them to it).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LectureCProgramsTest {
    private static Program tcpServer;
    private static Program tcpClient;
    private static Program udpServer;
    private static Program udpClient;
    private static Program udpConnect;

    @TempDir
    Path temp;

    private LecturePrograms programs;

    @BeforeAll
    static void compile() throws Exception {
        tcpServer = LecturePrograms.program(Impl.C, "tcp-server");
        tcpClient = LecturePrograms.program(Impl.C, "tcp-client");
        udpServer = LecturePrograms.program(Impl.C, "udp-server");
        udpClient = LecturePrograms.program(Impl.C, "udp-client");
        udpConnect = LecturePrograms.program(Impl.C, "udp-connect");
    }

    @BeforeEach
    void programs() {
        programs = new LecturePrograms(temp);
    }

    @AfterEach
    void killLeftovers() {
        programs.close();
    }

    @Test
    void tcpClient_serverRunning_sendsLineAndPrintsReply() throws Exception {
        int port = freeTcpPort();
        Run server = programs.start(tcpServer, null, String.valueOf(port));

        Outcome client = programs.runTcpClientUntilAccepted(tcpClient, "hello\n", LOOPBACK, String.valueOf(port));

        assertThat(client).isEqualTo(new Outcome(0, "Please enter the message: I got your message\n", ""));
        assertThat(server.await()).isEqualTo(new Outcome(0, "Here is the message: hello\n\n", ""));
    }

    @Test
    void tcpClient_portClosed_printsConnectionRefusedBeforePromptingAndExitsZero() throws Exception {
        int port = freeTcpPort();

        assertThat(programs.run(tcpClient, "hello\n", LOOPBACK, String.valueOf(port))).isEqualTo(new Outcome(0, "", REFUSED));
    }

    @Test
    void tcpClient_noPort_printsUsageAndExitsZero() throws Exception {
        assertThat(programs.run(tcpClient, null, LOOPBACK))
                .isEqualTo(new Outcome(0, "", "usage " + tcpClient.argv0() + " hostname port\n"));
    }

    @Test
    void tcpServer_noPort_printsNoPortProvidedAndExitsOne() throws Exception {
        assertThat(programs.run(tcpServer, null)).isEqualTo(new Outcome(1, "", "ERROR, no port provided\n"));
    }

    @Test
    void tcpServer_portInUse_printsBindingErrorAndExitsOne() throws Exception {
        try (ServerSocketChannel holder = ServerSocketChannel.open(StandardProtocolFamily.INET)) {
            holder.bind(anyPort());
            String port = String.valueOf(((InetSocketAddress) holder.getLocalAddress()).getPort());

            assertThat(programs.run(tcpServer, null, port))
                    .isEqualTo(new Outcome(1, "", "ERROR on binding: Address already in use\n"));
        }
    }

    @Test
    void udpClient_serverCountTwo_printsReplyAndServerExitsAfterTwoDatagrams() throws Exception {
        int port = freeUdpPort();
        Run server = programs.start(udpServer, null, String.valueOf(port), "2");
        int probePort = awaitUdpServer(port);

        Outcome client = programs.run(udpClient, null, LOOPBACK, String.valueOf(port), "hello");

        assertThat(client).isEqualTo(new Outcome(0, "Reply from 127.0.0.1:" + port + ": ACK: hello\n", ""));
        Outcome served = server.await();
        assertThat(served.status()).isZero();
        assertThat(served.stderr()).isEmpty();
        assertThat(served.stdout()).matches(Pattern.quote("Received 5 bytes from 127.0.0.1:" + probePort + ": probe\n")
                + "Received 5 bytes from 127\\.0\\.0\\.1:[1-9][0-9]*: hello\n");
    }

    @Test
    void udpClient_portClosed_printsNoReplyAfterThreeSecondsAndExitsOne() throws Exception {
        int port = freeUdpPort();
        long start = System.nanoTime();

        Outcome client = programs.run(udpClient, null, LOOPBACK, String.valueOf(port), "hello");

        assertThat(client).isEqualTo(new Outcome(1, "", "ERROR, no reply within 3 s\n"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(2900));
    }

    @Test
    void udpConnect_twoServers_oneSocketGetsBothReplies() throws Exception {
        int port1 = freeUdpPort();
        int port2 = freeUdpPort();
        Run server1 = programs.start(udpServer, null, String.valueOf(port1), "2");
        Run server2 = programs.start(udpServer, null, String.valueOf(port2), "2");
        awaitUdpServer(port1);
        awaitUdpServer(port2);

        Outcome client = programs.run(udpConnect, null, LOOPBACK, String.valueOf(port1), String.valueOf(port2), "hi");

        assertThat(client).isEqualTo(new Outcome(0,
                "Reply from 127.0.0.1:" + port1 + ": ACK: hi\nReply from 127.0.0.1:" + port2 + ": ACK: hi\n", ""));
        int clientPort = secondSenderPort(server1.await(), "hi");
        assertThat(secondSenderPort(server2.await(), "hi")).isEqualTo(clientPort);
    }

    @Test
    void udpConnect_secondPortClosed_readsConnectionRefusedAndExitsOne() throws Exception {
        int port1 = freeUdpPort();
        int closed = freeUdpPort();
        Run server = programs.start(udpServer, null, String.valueOf(port1), "2");
        awaitUdpServer(port1);

        Outcome client = programs.run(udpConnect, null, LOOPBACK, String.valueOf(port1), String.valueOf(closed), "hi");

        assertThat(client).isEqualTo(new Outcome(1,
                "Reply from 127.0.0.1:" + port1 + ": ACK: hi\n", "ERROR reading from socket: Connection refused\n"));
        secondSenderPort(server.await(), "hi");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("udpUsageErrors")
    void udpPrograms_badArguments_printUsageAndExitOne(String name, List<String> args, String usage) throws Exception {
        Program program = LecturePrograms.program(Impl.C, name);

        assertThat(programs.run(program, null, args.toArray(String[]::new)))
                .isEqualTo(new Outcome(1, "", "usage " + program.argv0() + " " + usage + "\n"));
    }

    /** Program name, arguments, and the usage text after {@code argv[0]}. */
    static Stream<Arguments> udpUsageErrors() {
        String server = "port [count]";
        String client = "hostname port message";
        String connect = "hostname port1 port2 message";
        return Stream.of(
                Arguments.of("udp-server", List.of(), server),
                Arguments.of("udp-server", List.of("0"), server),
                Arguments.of("udp-server", List.of("65536"), server),
                Arguments.of("udp-server", List.of("+9"), server),
                Arguments.of("udp-server", List.of("9x"), server),
                Arguments.of("udp-server", List.of("9", "0"), server),
                Arguments.of("udp-server", List.of("9", "2147483648"), server),
                Arguments.of("udp-server", List.of("9", "1", "1"), server),
                Arguments.of("udp-client", List.of(LOOPBACK, "9"), client),
                Arguments.of("udp-client", List.of(LOOPBACK, "-9", "m"), client),
                Arguments.of("udp-client", List.of(LOOPBACK, "9", "m", "m"), client),
                Arguments.of("udp-connect", List.of(LOOPBACK, "9", "9"), connect),
                Arguments.of("udp-connect", List.of(LOOPBACK, "9", "", "m"), connect),
                Arguments.of("udp-connect", List.of(LOOPBACK, "70000", "9", "m"), connect));
    }

    /** Checks a udp server's output (probe, then {@code message}) and returns the second sender's port. */
    private static int secondSenderPort(Outcome served, String message) {
        assertThat(served.status()).isZero();
        assertThat(served.stderr()).isEmpty();
        Matcher lines = Pattern.compile("Received 5 bytes from 127\\.0\\.0\\.1:[1-9][0-9]*: probe\n"
                + "Received " + message.length() + " bytes from 127\\.0\\.0\\.1:([1-9][0-9]*): " + Pattern.quote(message) + "\n")
                .matcher(served.stdout());
        assertThat(lines.matches()).as(served.stdout()).isTrue();
        return Integer.parseInt(lines.group(1));
    }
}
