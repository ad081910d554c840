package dev.sockit.cli;

import static dev.sockit.cli.LecturePrograms.LOOPBACK;
import static dev.sockit.cli.LecturePrograms.anyPort;
import static dev.sockit.cli.LecturePrograms.awaitUdpServer;
import static dev.sockit.cli.LecturePrograms.freeTcpPort;
import static dev.sockit.cli.LecturePrograms.freeUdpPort;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sockit.cli.LecturePrograms.Impl;
import dev.sockit.cli.LecturePrograms.Outcome;
import dev.sockit.cli.LecturePrograms.Program;
import dev.sockit.cli.LecturePrograms.Run;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Java versions of the lecture's programs ({@code sockit example NAME}) against the C
 * originals, on 127.0.0.1: every pairing of server and client (C with C, C with Java, Java
 * with C, Java with Java) must print, on each side, what the C programs print with each
 * other, byte for byte; and every error path must print what the C program prints.
 *
 * <p>Ports are free ones, so they differ between runs: before outputs are compared, each
 * port the test knows is replaced by its role ({@code SERVER}, {@code PORT1}, {@code PROBE})
 * and a UDP client's own ephemeral port by {@code CLIENT}. A C program's usage line names
 * its binary, the Java one {@code sockit example NAME}: that is replaced too.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LectureInteropTest {
    /** A line, and one that fgets() cuts at 254 bytes, with bytes that are no ASCII. */
    private static final List<String> LINES = List.of(
            "hello\n",
            "gr\u00fc\u00dfe \u00e0 \u00c3\u00a9t\u00e9 \u00ff " + "x".repeat(300) + "\n");

    @TempDir
    Path temp;

    private LecturePrograms programs;

    @BeforeEach
    void programs() {
        programs = new LecturePrograms(temp);
    }

    @AfterEach
    void killLeftovers() {
        programs.close();
    }

    static Stream<Arguments> pairings() {
        return Stream.of(
                Arguments.of(Impl.C, Impl.C),
                Arguments.of(Impl.C, Impl.JAVA),
                Arguments.of(Impl.JAVA, Impl.C),
                Arguments.of(Impl.JAVA, Impl.JAVA));
    }

    // ---------------------------------------------------------------------------------------
    // TCP: tcp-server with tcp-client

    /** What a TCP server and its client printed. */
    private record TcpExchange(Outcome server, Outcome client) {
    }

    @ParameterizedTest(name = "{0} server, {1} client")
    @MethodSource("pairings")
    void tcp_serverAndClient_bothPrintWhatTheCProgramsPrint(Impl server, Impl client) throws Exception {
        for (String line : LINES) {
            TcpExchange expected = tcpExchange(Impl.C, Impl.C, line);

            assertThat(tcpExchange(server, client, line)).as(line).isEqualTo(expected);
        }
    }

    /**
     * tcp-server on a free port, and tcp-client sending {@code line}. The client's PORT is
     * given as {@code " +N junk"} with N the port plus 65536: C's {@code atoi()} and
     * {@code htons()} make the port of that, and so must the Java client.
     */
    private TcpExchange tcpExchange(Impl serverImpl, Impl clientImpl, String line) throws Exception {
        int port = freeTcpPort();
        Run server = programs.start(LecturePrograms.program(serverImpl, "tcp-server"), null, String.valueOf(port));
        Outcome client = programs.runTcpClientUntilAccepted(LecturePrograms.program(clientImpl, "tcp-client"), line,
                LOOPBACK, " +" + (port + 65536) + " junk");
        return new TcpExchange(server.await(), client);
    }

    // ---------------------------------------------------------------------------------------
    // UDP: udp-server with udp-client, and two udp-servers with udp-connect

    /** What a UDP server and its client printed, with ports replaced by their roles. */
    private record UdpExchange(Outcome server, Outcome client) {
    }

    @ParameterizedTest(name = "{0} server, {1} client")
    @MethodSource("pairings")
    void udpClient_withUdpServer_bothPrintWhatTheCProgramsPrint(Impl server, Impl client) throws Exception {
        UdpExchange expected = udpExchange(Impl.C, Impl.C);

        UdpExchange actual = udpExchange(server, client);

        assertThat(actual).isEqualTo(expected);
        assertThat(actual.client()).isEqualTo(new Outcome(0, "Reply from 127.0.0.1:SERVER: ACK: hello world\n", ""));
    }

    private UdpExchange udpExchange(Impl serverImpl, Impl clientImpl) throws Exception {
        int port = freeUdpPort();
        Run server = programs.start(LecturePrograms.program(serverImpl, "udp-server"), null, String.valueOf(port), "2");
        int probe = awaitUdpServer(port);

        Outcome client = programs.run(LecturePrograms.program(clientImpl, "udp-client"), null,
                LOOPBACK, String.valueOf(port), "hello world");

        return new UdpExchange(roles(server.await(), probe), client.replace(":" + port + ":", ":SERVER:"));
    }

    /** What two UDP servers and the one udp-connect client printed, ports replaced by roles. */
    private record UdpConnectExchange(Outcome server1, Outcome server2, Outcome client) {
    }

    @ParameterizedTest(name = "{0} servers, {1} client")
    @MethodSource("pairings")
    void udpConnect_withTwoUdpServers_allPrintWhatTheCProgramsPrint(Impl servers, Impl client) throws Exception {
        UdpConnectExchange expected = udpConnectExchange(Impl.C, Impl.C);

        UdpConnectExchange actual = udpConnectExchange(servers, client);

        assertThat(actual).isEqualTo(expected);
        assertThat(actual.client()).isEqualTo(new Outcome(0,
                "Reply from 127.0.0.1:PORT1: ACK: hi there\nReply from 127.0.0.1:PORT2: ACK: hi there\n", ""));
    }

    /** Both servers must see the client's one socket: the same port, as a reconnected C socket keeps it. */
    private UdpConnectExchange udpConnectExchange(Impl serversImpl, Impl clientImpl) throws Exception {
        Program udpServer = LecturePrograms.program(serversImpl, "udp-server");
        int port1 = freeUdpPort();
        int port2 = freeUdpPort();
        Run server1 = programs.start(udpServer, null, String.valueOf(port1), "2");
        Run server2 = programs.start(udpServer, null, String.valueOf(port2), "2");
        int probe1 = awaitUdpServer(port1);
        int probe2 = awaitUdpServer(port2);

        Outcome client = programs.run(LecturePrograms.program(clientImpl, "udp-connect"), null,
                LOOPBACK, String.valueOf(port1), String.valueOf(port2), "hi there");

        Outcome served1 = server1.await();
        Outcome served2 = server2.await();
        assertThat(lastSenderPort(served2)).as("the client's port at the second server").isEqualTo(lastSenderPort(served1));
        return new UdpConnectExchange(roles(served1, probe1), roles(served2, probe2),
                client.replace(":" + port1 + ":", ":PORT1:").replace(":" + port2 + ":", ":PORT2:"));
    }

    @ParameterizedTest(name = "{0} server, {1} client")
    @MethodSource("pairings")
    void udpConnect_secondPortClosed_readsConnectionRefusedAsCDoes(Impl server, Impl client) throws Exception {
        UdpExchange expected = udpConnectRefused(Impl.C, Impl.C);

        UdpExchange actual = udpConnectRefused(server, client);

        assertThat(actual).isEqualTo(expected);
        assertThat(actual.client()).isEqualTo(new Outcome(1,
                "Reply from 127.0.0.1:PORT1: ACK: hi\n", "ERROR reading from socket: Connection refused\n"));
    }

    private UdpExchange udpConnectRefused(Impl serverImpl, Impl clientImpl) throws Exception {
        int port1 = freeUdpPort();
        int closed = freeUdpPort();
        Run server = programs.start(LecturePrograms.program(serverImpl, "udp-server"), null, String.valueOf(port1), "2");
        int probe = awaitUdpServer(port1);

        Outcome client = programs.run(LecturePrograms.program(clientImpl, "udp-connect"), null,
                LOOPBACK, String.valueOf(port1), String.valueOf(closed), "hi");

        return new UdpExchange(roles(server.await(), probe), client.replace(":" + port1 + ":", ":PORT1:"));
    }

    /**
     * No reply: udp-client sending to a closed port (an unconnected socket hears no ICMP
     * error) and udp-connect to a port whose socket never answers. The four programs run at
     * once, so the 3 s they each wait are spent once.
     */
    @Test
    void noReply_bothImplementations_printNoReplyAfterThreeSecondsAndExitOne() throws Exception {
        int closed = freeUdpPort();
        try (DatagramChannel silent = DatagramChannel.open(StandardProtocolFamily.INET)) {
            silent.bind(anyPort());
            String silentPort = String.valueOf(((InetSocketAddress) silent.getLocalAddress()).getPort());
            long start = System.nanoTime();

            List<Run> runs = List.of(
                    programs.start(LecturePrograms.program(Impl.C, "udp-client"), null, LOOPBACK, String.valueOf(closed), "hello"),
                    programs.start(LecturePrograms.program(Impl.JAVA, "udp-client"), null, LOOPBACK, String.valueOf(closed), "hello"),
                    programs.start(LecturePrograms.program(Impl.C, "udp-connect"), null, LOOPBACK, silentPort, silentPort, "hi"),
                    programs.start(LecturePrograms.program(Impl.JAVA, "udp-connect"), null, LOOPBACK, silentPort, silentPort, "hi"));

            for (Run run : runs) {
                assertThat(run.await()).isEqualTo(new Outcome(1, "", "ERROR, no reply within 3 s\n"));
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(2900));
        }
    }

    // ---------------------------------------------------------------------------------------
    // Error paths

    /**
     * An error path of each program: no port, a usage error, a port in use, a refused
     * connection, a host that does not exist. {@code TCP_IN_USE}, {@code UDP_IN_USE} and
     * {@code TCP_CLOSED} stand for ports the test holds or knows to be closed.
     * {@code nosuchhost.invalid} cannot exist (RFC 2606); the lookup is bounded by
     * {@link LecturePrograms#EXIT_WITHIN}, should a resolver be slow to say so.
     */
    static Stream<Arguments> errorPaths() {
        return Stream.of(
                Arguments.of("tcp-server", List.of()),
                Arguments.of("tcp-server", List.of("TCP_IN_USE")),
                Arguments.of("tcp-client", List.of(LOOPBACK)),
                Arguments.of("tcp-client", List.of(LOOPBACK, "TCP_CLOSED")),
                Arguments.of("tcp-client", List.of("nosuchhost.invalid", "9")),
                Arguments.of("tcp-client", List.of("", "9")),
                Arguments.of("udp-server", List.of()),
                Arguments.of("udp-server", List.of("UDP_IN_USE")),
                Arguments.of("udp-client", List.of(LOOPBACK, "-9", "m")),
                Arguments.of("udp-client", List.of("nosuchhost.invalid", "9", "m")),
                Arguments.of("udp-connect", List.of(LOOPBACK, "9", "9")),
                Arguments.of("udp-connect", List.of("nosuchhost.invalid", "9", "9", "m")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("errorPaths")
    void errorPath_java_printsWhatCPrints(String name, List<String> template) throws Exception {
        try (ServerSocketChannel tcpHolder = ServerSocketChannel.open(StandardProtocolFamily.INET);
                DatagramChannel udpHolder = DatagramChannel.open(StandardProtocolFamily.INET)) {
            tcpHolder.bind(anyPort());
            udpHolder.bind(anyPort());
            String tcpInUse = port(tcpHolder.getLocalAddress());
            String udpInUse = port(udpHolder.getLocalAddress());
            String tcpClosed = String.valueOf(freeTcpPort());
            String[] args = template.stream()
                    .map(arg -> arg.replace("TCP_IN_USE", tcpInUse).replace("UDP_IN_USE", udpInUse).replace("TCP_CLOSED", tcpClosed))
                    .toArray(String[]::new);
            Program c = LecturePrograms.program(Impl.C, name);
            Program java = LecturePrograms.program(Impl.JAVA, name);

            Run cRun = programs.start(c, "hello\n", args);
            Run javaRun = programs.start(java, "hello\n", args);
            Outcome expected = cRun.await().replace(c.argv0(), "PROGRAM");

            assertThat(javaRun.await().replace(java.argv0(), "PROGRAM")).isEqualTo(expected);
            assertThat(expected.stderr()).as("an error path").isNotEmpty();
        }
    }

    /**
     * Every usage error of the C programs' table ({@link LectureCProgramsTest#udpUsageErrors}),
     * the Java program called in this JVM, as {@code sockit example} calls it: the argument
     * checks are plain code, and a process each would cost seconds for nothing more.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.sockit.cli.LectureCProgramsTest#udpUsageErrors")
    void usageError_javaInThisJvm_printsWhatCPrints(String name, List<String> args, String usage) throws Exception {
        Program c = LecturePrograms.program(Impl.C, name);
        ExampleCommand.Example java = ExampleCommand.EXAMPLES.stream()
                .filter(example -> example.name().equals(name))
                .findFirst()
                .orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = java.program().run(args.toArray(String[]::new), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.ISO_8859_1), new PrintStream(err, true, StandardCharsets.ISO_8859_1));

        Outcome expected = programs.run(c, null, args.toArray(String[]::new)).replace(c.argv0(), "sockit example " + name);
        assertThat(new Outcome(status, out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.ISO_8859_1)))
                .isEqualTo(expected)
                .isEqualTo(new Outcome(1, "", "usage sockit example " + name + " " + usage + "\n"));
    }

    // ---------------------------------------------------------------------------------------

    private static String port(java.net.SocketAddress address) {
        return String.valueOf(((InetSocketAddress) address).getPort());
    }

    private static final Pattern SENDER = Pattern.compile("from 127\\.0\\.0\\.1:([1-9][0-9]*): ");

    /** A UDP server's outcome with the probe's port as {@code PROBE} and any other sender's as {@code CLIENT}. */
    private static Outcome roles(Outcome served, int probe) {
        Outcome probed = served.replace("from 127.0.0.1:" + probe + ": ", "from 127.0.0.1:PROBE: ");
        return new Outcome(probed.status(), SENDER.matcher(probed.stdout()).replaceAll("from 127.0.0.1:CLIENT: "), probed.stderr());
    }

    /** The port of the last sender a UDP server printed. */
    private static int lastSenderPort(Outcome served) {
        Matcher sender = SENDER.matcher(served.stdout());
        int port = -1;
        while (sender.find()) {
            port = Integer.parseInt(sender.group(1));
        }
        assertThat(port).as(served.stdout()).isPositive();
        return port;
    }
}
