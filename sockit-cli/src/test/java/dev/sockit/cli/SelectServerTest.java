package dev.sockit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code sockit example select-server} and {@code poll-server}, each test run on both: one
 * process, several clients (JDK sockets) interleaving on IPv4 loopback, every echo exact, a
 * client leaving mid-way without disturbing the others. Bounded: every read has a timeout, the
 * server a COUNT, the process {@link LecturePrograms#EXIT_WITHIN}; no sleeps.
 */
class SelectServerTest {
    private static final Pattern ECHOED = Pattern.compile("Echoed (\\d+) bytes to 127\\.0\\.0\\.1:(\\d+)");
    private static final int READ_TIMEOUT_MILLIS = (int) LecturePrograms.READY_WITHIN.toMillis();

    private final List<Process> started = new ArrayList<>();
    private final List<Socket> clients = new ArrayList<>();

    /** How the client that leaves mid-way leaves. */
    enum Leaving {
        CLOSE, RESET
    }

    @AfterEach
    void killLeftovers() throws IOException {
        for (Socket client : clients) {
            client.close();
        }
        started.forEach(Process::destroyForcibly);
    }

    /** A client of {@code server}, closed after the test if the test has not closed it. */
    private Socket connect(Server server) throws IOException {
        Socket client = server.connect();
        clients.add(client);
        return client;
    }

    static Stream<Arguments> serversAndLeavings() {
        return Stream.of("select-server", "poll-server")
                .flatMap(server -> Stream.of(Leaving.values()).map(leaving -> Arguments.of(server, leaving)));
    }

    @ParameterizedTest(name = "{0}, a client leaves by {1}")
    @MethodSource("serversAndLeavings")
    void interleavedClients_eachGetsItsBytesBack_andOneLeavingDisturbsNoOne(String name, Leaving leaving) throws Exception {
        Server server = Server.start(started, name, 3);
        Socket one = connect(server);
        Socket two = connect(server);
        server.expect("New connection from 127.0.0.1:" + one.getLocalPort());
        server.expect("New connection from 127.0.0.1:" + two.getLocalPort());

        assertEcho(one, "one: hello\n");
        assertEcho(two, "two: hello\n");
        Socket three = connect(server);
        server.expect("New connection from 127.0.0.1:" + three.getLocalPort());
        assertEcho(three, allByteValues());
        assertEcho(one, "one: a line ");
        assertEcho(one, "in two pieces\n");

        assertThatThrownBy(() -> connect(server)).as("COUNT is 3: the listener is closed")
                .isInstanceOf(ConnectException.class);

        String left = "Connection from 127.0.0.1:" + two.getLocalPort()
                + (leaving == Leaving.CLOSE ? " closed" : " lost: Connection reset by peer");
        if (leaving == Leaving.RESET) {
            two.setSoLinger(true, 0);
        }
        two.close();
        server.expect(left);

        assertEcho(three, "three: still here\n");
        assertEcho(one, "one: still here\n");
        three.close();
        one.close();
        Server.Ended ended = server.awaitEnd();

        assertThat(ended.status()).isZero();
        assertThat(ended.stderr()).isEmpty();
        assertThat(ended.lines()).as("whoever closes first, each is reported once")
                .filteredOn(line -> line.startsWith("Connection from ")).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"select-server", "poll-server"})
    void concurrentClients_manyRoundTripsEach_allExact(String name) throws Exception {
        int clients = 3;
        int roundTrips = 50;
        Server server = Server.start(started, name, clients);
        Map<Integer, Integer> sent = new HashMap<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Map.Entry<Integer, Integer>>> runs = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int id = c;
                runs.add(pool.submit(() -> {
                    try (Socket client = server.connect()) {
                        int bytes = 0;
                        for (int i = 0; i < roundTrips; i++) {
                            String message = "client " + id + " message " + i + "\n";
                            assertEcho(client, message);
                            bytes += message.length();
                        }
                        return Map.entry(client.getLocalPort(), bytes);
                    }
                }));
            }
            for (Future<Map.Entry<Integer, Integer>> run : runs) {
                Map.Entry<Integer, Integer> result = run.get(LecturePrograms.EXIT_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
                sent.put(result.getKey(), result.getValue());
            }
        }
        Server.Ended ended = server.awaitEnd();

        assertThat(ended.status()).isZero();
        assertThat(ended.stderr()).isEmpty();
        assertThat(ended.echoedPerPort()).as("bytes echoed to each client port").isEqualTo(sent);
        assertThat(ended.lines()).filteredOn(line -> line.startsWith("New connection from ")).hasSize(clients);
    }

    @ParameterizedTest
    @ValueSource(strings = {"select-server", "poll-server"})
    void portInUse_failsAsPerrorSays(String name) throws Exception {
        try (ServerSocketChannel taken = ServerSocketChannel.open(StandardProtocolFamily.INET)) {
            int port = ((InetSocketAddress) taken.bind(LecturePrograms.anyPort()).getLocalAddress()).getPort();

            SockitProcess.Result result = SockitProcess.run("example", name, String.valueOf(port), "1");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stdout()).isEmpty();
            assertThat(result.stderr()).isEqualTo("ERROR on binding: Address already in use\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"select-server", "poll-server"})
    void badArguments_printTheUsageAndExitOne(String name) throws Exception {
        for (List<String> args : List.of(List.<String>of(), List.of("0"), List.of("65536"), List.of("+80"),
                List.of("5000", "0"), List.of("5000", "x"), List.of("5000", "1", "2"))) {
            List<String> command = new ArrayList<>(List.of("example", name));
            command.addAll(args);

            SockitProcess.Result result = SockitProcess.run(command.toArray(String[]::new));

            assertThat(result.exitCode()).as("%s", args).isEqualTo(1);
            assertThat(result.stderr()).as("%s", args).isEqualTo("usage sockit example " + name + " port [count]\n");
        }
    }

    private static void assertEcho(Socket client, String message) throws IOException {
        assertEcho(client, message.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void assertEcho(Socket client, byte[] message) throws IOException {
        client.getOutputStream().write(message);
        byte[] echo = client.getInputStream().readNBytes(message.length);
        assertThat(echo).as("the echo of %d bytes", message.length).isEqualTo(message);
    }

    private static byte[] allByteValues() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    /** A server process on a free port, and its stdout lines as they come. */
    private record Server(Process process, int port, BlockingQueue<String> lines, List<String> seen,
            Future<?> reader, Future<String> stderr) {
        /** Everything a finished server printed. */
        record Ended(int status, List<String> lines, String stderr) {
            Map<Integer, Integer> echoedPerPort() {
                Map<Integer, Integer> echoed = new HashMap<>();
                for (String line : lines) {
                    Matcher matcher = ECHOED.matcher(line);
                    if (matcher.matches()) {
                        echoed.merge(Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(1)), Integer::sum);
                    }
                }
                return echoed;
            }
        }

        /** Starts {@code sockit example NAME PORT COUNT} and waits for its "Listening on" line. */
        static Server start(List<Process> started, String name, int count) throws Exception {
            int port = LecturePrograms.freeTcpPort();
            Process process = new ProcessBuilder(SockitProcess.command("example", name, String.valueOf(port),
                    String.valueOf(count))).start();
            started.add(process);
            process.getOutputStream().close();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
            Future<?> reader = readers.submit(() -> {
                try (BufferedReader stdout = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.ISO_8859_1))) {
                    stdout.lines().forEach(lines::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Future<String> stderr = readers.submit(
                    () -> new String(process.getErrorStream().readAllBytes(), StandardCharsets.ISO_8859_1));
            readers.shutdown();
            Server server = new Server(process, port, lines, new ArrayList<>(), reader, stderr);
            server.expect("Listening on 0.0.0.0:" + port);
            return server;
        }

        Socket connect() throws IOException {
            Socket client = new Socket("127.0.0.1", port);
            client.setSoTimeout(READ_TIMEOUT_MILLIS);
            return client;
        }

        /** Waits for the next line that is not an "Echoed" one; it must be {@code expected}. */
        void expect(String expected) throws InterruptedException {
            String line;
            do {
                line = lines.poll(LecturePrograms.READY_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
                assertThat(line).as("a line from the server within %s, expected: %s", LecturePrograms.READY_WITHIN, expected)
                        .isNotNull();
                seen.add(line);
            } while (line.startsWith("Echoed "));
            assertThat(line).isEqualTo(expected);
        }

        Ended awaitEnd() throws Exception {
            if (!process.waitFor(LecturePrograms.EXIT_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the server ran over " + LecturePrograms.EXIT_WITHIN + " after its last client");
            }
            reader.get(LecturePrograms.EXIT_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
            String errors = stderr.get(LecturePrograms.EXIT_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
            List<String> all = new ArrayList<>(seen);
            lines.drainTo(all);
            return new Ended(process.exitValue(), all, errors);
        }
    }
}
