package dev.sockit.net;

import static dev.sockit.net.Poll.POLLIN;
import static dev.sockit.net.Poll.POLLOUT;
import static dev.sockit.net.Poll.POLLPRI;
import static dev.sockit.net.Poll.POLLRDBAND;
import static dev.sockit.net.Poll.POLLRDHUP;
import static dev.sockit.net.Poll.POLLRDNORM;
import static dev.sockit.net.Poll.POLLWRBAND;
import static dev.sockit.net.Poll.POLLWRNORM;
import static dev.sockit.net.SocketFixtures.PATIENCE;
import static dev.sockit.net.SocketFixtures.closedPort;
import static dev.sockit.net.SocketFixtures.loopback;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sockit.addr.AddressFamily;
import dev.sockit.addr.SockAddr;
import dev.sockit.addr.SocketType;
import dev.sockit.net.SocketFixtures.Mode;
import dev.sockit.net.SocketFixtures.Pair;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * sockit's select and poll against CPython's on this machine: {@code src/test/python/select_oracle.py}
 * runs each scenario with Python's {@code select} module on real sockets (one process for all)
 * and prints what Linux reported; each scenario here does the same with sockit and must print
 * the same, with the sockets under test in blocking and in non-blocking mode, and with each
 * {@link Readiness.Source}.
 *
 * <p>Outcomes: a {@code revents} mask as names ({@code -} when poll reports nothing for the
 * socket), select's lists as {@code r=a,b w=c x=}, an errno name, or several joined by
 * {@code ;}. Each scenario waits until the event it is about has arrived, then measures with
 * timeout 0.
 *
 * <p>{@link #PROBE_DIFFERS} lists the scenarios where sockit without the kernel's {@code poll}
 * knowingly reports otherwise (see {@link Poll}), with what it reports: those are asserted too.
 */
class SelectOracleTest {
    private static final int EVERY = POLLIN | POLLPRI | POLLOUT | POLLRDNORM | POLLRDBAND | POLLWRNORM | POLLWRBAND
            | POLLRDHUP;
    private static final int DEFAULT = Poll.DEFAULT_EVENTS;
    private static final byte[] DATA = "data".getBytes(StandardCharsets.US_ASCII);

    /** What the probing source reports where it cannot see what the kernel sees. */
    private static final Map<String, String> PROBE_DIFFERS = probeDiffers();

    private static Map<String, String> python;

    @BeforeAll
    static void runPython() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("python3", "src/test/python/select_oracle.py")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        python = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            int space = line.indexOf(' ');
            python.put(line.substring(0, space), line.substring(space + 1));
        }
    }

    @TestFactory
    Stream<DynamicTest> eachScenario_sockitReportsWhatLinuxReports() {
        Map<String, Scenario> sockit = scenarios();
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, String> expected : python.entrySet()) {
            for (Readiness.Source source : Readiness.Source.values()) {
                for (Mode mode : List.of(Mode.BLOCKING, Mode.NON_BLOCKING)) {
                    String name = expected.getKey();
                    String want = source == Readiness.Source.PROBE
                            ? PROBE_DIFFERS.getOrDefault(name, expected.getValue())
                            : expected.getValue();
                    tests.add(DynamicTest.dynamicTest(name + " [" + source + ", " + mode + "]", () -> {
                        Scenario scenario = sockit.get(name);
                        assertThat(scenario).as("a sockit scenario named %s", name).isNotNull();
                        try (Run run = new Run(source, mode)) {
                            assertThat(scenario.run(run)).as(name).isEqualTo(want);
                        }
                    }));
                }
            }
        }
        return tests.stream();
    }

    @Test
    void everySockitScenario_hasAPythonTwin() {
        assertThat(python.keySet()).containsExactlyInAnyOrderElementsOf(scenarios().keySet());
        assertThat(python.keySet()).containsAll(PROBE_DIFFERS.keySet());
    }

    @FunctionalInterface
    private interface Scenario {
        String run(Run run) throws Exception;
    }

    /**
     * One run of a scenario: the source under test, the mode its sockets are put in, and the
     * sockets to close afterwards.
     */
    private static final class Run implements AutoCloseable {
        final Readiness.Source source;
        final Mode mode;
        private final List<Closeable> open = new ArrayList<>();

        Run(Readiness.Source source, Mode mode) {
            this.source = source;
            this.mode = mode;
        }

        /** A socket under test: put in the run's mode. */
        Socket mine(Socket socket) {
            open.add(socket);
            mode.apply(socket);
            return socket;
        }

        /** A socket that only helps, left in blocking mode. */
        Socket peer(Socket socket) {
            open.add(socket);
            return socket;
        }

        Socket tcp(AddressFamily family) throws IOException {
            return mine(Socket.socket(family, SocketType.SOCK_STREAM));
        }

        Socket udp(AddressFamily family) throws IOException {
            Socket socket = mine(Socket.socket(family, SocketType.SOCK_DGRAM));
            socket.bind(loopback(family));
            return socket;
        }

        Socket listener(AddressFamily family) throws IOException {
            Socket listener = tcp(family);
            listener.bind(loopback(family));
            listener.listen(1);
            return listener;
        }

        Pair pair(AddressFamily family) throws IOException {
            Pair pair = SocketFixtures.connectedPair(family);
            mine(pair.client());
            peer(pair.server());
            return pair;
        }

        Poll poll() {
            return new Poll(source);
        }

        /**
         * Waits until {@code socket} has one of {@code events}, for up to {@link SocketFixtures#PATIENCE},
         * as the kernel sees it (the probing source cannot see end of stream behind data).
         */
        void settle(Socket socket, int events) throws IOException {
            Poll poll = new Poll(Readiness.Source.KERNEL);
            poll.register(socket, events);
            poll.poll(PATIENCE);
        }

        /** Polls until {@code socket} reports one of {@code bits}, which no event wakes a wait for on its own. */
        void settleUntil(Socket socket, int bits) throws IOException {
            Poll poll = new Poll(Readiness.Source.KERNEL);
            poll.register(socket, EVERY);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline
                    && poll.poll(Duration.ZERO).stream().noneMatch(event -> (event.revents() & bits) != 0)) {
                Thread.yield();
            }
        }

        String revents(Socket socket, int events) throws IOException {
            Poll poll = poll();
            poll.register(socket, events);
            List<PollEvent> found = poll.poll(Duration.ZERO);
            return found.isEmpty() ? "-" : Poll.names(found.get(0).revents());
        }

        String revents(Socket socket) throws IOException {
            return revents(socket, EVERY);
        }

        String selected(Map<String, Socket> labels, List<Socket> read, List<Socket> write, List<Socket> except)
                throws IOException {
            Selected selected = Select.select(read, write, except, Readiness.deadline(Duration.ZERO), source);
            return "r=" + names(labels, selected.read()) + " w=" + names(labels, selected.write()) + " x="
                    + names(labels, selected.except());
        }

        Socket withDatagram(AddressFamily family) throws IOException {
            Socket socket = udp(family);
            peer(Socket.socket(family, SocketType.SOCK_DGRAM)).sendto(DATA, 0, socket.getsockname());
            settle(socket, POLLIN);
            return socket;
        }

        Pair withData(AddressFamily family) throws IOException {
            Pair pair = pair(family);
            pair.server().sendall(DATA, 0);
            settle(pair.client(), POLLIN);
            return pair;
        }

        Pair atEof(AddressFamily family) throws IOException {
            Pair pair = pair(family);
            pair.server().shutdown(Socket.SHUT_WR);
            settle(pair.client(), POLLIN);
            return pair;
        }

        Socket pendingListener(AddressFamily family) throws IOException {
            Socket listener = listener(family);
            peer(Socket.socket(family, SocketType.SOCK_STREAM)).connect(listener.getsockname());
            settle(listener, POLLIN);
            return listener;
        }

        Socket connecting(AddressFamily family, SockAddr address) throws IOException {
            Socket socket = mine(Socket.socket(family, SocketType.SOCK_STREAM));
            socket.setblocking(false);
            socket.connectEx(address);
            mode.apply(socket);
            settle(socket, POLLOUT);
            return socket;
        }

        Socket reset(AddressFamily family) throws IOException {
            Socket client = mine(SocketFixtures.withResetConnection(family).client());
            settle(client, POLLIN);
            return client;
        }

        Socket hungUp(AddressFamily family) throws IOException {
            Pair pair = pair(family);
            pair.client().shutdown(Socket.SHUT_WR);
            pair.server().recv(10, 0);
            pair.server().close();
            settle(pair.client(), POLLIN | POLLRDHUP);
            return pair.client();
        }

        /** A connection whose peer, a JDK socket (sockit cannot send {@code MSG_OOB}), sent urgent data, then a byte. */
        Socket urgent(AddressFamily family) throws IOException {
            Socket listener = peer(Socket.createServer(loopback(family), 1, false, false));
            java.net.Socket peer = new java.net.Socket();
            open.add(peer);
            peer.connect(SockAddrs.toJdk(listener.getsockname()));
            Socket accepted = mine(listener.accept().socket());
            peer.sendUrgentData('!');
            OutputStream out = peer.getOutputStream();
            out.write('x');
            out.flush();
            settle(accepted, POLLIN);
            return accepted;
        }

        @Override
        public void close() throws IOException {
            for (Closeable resource : open) {
                resource.close();
            }
        }
    }

    private static String names(Map<String, Socket> labels, List<Socket> sockets) {
        return sockets.stream()
                .map(socket -> labels.entrySet().stream()
                        .filter(label -> label.getValue() == socket)
                        .findFirst().orElseThrow().getKey())
                .collect(Collectors.joining(","));
    }

    private static String outcome(SocketFixtures.Call<?> call) {
        try {
            Object result = call.call();
            return result instanceof byte[] bytes ? (bytes.length == 0 ? "EOF" : "DATA") : "OK";
        } catch (IOException e) {
            return ((SocketError) e).errno().name();
        }
    }

    private static String soError(Socket socket) throws IOException {
        int number = socket.getsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_ERROR);
        return number == 0 ? "0" : Errno.of(number).orElseThrow().name();
    }

    private static String join(String... parts) {
        return String.join(";", parts);
    }

    // ---------------------------------------------------------------------------------------

    private static Map<String, Scenario> scenarios() {
        Map<String, Scenario> cases = new LinkedHashMap<>();
        for (AddressFamily family : List.of(AddressFamily.AF_INET, AddressFamily.AF_INET6)) {
            String suffix = family == AddressFamily.AF_INET ? "_inet" : "_inet6";
            familyCases(family).forEach((name, scenario) -> cases.put(name + suffix, scenario));
        }
        cases.putAll(unixCases());
        cases.putAll(apiCases());
        return cases;
    }

    private static Map<String, Scenario> familyCases(AddressFamily f) {
        Map<String, Scenario> cases = new LinkedHashMap<>();
        cases.put("poll_listener_pending", run -> {
            Socket listener = run.pendingListener(f);
            return join(run.revents(listener), run.revents(listener, DEFAULT));
        });
        cases.put("poll_listener_idle", run -> run.revents(run.listener(f)));
        cases.put("poll_fresh_tcp", run -> join(run.revents(run.tcp(f)), run.revents(run.tcp(f), DEFAULT)));
        cases.put("poll_connected_idle", run -> {
            Socket c = run.pair(f).client();
            return join(run.revents(c), run.revents(c, POLLIN), run.revents(c, POLLOUT));
        });
        cases.put("poll_data", run -> {
            Socket c = run.withData(f).client();
            return join(run.revents(c), run.revents(c, DEFAULT), run.revents(c, POLLIN));
        });
        cases.put("poll_data_after_peek", run -> {
            Socket c = run.withData(f).client();
            c.recv(1, Socket.MSG_PEEK);
            return join(run.revents(c), outcome(() -> c.recv(DATA.length, Socket.MSG_WAITALL)), run.revents(c));
        });
        cases.put("poll_eof", run -> {
            Socket c = run.atEof(f).client();
            return join(run.revents(c), run.revents(c, DEFAULT), outcome(() -> c.recv(10, 0)));
        });
        cases.put("poll_eof_after_data", run -> {
            Pair pair = run.pair(f);
            pair.server().sendall("last".getBytes(StandardCharsets.US_ASCII), 0);
            pair.server().shutdown(Socket.SHUT_WR);
            Socket c = pair.client();
            run.settle(c, POLLRDHUP);
            return join(run.revents(c), outcome(() -> c.recv(10, 0)), run.revents(c), outcome(() -> c.recv(10, 0)));
        });
        cases.put("poll_reset", run -> {
            Socket c = run.reset(f);
            return join(run.revents(c), run.revents(c), outcome(() -> c.recv(10, 0)), run.revents(c),
                    outcome(() -> c.recv(10, 0)));
        });
        cases.put("poll_reset_so_error", run -> {
            Socket c = run.reset(f);
            return join(run.revents(c), soError(c), run.revents(c), outcome(() -> c.recv(10, 0)));
        });
        cases.put("poll_reset_send", run -> {
            Socket c = run.reset(f);
            return join(run.revents(c), outcome(() -> c.send(new byte[] {'x'}, 0)), outcome(() -> c.recv(10, 0)));
        });
        cases.put("poll_reset_no_events", run -> run.revents(run.reset(f), 0));
        cases.put("poll_hup", run -> run.revents(run.hungUp(f)));
        cases.put("poll_peer_closed", run -> {
            Pair pair = run.pair(f);
            Socket c = pair.client();
            pair.server().close();
            run.settle(c, POLLIN);
            String atEof = run.revents(c);
            String sent = outcome(() -> {
                c.sendall(new byte[] {'x'}, 0);
                return null;
            });
            run.settleUntil(c, Poll.POLLERR);
            return join(atEof, sent, run.revents(c), outcome(() -> c.recv(10, 0)), outcome(() -> {
                c.sendall(new byte[] {'x'}, 0);
                return null;
            }));
        });
        cases.put("poll_shutdown", run -> {
            List<String> results = new ArrayList<>();
            for (int how : new int[] {Socket.SHUT_RD, Socket.SHUT_WR, Socket.SHUT_RDWR}) {
                Socket c = run.pair(f).client();
                c.shutdown(how);
                results.add(run.revents(c));
            }
            return String.join(";", results);
        });
        cases.put("poll_closed", run -> {
            Socket c = run.pair(f).client();
            Poll poll = run.poll();
            poll.register(c, DEFAULT);
            c.close();
            return Poll.names(poll.poll(Duration.ZERO).get(0).revents());
        });
        cases.put("poll_udp", run -> {
            Socket fresh = run.mine(Socket.socket(f, SocketType.SOCK_DGRAM));
            return join(run.revents(fresh), run.revents(run.udp(f)), run.revents(run.withDatagram(f)),
                    run.revents(run.withDatagram(f), DEFAULT));
        });
        cases.put("poll_udp_shutdown", run -> {
            List<String> results = new ArrayList<>();
            for (int how : new int[] {Socket.SHUT_RD, Socket.SHUT_WR, Socket.SHUT_RDWR}) {
                Socket u = run.mine(Socket.socket(f, SocketType.SOCK_DGRAM));
                u.connect(run.udp(f).getsockname());
                u.shutdown(how);
                results.add(run.revents(u));
            }
            return String.join(";", results);
        });
        cases.put("poll_udp_refused", run -> {
            Socket u = run.mine(Socket.socket(f, SocketType.SOCK_DGRAM));
            u.connect(closedPort(f));
            u.send(new byte[] {'x'}, 0);
            Select.select(List.of(u), List.of(), List.of(), Readiness.deadline(PATIENCE), run.source);
            return join(run.revents(u), outcome(() -> u.recv(10, 0)));
        });
        cases.put("poll_mixed", run -> {
            Socket u = run.withDatagram(f);
            Socket l = run.pendingListener(f);
            Socket idle = run.pair(f).client();
            Socket c = run.withData(f).client();
            Poll poll = run.poll();
            poll.register(u);
            poll.register(l);
            poll.register(idle, POLLIN);
            poll.register(c, POLLIN | POLLOUT | POLLRDHUP);
            Map<Socket, String> label = Map.of(u, "udp", l, "listener", idle, "idle", c, "stream");
            return poll.poll(Duration.ZERO).stream()
                    .map(event -> label.get(event.socket()) + "=" + Poll.names(event.revents()))
                    .collect(Collectors.joining(" "));
        });
        cases.put("poll_connect", run -> run.revents(run.connecting(f, run.listener(f).getsockname())));
        cases.put("poll_connect_refused", run -> {
            Socket c = run.connecting(f, closedPort(f));
            return join(run.revents(c), soError(c));
        });
        cases.put("poll_urgent", run -> {
            Socket c = run.urgent(f);
            return join(run.revents(c), run.revents(c, POLLPRI));
        });
        cases.put("select_listener", run -> {
            Socket l = run.pendingListener(f);
            Socket idle = run.listener(f);
            return run.selected(Map.of("l", l, "idle", idle), List.of(l, idle), List.of(l, idle), List.of(l, idle));
        });
        cases.put("select_stream", run -> {
            Socket c = run.withData(f).client();
            Socket idle = run.pair(f).client();
            return run.selected(Map.of("c", c, "idle", idle), List.of(c, idle), List.of(c, idle), List.of(c, idle));
        });
        cases.put("select_eof", run -> {
            Socket c = run.atEof(f).client();
            return run.selected(Map.of("c", c), List.of(c), List.of(c), List.of(c));
        });
        cases.put("select_reset", run -> {
            Socket c = run.reset(f);
            return join(run.selected(Map.of("c", c), List.of(c), List.of(c), List.of(c)), outcome(() -> c.recv(10, 0)));
        });
        cases.put("select_hup", run -> {
            Socket c = run.hungUp(f);
            return run.selected(Map.of("c", c), List.of(c), List.of(c), List.of(c));
        });
        cases.put("select_fresh_tcp", run -> {
            Socket s = run.tcp(f);
            return run.selected(Map.of("s", s), List.of(s), List.of(s), List.of(s));
        });
        cases.put("select_connect", run -> {
            Socket c = run.connecting(f, run.listener(f).getsockname());
            return join(run.selected(Map.of("c", c), List.of(c), List.of(c), List.of(c)), soError(c));
        });
        cases.put("select_connect_refused", run -> {
            Socket c = run.connecting(f, closedPort(f));
            return join(run.selected(Map.of("c", c), List.of(c), List.of(c), List.of(c)), soError(c));
        });
        cases.put("select_udp", run -> {
            Socket u = run.withDatagram(f);
            Socket idle = run.udp(f);
            return run.selected(Map.of("u", u, "idle", idle), List.of(u, idle), List.of(u, idle), List.of(u, idle));
        });
        cases.put("select_urgent", run -> {
            Socket c = run.urgent(f);
            return run.selected(Map.of("c", c), List.of(), List.of(), List.of(c));
        });
        cases.put("select_mixed", run -> {
            Socket u = run.withDatagram(f);
            Socket l = run.pendingListener(f);
            Socket idle = run.pair(f).client();
            Socket c = run.withData(f).client();
            return run.selected(Map.of("u", u, "l", l, "idle", idle, "c", c), List.of(c, idle, l, u, c),
                    List.of(idle, l), List.of());
        });
        cases.put("select_closed", run -> {
            Socket c = run.pair(f).client();
            c.close();
            return outcome(() -> run.selected(Map.of(), List.of(c), List.of(), List.of()));
        });
        return cases;
    }

    private static Map<String, Scenario> unixCases() {
        Map<String, Scenario> cases = new LinkedHashMap<>();
        cases.put("poll_unix_pair", run -> {
            SocketPair pair = Socket.socketpair();
            Socket a = run.mine(pair.first());
            Socket b = run.mine(pair.second());
            String idle = run.revents(a);
            b.sendall(DATA, 0);
            run.settle(a, POLLIN);
            String data = run.revents(a);
            b.shutdown(Socket.SHUT_WR);
            a.recv(10, 0);
            String eof = run.revents(a);
            a.shutdown(Socket.SHUT_WR);
            return join(idle, data, eof, run.revents(a));
        });
        cases.put("poll_unix_peer_closed", run -> {
            SocketPair pair = Socket.socketpair();
            Socket a = run.mine(pair.first());
            pair.second().close();
            return run.revents(a);
        });
        cases.put("poll_unix_fresh", run -> run.revents(run.tcp(AddressFamily.AF_UNIX)));
        return cases;
    }

    private static Map<String, Scenario> apiCases() {
        Map<String, Scenario> cases = new LinkedHashMap<>();
        cases.put("poll_register_twice", run -> {
            Socket c = run.pair(AddressFamily.AF_INET).client();
            Poll poll = run.poll();
            poll.register(c, POLLIN);
            poll.register(c, POLLOUT);
            return poll.poll(Duration.ZERO).stream().map(event -> Poll.names(event.revents()))
                    .collect(Collectors.joining(";"));
        });
        cases.put("poll_modify", run -> {
            Socket c = run.pair(AddressFamily.AF_INET).client();
            Poll poll = run.poll();
            poll.register(c, POLLIN);
            int before = poll.poll(Duration.ZERO).size();
            poll.modify(c, POLLOUT);
            return before + ";" + poll.poll(Duration.ZERO).stream().map(event -> Poll.names(event.revents()))
                    .collect(Collectors.joining(";"));
        });
        cases.put("poll_modify_unregistered", run -> {
            Socket c = run.pair(AddressFamily.AF_INET).client();
            return outcome(() -> {
                run.poll().modify(c, POLLIN);
                return null;
            });
        });
        cases.put("poll_unregister", run -> {
            Socket c = run.pair(AddressFamily.AF_INET).client();
            Poll poll = run.poll();
            poll.register(c);
            poll.unregister(c);
            String second;
            try {
                poll.unregister(c);
                second = "OK";
            } catch (NoSuchElementException e) {
                second = "KeyError";
            }
            return poll.poll(Duration.ZERO).size() + ";" + second;
        });
        cases.put("select_nothing", run -> run.selected(Map.of(), List.of(), List.of(), List.of()));
        return cases;
    }

    private static Map<String, String> probeDiffers() {
        Map<String, String> differs = new LinkedHashMap<>();
        for (String family : Set.of("inet", "inet6")) {
            differs.put("poll_eof_after_data_" + family,
                    "POLLIN|POLLOUT|POLLRDNORM|POLLWRNORM;DATA;POLLIN|POLLOUT|POLLRDNORM|POLLWRNORM|POLLRDHUP;EOF");
            differs.put("poll_peer_closed_" + family, "POLLIN|POLLOUT|POLLRDNORM|POLLWRNORM|POLLRDHUP;OK;"
                    + "POLLIN|POLLOUT|POLLRDNORM|POLLWRNORM|POLLRDHUP;EOF;EPIPE");
            differs.put("poll_udp_refused_" + family, "POLLIN|POLLOUT|POLLRDNORM|POLLWRNORM|POLLWRBAND;ECONNREFUSED");
            differs.put("poll_urgent_" + family, "POLLIN|POLLOUT|POLLRDNORM|POLLWRNORM;-");
            differs.put("select_urgent_" + family, "r= w= x=");
        }
        differs.put("poll_unix_peer_closed", "POLLIN|POLLOUT|POLLRDNORM|POLLWRNORM|POLLWRBAND|POLLRDHUP");
        return differs;
    }
}
