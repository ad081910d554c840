package dev.sockit.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sockit.testing.CProgram;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lecture's C programs ({@code src/test/c/lecture_*.c}) run against each other on
 * 127.0.0.1: the byte-exact output, error texts and exit statuses the Java versions must match.
 *
 * <p>A server is ready when a client gets through: the TCP client is run again while it is
 * refused; a UDP server is sent a probe datagram until it answers instead of ICMP port
 * unreachable, so it is started with a COUNT one above the datagrams the test itself sends.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LectureCProgramsTest {
    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration EXIT_WITHIN = Duration.ofSeconds(10);
    private static final Duration READY_WITHIN = Duration.ofSeconds(10);
    private static final String REFUSED = "ERROR connecting: Connection refused\n";
    private static final byte[] PROBE = "probe".getBytes(StandardCharsets.US_ASCII);

    private static CProgram tcpServer;
    private static CProgram tcpClient;
    private static CProgram udpServer;
    private static CProgram udpClient;
    private static CProgram udpConnect;

    @TempDir
    Path temp;

    private final List<Process> started = new ArrayList<>();

    @BeforeAll
    static void compile() throws IOException, InterruptedException {
        tcpServer = CProgram.compile("lecture_tcp_server");
        tcpClient = CProgram.compile("lecture_tcp_client");
        udpServer = CProgram.compile("lecture_udp_server");
        udpClient = CProgram.compile("lecture_udp_client");
        udpConnect = CProgram.compile("lecture_udp_connect");
    }

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void tcpClient_serverRunning_sendsLineAndPrintsReply() throws Exception {
        int port = freeTcpPort();
        Run server = start(tcpServer, null, String.valueOf(port));

        Outcome client = runTcpClientUntilAccepted(port, "hello\n");

        assertThat(client).isEqualTo(new Outcome(0, "Please enter the message: I got your message\n", ""));
        assertThat(server.await()).isEqualTo(new Outcome(0, "Here is the message: hello\n\n", ""));
    }

    @Test
    void tcpClient_portClosed_printsConnectionRefusedBeforePromptingAndExitsZero() throws Exception {
        int port = freeTcpPort();

        assertThat(run(tcpClient, "hello\n", LOOPBACK, String.valueOf(port))).isEqualTo(new Outcome(0, "", REFUSED));
    }

    @Test
    void tcpClient_noPort_printsUsageAndExitsZero() throws Exception {
        assertThat(run(tcpClient, null, LOOPBACK))
                .isEqualTo(new Outcome(0, "", "usage " + tcpClient.executable() + " hostname port\n"));
    }

    @Test
    void tcpServer_noPort_printsNoPortProvidedAndExitsOne() throws Exception {
        assertThat(run(tcpServer, null)).isEqualTo(new Outcome(1, "", "ERROR, no port provided\n"));
    }

    @Test
    void tcpServer_portInUse_printsBindingErrorAndExitsOne() throws Exception {
        try (ServerSocketChannel holder = ServerSocketChannel.open(StandardProtocolFamily.INET)) {
            holder.bind(anyPort());
            String port = String.valueOf(((InetSocketAddress) holder.getLocalAddress()).getPort());

            assertThat(run(tcpServer, null, port))
                    .isEqualTo(new Outcome(1, "", "ERROR on binding: Address already in use\n"));
        }
    }

    @Test
    void udpClient_serverCountTwo_printsReplyAndServerExitsAfterTwoDatagrams() throws Exception {
        int port = freeUdpPort();
        Run server = start(udpServer, null, String.valueOf(port), "2");
        int probePort = awaitUdpServer(port);

        Outcome client = run(udpClient, null, LOOPBACK, String.valueOf(port), "hello");

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

        Outcome client = run(udpClient, null, LOOPBACK, String.valueOf(port), "hello");

        assertThat(client).isEqualTo(new Outcome(1, "", "ERROR, no reply within 3 s\n"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(2900));
    }

    @Test
    void udpConnect_twoServers_oneSocketGetsBothReplies() throws Exception {
        int port1 = freeUdpPort();
        int port2 = freeUdpPort();
        Run server1 = start(udpServer, null, String.valueOf(port1), "2");
        Run server2 = start(udpServer, null, String.valueOf(port2), "2");
        awaitUdpServer(port1);
        awaitUdpServer(port2);

        Outcome client = run(udpConnect, null, LOOPBACK, String.valueOf(port1), String.valueOf(port2), "hi");

        assertThat(client).isEqualTo(new Outcome(0,
                "Reply from 127.0.0.1:" + port1 + ": ACK: hi\nReply from 127.0.0.1:" + port2 + ": ACK: hi\n", ""));
        int clientPort = secondSenderPort(server1.await(), "hi");
        assertThat(secondSenderPort(server2.await(), "hi")).isEqualTo(clientPort);
    }

    @Test
    void udpConnect_secondPortClosed_readsConnectionRefusedAndExitsOne() throws Exception {
        int port1 = freeUdpPort();
        int closed = freeUdpPort();
        Run server = start(udpServer, null, String.valueOf(port1), "2");
        awaitUdpServer(port1);

        Outcome client = run(udpConnect, null, LOOPBACK, String.valueOf(port1), String.valueOf(closed), "hi");

        assertThat(client).isEqualTo(new Outcome(1,
                "Reply from 127.0.0.1:" + port1 + ": ACK: hi\n", "ERROR reading from socket: Connection refused\n"));
        secondSenderPort(server.await(), "hi");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("udpUsageErrors")
    void udpPrograms_badArguments_printUsageAndExitOne(String name, List<String> args, String usage) throws Exception {
        CProgram program = CProgram.compile(name);

        assertThat(run(program, null, args.toArray(String[]::new)))
                .isEqualTo(new Outcome(1, "", "usage " + program.executable() + " " + usage + "\n"));
    }

    static Stream<Arguments> udpUsageErrors() {
        String server = "port [count]";
        String client = "hostname port message";
        String connect = "hostname port1 port2 message";
        return Stream.of(
                Arguments.of("lecture_udp_server", List.of(), server),
                Arguments.of("lecture_udp_server", List.of("0"), server),
                Arguments.of("lecture_udp_server", List.of("65536"), server),
                Arguments.of("lecture_udp_server", List.of("+9"), server),
                Arguments.of("lecture_udp_server", List.of("9x"), server),
                Arguments.of("lecture_udp_server", List.of("9", "0"), server),
                Arguments.of("lecture_udp_server", List.of("9", "2147483648"), server),
                Arguments.of("lecture_udp_server", List.of("9", "1", "1"), server),
                Arguments.of("lecture_udp_client", List.of(LOOPBACK, "9"), client),
                Arguments.of("lecture_udp_client", List.of(LOOPBACK, "-9", "m"), client),
                Arguments.of("lecture_udp_client", List.of(LOOPBACK, "9", "m", "m"), client),
                Arguments.of("lecture_udp_connect", List.of(LOOPBACK, "9", "9"), connect),
                Arguments.of("lecture_udp_connect", List.of(LOOPBACK, "9", "", "m"), connect),
                Arguments.of("lecture_udp_connect", List.of(LOOPBACK, "70000", "9", "m"), connect));
    }

    /** The exit status and the complete stdout and stderr of a finished program. */
    private record Outcome(int status, String stdout, String stderr) {}

    /** A started program whose stdout and stderr are read to their end as it runs. */
    private record Run(Process process, FutureTask<String> stdout, FutureTask<String> stderr) {
        Outcome await() throws InterruptedException, ExecutionException, TimeoutException {
            if (!process.waitFor(EXIT_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new TimeoutException(process.info().commandLine().orElse("program") + " ran over " + EXIT_WITHIN);
            }
            return new Outcome(process.exitValue(),
                    stdout.get(EXIT_WITHIN.toMillis(), TimeUnit.MILLISECONDS),
                    stderr.get(EXIT_WITHIN.toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    /** Starts {@code program}; its stdin is {@code input}, or empty if null. */
    private Run start(CProgram program, String input, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(program.executable().toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        if (input != null) {
            builder.redirectInput(Files.writeString(Files.createTempFile(temp, "stdin", ".txt"), input, StandardCharsets.ISO_8859_1).toFile());
        }
        Process process = builder.start();
        started.add(process);
        if (input == null) {
            process.getOutputStream().close();
        }
        return new Run(process, drain(process.getInputStream()), drain(process.getErrorStream()));
    }

    private Outcome run(CProgram program, String input, String... args) throws Exception {
        return start(program, input, args).await();
    }

    private static FutureTask<String> drain(InputStream stream) {
        FutureTask<String> text = new FutureTask<>(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Thread.ofVirtual().start(text);
        return text;
    }

    /** Runs the TCP client until the server on {@code port} accepts it, or {@link #READY_WITHIN} is over. */
    private Outcome runTcpClientUntilAccepted(int port, String input) throws Exception {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        Outcome outcome = run(tcpClient, input, LOOPBACK, String.valueOf(port));
        while (outcome.equals(new Outcome(0, "", REFUSED)) && System.nanoTime() - deadline < 0) {
            outcome = run(tcpClient, input, LOOPBACK, String.valueOf(port));
        }
        return outcome;
    }

    /**
     * Sends "probe" from a connected UDP socket until the server on {@code port} answers
     * "ACK: probe" instead of ICMP port unreachable, or {@link #READY_WITHIN} is over.
     *
     * @return the probe's port, which the server prints as the sender's
     */
    private static int awaitUdpServer(int port) throws IOException {
        InetAddress loopback = InetAddress.getByName(LOOPBACK);
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
            probe.connect(loopback, port);
            probe.setSoTimeout((int) READY_WITHIN.toMillis());
            long deadline = System.nanoTime() + READY_WITHIN.toNanos();
            while (true) {
                DatagramPacket reply = new DatagramPacket(new byte[64], 64);
                try {
                    probe.send(new DatagramPacket(PROBE, PROBE.length));
                    probe.receive(reply);
                } catch (PortUnreachableException notYetBound) {
                    if (System.nanoTime() - deadline >= 0) {
                        throw notYetBound;
                    }
                    continue;
                }
                assertThat(new String(reply.getData(), 0, reply.getLength(), StandardCharsets.ISO_8859_1)).isEqualTo("ACK: probe");
                return probe.getLocalPort();
            }
        }
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

    /** 0.0.0.0:0, which the lecture's servers bind too ({@code INADDR_ANY}). */
    private static InetSocketAddress anyPort() throws IOException {
        return new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0);
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.INET)) {
            return ((InetSocketAddress) channel.bind(anyPort()).getLocalAddress()).getPort();
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET)) {
            return ((InetSocketAddress) channel.bind(anyPort()).getLocalAddress()).getPort();
        }
    }
}
