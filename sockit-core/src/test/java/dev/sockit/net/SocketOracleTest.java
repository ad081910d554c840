package dev.sockit.net;

import static dev.sockit.net.SocketFixtures.NOT_LOCAL_4;
import static dev.sockit.net.SocketFixtures.NOT_LOCAL_6;
import static dev.sockit.net.SocketFixtures.PATIENCE;
import static dev.sockit.net.SocketFixtures.closedPort;
import static dev.sockit.net.SocketFixtures.connectedPair;
import static dev.sockit.net.SocketFixtures.fullListener;
import static dev.sockit.net.SocketFixtures.loopback;
import static dev.sockit.net.SocketFixtures.outcome;
import static dev.sockit.net.SocketFixtures.run;
import static dev.sockit.net.SocketFixtures.unixPath;
import static dev.sockit.net.SocketFixtures.withResetConnection;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sockit.addr.AddressFamily;
import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.Ipv4Address;
import dev.sockit.addr.Ipv6Address;
import dev.sockit.addr.SockAddr;
import dev.sockit.addr.SocketType;
import dev.sockit.addr.UnixSockAddr;
import dev.sockit.net.SocketFixtures.Call;
import dev.sockit.net.SocketFixtures.FullListener;
import dev.sockit.net.SocketFixtures.Pair;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * sockit against CPython on this machine: {@code src/test/python/socket_oracle.py} runs each
 * scenario with Python's socket module (one process for all) and prints its outcome; each
 * scenario here does the same with sockit and must print the same.
 *
 * <p>Outcomes: an errno name, {@code OK}, {@code TIMEOUT} (Python's {@code TimeoutError}, which
 * has no errno; sockit's {@link SocketTimedOutException}), {@code EOF}, or what the scenario
 * prints. Sockets are left for the garbage collector where Python leaves them, except those
 * that hold a listener's queue.
 */
class SocketOracleTest {
    private static final Duration SHORT = Duration.ofMillis(100);
    private static final SockAddr DISCARD = new InetSockAddr(Ipv4Address.LOOPBACK, 9);
    private static final UnixSockAddr MISSING = new UnixSockAddr("/nonexistent/sockit");

    private static Map<String, String> python;
    private static final List<Socket> OPEN = new ArrayList<>();

    @BeforeAll
    static void runPython() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("python3", "src/test/python/socket_oracle.py")
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
    Stream<DynamicTest> eachScenario_sockitReportsWhatPythonReports() {
        Map<String, Scenario> sockit = scenarios();
        sockit.putAll(optionScenarios());
        return python.entrySet().stream().map(expected -> DynamicTest.dynamicTest(expected.getKey(), () -> {
            Scenario scenario = sockit.get(expected.getKey());
            assertThat(scenario).as("a sockit scenario named %s", expected.getKey()).isNotNull();
            try {
                assertThat(scenario.run()).as(expected.getKey()).isEqualTo(expected.getValue());
            } finally {
                for (Socket socket : OPEN) {
                    socket.close();
                }
                OPEN.clear();
            }
        }));
    }

    @Test
    void everySockitScenario_hasAPythonTwin() {
        Map<String, Scenario> sockit = scenarios();
        sockit.putAll(optionScenarios());
        assertThat(python.keySet()).containsExactlyInAnyOrderElementsOf(sockit.keySet());
    }

    @FunctionalInterface
    private interface Scenario {
        String run() throws Exception;
    }

    // ---------------------------------------------------------------------------------------

    private static String outcomes(Call<?>... calls) {
        List<String> results = new ArrayList<>();
        for (Call<?> call : calls) {
            results.add(outcome(call));
        }
        return String.join(",", results);
    }

    private static String errname(int number) {
        return number == 0 ? "0" : Errno.of(number).orElseThrow().name();
    }

    private static String soError(Socket socket) throws IOException {
        return errname(socket.getsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_ERROR));
    }

    private static Socket open(Socket socket) {
        OPEN.add(socket);
        return socket;
    }

    private static Socket tcp() throws IOException {
        return open(Socket.socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM));
    }

    private static Socket udp() throws IOException {
        return open(Socket.socket(AddressFamily.AF_INET, SocketType.SOCK_DGRAM));
    }

    private static Socket unix() throws IOException {
        return open(Socket.socket(AddressFamily.AF_UNIX, SocketType.SOCK_STREAM));
    }

    private static Socket listener() throws IOException {
        Socket listener = tcp();
        listener.bind(loopback(AddressFamily.AF_INET));
        listener.listen(1);
        return listener;
    }

    private static Pair pair() throws IOException {
        Pair pair = connectedPair(AddressFamily.AF_INET);
        open(pair.client());
        open(pair.server());
        return pair;
    }

    private static FullListener full() throws IOException {
        FullListener full = fullListener(AddressFamily.AF_INET);
        open(full.listener());
        full.queued().forEach(SocketOracleTest::open);
        return full;
    }

    /** Retries {@code connectEx} while it says the connection is still pending. */
    private static int connectExSettled(Socket socket, SockAddr address) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        int result;
        do {
            result = socket.connectEx(address);
            Thread.yield();
        } while (result == Errno.EALREADY.number() && System.nanoTime() < deadline);
        return result;
    }

    private static String firstError(Call<?> call) {
        for (int i = 0; i < 100; i++) {
            String outcome = outcome(call);
            if (!outcome.equals("OK") && !outcome.matches("\\d+")) {
                return outcome;
            }
        }
        return "OK";
    }

    // ---------------------------------------------------------------------------------------

    private static Map<String, Scenario> scenarios() {
        Map<String, Scenario> cases = new LinkedHashMap<>();
        for (AddressFamily family : List.of(AddressFamily.AF_INET, AddressFamily.AF_INET6)) {
            String name = family == AddressFamily.AF_INET ? "inet" : "inet6";
            cases.put("connect_refused_" + name, () -> outcome(run(
                    () -> open(Socket.socket(family, SocketType.SOCK_STREAM)).connect(closedPort(family)))));
            InetSockAddr notLocal = new InetSockAddr(family == AddressFamily.AF_INET ? NOT_LOCAL_4 : NOT_LOCAL_6, 0);
            cases.put("bind_not_local_" + name, () -> outcome(run(
                    () -> open(Socket.socket(family, SocketType.SOCK_STREAM)).bind(notLocal))));
        }
        cases.put("bind_in_use_listening", () -> {
            Socket listener = listener();
            return outcome(run(() -> tcp().bind(listener.getsockname())));
        });
        cases.put("bind_in_use_bound", () -> {
            Socket bound = tcp();
            bound.bind(loopback(AddressFamily.AF_INET));
            return outcome(run(() -> tcp().bind(bound.getsockname())));
        });
        cases.put("bind_twice", () -> {
            Socket socket = tcp();
            socket.bind(loopback(AddressFamily.AF_INET));
            return outcome(run(() -> socket.bind(loopback(AddressFamily.AF_INET))));
        });
        cases.put("bind_connected", () -> outcome(run(() -> pair().client().bind(loopback(AddressFamily.AF_INET)))));
        cases.put("recv_nonblocking_tcp", () -> {
            Socket client = pair().client();
            client.setblocking(false);
            return outcome(() -> client.recv(10, 0));
        });
        cases.put("recv_nonblocking_udp", () -> {
            Socket socket = udp();
            socket.bind(loopback(AddressFamily.AF_INET));
            socket.setblocking(false);
            return outcome(() -> socket.recv(10, 0));
        });
        cases.put("recv_unbound_udp_then_bind", () -> {
            Socket socket = udp();
            socket.setblocking(false);
            return outcomes(() -> socket.recv(10, 0), run(() -> socket.bind(loopback(AddressFamily.AF_INET))));
        });
        cases.put("connect_nonblocking_pending", () -> {
            SockAddr address = full().address();
            Socket client = tcp();
            client.setblocking(false);
            return errname(client.connectEx(address)) + "," + errname(client.connectEx(address)) + ","
                    + errname(client.connectEx(address));
        });
        cases.put("connect_nonblocking_completes", () -> {
            SockAddr address = listener().getsockname();
            Socket client = tcp();
            client.setblocking(false);
            String first = errname(client.connectEx(address));
            String second = errname(connectExSettled(client, address));
            return first + "," + (second.equals("0") ? "OK" : second) + "," + errname(client.connectEx(address));
        });
        cases.put("connect_nonblocking_refused_so_error", () -> {
            Socket client = tcp();
            client.setblocking(false);
            String first = errname(client.connectEx(closedPort(AddressFamily.AF_INET)));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            int error;
            do {
                error = client.getsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_ERROR);
                Thread.yield();
            } while (error == 0 && System.nanoTime() < deadline);
            return first + "," + errname(error) + "," + errname(client.getsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_ERROR));
        });
        cases.put("io_while_connecting", () -> {
            SockAddr address = full().address();
            Socket client = tcp();
            client.setblocking(false);
            client.connectEx(address);
            String nonBlocking = outcomes(() -> client.recv(1, 0), () -> client.send(new byte[1], 0),
                    client::getpeername);
            client.settimeout(SHORT);
            return nonBlocking + "," + outcomes(() -> client.recv(1, 0), () -> client.send(new byte[1], 0));
        });
        cases.put("connect_ex_after_async_refusal", () -> {
            Socket client = tcp();
            client.setblocking(false);
            String first = errname(client.connectEx(closedPort(AddressFamily.AF_INET)));
            InetSockAddr port = closedPort(AddressFamily.AF_INET);
            return first + "," + errname(connectExSettled(client, port)) + "," + errname(client.connectEx(port));
        });
        cases.put("connect_after_refused", () -> {
            Socket client = tcp();
            String refused = outcome(run(() -> client.connect(closedPort(AddressFamily.AF_INET))));
            SockAddr address = listener().getsockname();
            return refused + "," + outcome(run(() -> client.connect(address)));
        });
        cases.put("accept_not_listening", () -> {
            Socket socket = tcp();
            socket.bind(loopback(AddressFamily.AF_INET));
            return outcome(socket::accept);
        });
        cases.put("accept_unbound", () -> outcome(() -> tcp().accept()));
        cases.put("accept_udp", () -> outcome(() -> udp().accept()));
        cases.put("listen_udp", () -> outcome(run(() -> udp().listen(1))));
        cases.put("listen_connected", () -> outcome(run(() -> pair().client().listen(1))));
        cases.put("listen_twice", () -> outcome(run(() -> listener().listen(5))));
        cases.put("connect_listening", () -> {
            Socket listener = listener();
            SockAddr other = listener().getsockname();
            return outcome(run(() -> listener.connect(other)));
        });
        cases.put("send_after_peer_close", () -> {
            Pair pair = pair();
            pair.server().close();
            return firstError(() -> pair.client().send(new byte[10], 0));
        });
        cases.put("recv_after_reset", () -> {
            Socket client = open(withResetConnection(AddressFamily.AF_INET).client());
            return outcomes(() -> client.recv(10, 0), () -> client.recv(10, 0), () -> client.recv(10, 0),
                    () -> client.send(new byte[1], 0));
        });
        cases.put("send_after_reset", () -> {
            Socket client = open(withResetConnection(AddressFamily.AF_INET).client());
            return outcomes(() -> client.send(new byte[1], 0), () -> client.send(new byte[1], 0),
                    () -> client.recv(10, 0));
        });
        cases.put("so_error_after_reset", () -> {
            Socket client = open(withResetConnection(AddressFamily.AF_INET).client());
            return soError(client) + "," + soError(client) + "," + outcomes(() -> client.recv(10, 0),
                    () -> client.send(new byte[1], 0));
        });
        cases.put("so_error_after_reset_with_unread_data", () -> {
            Pair pair = pair();
            pair.server().sendall(ascii("unread"), 0);
            Select.select(List.of(pair.client()), List.of(), List.of(), PATIENCE);
            pair.server().setLinger(Optional.of(Duration.ZERO));
            pair.server().close();
            return soError(pair.client()) + "," + soError(pair.client()) + ","
                    + outcomes(() -> pair.client().recv(10, 0), () -> pair.client().recv(10, 0));
        });
        cases.put("so_error_udp_refused", () -> {
            Socket socket = udp();
            socket.connect(closedPort(AddressFamily.AF_INET));
            socket.send(new byte[1], 0);
            Select.select(List.of(socket), List.of(), List.of(), PATIENCE);
            return soError(socket) + "," + soError(socket);
        });
        cases.put("recv_after_close_with_unread_data", () -> {
            Pair pair = pair();
            pair.client().sendall("unread".getBytes(StandardCharsets.US_ASCII), 0);
            pair.server().recv(1, Socket.MSG_PEEK);
            pair.server().close();
            return outcomes(() -> pair.client().recv(10, 0), () -> pair.client().recv(10, 0));
        });
        cases.put("closed_socket_calls", () -> {
            Socket s = Socket.socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM);
            s.close();
            return outcomes(() -> s.recv(1, 0), () -> s.send(new byte[1], 0),
                    run(() -> s.bind(loopback(AddressFamily.AF_INET))), s::getsockname, run(() -> s.connect(DISCARD)),
                    run(() -> s.listen(1)), s::accept, run(() -> s.shutdown(Socket.SHUT_RDWR)),
                    () -> s.getsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_TYPE),
                    run(() -> s.setsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_REUSEADDR, 1)), s::getpeername, s::fileno);
        });
        cases.put("recv_unconnected", () -> outcome(() -> tcp().recv(1, 0)));
        cases.put("send_unconnected", () -> outcome(() -> tcp().send(new byte[1], 0)));
        cases.put("sendall_unconnected", () -> outcome(run(() -> tcp().sendall(new byte[1], 0))));
        cases.put("sendto_unconnected_tcp", () -> outcome(() -> tcp().sendto(new byte[1], 0, DISCARD)));
        cases.put("sendto_connected_tcp", () -> outcome(() -> pair().client().sendto(new byte[1], 0, DISCARD)));
        cases.put("recv_listening", () -> outcome(() -> listener().recv(1, 0)));
        cases.put("send_listening", () -> outcome(() -> listener().send(new byte[1], 0)));
        cases.put("getpeername_listening", () -> outcome(() -> listener().getpeername()));
        cases.put("connect_connected", () -> {
            Pair pair = pair();
            SockAddr peer = pair.server().getsockname();
            return outcome(run(() -> pair.client().connect(peer))) + "," + errname(pair.client().connectEx(peer));
        });
        cases.put("udp_size_inet_max", () -> udpSize(AddressFamily.AF_INET, 65507));
        cases.put("udp_size_inet_over", () -> udpSize(AddressFamily.AF_INET, 65508));
        cases.put("udp_size_inet6_max", () -> udpSize(AddressFamily.AF_INET6, 65527));
        cases.put("udp_size_inet6_over", () -> udpSize(AddressFamily.AF_INET6, 65528));
        cases.put("shutdown_unconnected", () -> outcome(run(() -> tcp().shutdown(Socket.SHUT_RDWR))));
        cases.put("shutdown_bad_how", () -> outcome(run(() -> pair().client().shutdown(7))));
        cases.put("shutdown_listening_rd", () -> shutdownListening(Socket.SHUT_RD));
        cases.put("shutdown_listening_wr", () -> shutdownListening(Socket.SHUT_WR));
        cases.put("shutdown_udp_unconnected", () -> outcome(run(() -> udp().shutdown(Socket.SHUT_WR))));
        cases.put("shutdown_udp_connected", () -> {
            Socket socket = udp();
            socket.connect(closedPort(AddressFamily.AF_INET));
            socket.shutdown(Socket.SHUT_RDWR);
            socket.setblocking(false);
            return outcomes(() -> socket.recv(1, 0), () -> socket.send(new byte[1], 0));
        });
        cases.put("shutdown_wr_then_send", () -> {
            Socket client = pair().client();
            client.shutdown(Socket.SHUT_WR);
            return outcome(() -> client.send(new byte[1], 0));
        });
        cases.put("getpeername_unconnected", () -> outcome(() -> tcp().getpeername()));
        cases.put("getpeername_udp", () -> outcome(() -> udp().getpeername()));
        cases.put("socket_raw", () -> socketOutcome(AddressFamily.AF_INET, SocketType.SOCK_RAW, 0));
        cases.put("socket_seqpacket", () -> socketOutcome(AddressFamily.AF_INET, SocketType.SOCK_SEQPACKET, 0));
        cases.put("socket_stream_udp", () -> socketOutcome(AddressFamily.AF_INET, SocketType.SOCK_STREAM, 17));
        cases.put("socket_dgram_tcp", () -> socketOutcome(AddressFamily.AF_INET, SocketType.SOCK_DGRAM, 6));
        cases.put("socket_unix_tcp", () -> socketOutcome(AddressFamily.AF_UNIX, SocketType.SOCK_STREAM, 6));
        cases.put("socket_unspec", () -> socketOutcome(AddressFamily.AF_UNSPEC, SocketType.SOCK_STREAM, 0));
        cases.put("socket_sctp", () -> socketOutcome(AddressFamily.AF_INET, SocketType.SOCK_STREAM, 132));
        cases.put("udp_connected_refused", () -> {
            Socket socket = udp();
            socket.connect(closedPort(AddressFamily.AF_INET));
            socket.send(new byte[1], 0);
            socket.settimeout(SHORT);
            return outcomes(() -> socket.recv(10, 0), () -> socket.recv(10, 0));
        });
        cases.put("udp_send_unconnected", () -> outcome(() -> udp().send(new byte[1], 0)));
        cases.put("udp_connect_filters", () -> {
            Socket a = udp();
            Socket b = udp();
            Socket c = udp();
            for (Socket socket : List.of(a, b, c)) {
                socket.bind(loopback(AddressFamily.AF_INET));
            }
            a.settimeout(PATIENCE);
            a.connect(b.getsockname());
            c.sendto(ascii("from-c"), 0, a.getsockname());
            b.sendto(ascii("from-b"), 0, a.getsockname());
            String first = new String(a.recv(100, 0), StandardCharsets.US_ASCII);
            a.connect(c.getsockname());
            c.sendto(ascii("from-c-again"), 0, a.getsockname());
            return first + "," + new String(a.recv(100, 0), StandardCharsets.US_ASCII);
        });
        cases.put("udp_truncated", () -> {
            Socket socket = udp();
            socket.bind(loopback(AddressFamily.AF_INET));
            socket.sendto(ascii("abcdef"), 0, socket.getsockname());
            socket.sendto(ascii("ghijkl"), 0, socket.getsockname());
            Datagram first = socket.recvfrom(3, 0);
            int n = socket.recvInto(ByteBuffer.allocate(3), Socket.MSG_TRUNC);
            return new String(first.data(), StandardCharsets.US_ASCII) + "," + (first.truncated() ? "TRUNC" : "WHOLE")
                    + "," + n;
        });
        cases.put("unix_connect_missing", () -> outcome(run(() -> unix().connect(MISSING))));
        cases.put("unix_connect_not_listening", () -> {
            UnixSockAddr path = unixPath();
            unix().bind(path);
            return outcome(run(() -> unix().connect(path)));
        });
        cases.put("unix_bind_in_use", () -> {
            UnixSockAddr path = unixPath();
            unix().bind(path);
            return outcome(run(() -> unix().bind(path)));
        });
        cases.put("unix_listen_unbound", () -> outcome(run(() -> unix().listen(1))));
        cases.put("unix_sendto_connected", () -> {
            SocketPair pair = Socket.socketpair();
            open(pair.first());
            open(pair.second());
            return outcome(() -> pair.first().sendto(new byte[1], 0, MISSING));
        });
        cases.put("unix_sendto_unconnected", () -> outcome(() -> unix().sendto(new byte[1], 0, MISSING)));
        cases.put("unix_names", () -> {
            UnixSockAddr path = unixPath();
            Socket listener = unix();
            listener.bind(path);
            listener.listen(1);
            Socket client = unix();
            client.connect(path);
            Accepted accepted = listener.accept();
            open(accepted.socket());
            return unixName(accepted.address(), path) + "," + unixName(client.getpeername(), path) + ","
                    + unixName(client.getsockname(), path) + "," + unixName(accepted.socket().getsockname(), path) + ","
                    + unixName(accepted.socket().getpeername(), path);
        });
        cases.put("socketpair_names", () -> {
            SocketPair pair = Socket.socketpair();
            open(pair.first());
            open(pair.second());
            return unixName(pair.first().getsockname(), MISSING) + "," + unixName(pair.second().getsockname(), MISSING)
                    + "," + unixName(pair.first().getpeername(), MISSING);
        });
        cases.put("recv_timeout", () -> {
            Socket client = pair().client();
            client.settimeout(SHORT);
            return outcome(() -> client.recv(1, 0));
        });
        cases.put("accept_timeout", () -> {
            Socket listener = listener();
            listener.settimeout(SHORT);
            return outcome(listener::accept);
        });
        cases.put("connect_timeout", () -> {
            SockAddr address = full().address();
            Socket client = tcp();
            client.settimeout(SHORT);
            return outcome(run(() -> client.connect(address)));
        });
        cases.put("so_rcvtimeo_blocking", () -> {
            Socket client = pair().client();
            client.setReceiveTimeout(SHORT);
            return outcome(() -> client.recv(1, 0));
        });
        cases.put("so_sndtimeo_connect", () -> {
            SockAddr address = full().address();
            Socket client = tcp();
            client.setSendTimeout(SHORT);
            return outcome(run(() -> client.connect(address)));
        });
        cases.put("multicast_membership", () -> {
            Socket socket = udp();
            Ipv4Address group = Ipv4Address.ofHostOrder(0xef010203L);
            Ipv4Address lo = Ipv4Address.LOOPBACK;
            return outcomes(run(() -> socket.joinGroup(group, lo)), run(() -> socket.joinGroup(group, lo)),
                    run(() -> socket.leaveGroup(group, lo)), run(() -> socket.leaveGroup(group, lo)),
                    run(() -> tcp().joinGroup(group, lo)),
                    run(() -> socket.joinGroup(Ipv4Address.ofHostOrder(0x0a010203L), lo)),
                    run(() -> socket.joinGroup(group, NOT_LOCAL_4)));
        });
        cases.put("v6only_after_bind", () -> {
            Socket socket = open(Socket.socket(AddressFamily.AF_INET6, SocketType.SOCK_STREAM));
            socket.bind(loopback(AddressFamily.AF_INET6));
            return outcome(run(() -> socket.setV6Only(true)));
        });
        cases.put("getsockname_unbound_inet", () -> unboundName(AddressFamily.AF_INET));
        cases.put("getsockname_unbound_inet6", () -> unboundName(AddressFamily.AF_INET6));
        cases.put("getsockname_unbound_unix", () -> unixName(unix().getsockname(), MISSING).equals("UNNAMED") ? "UNNAMED" : "NAMED");
        cases.put("dualstack_peer", () -> {
            Socket listener = open(Socket.createServer(new InetSockAddr(Ipv6Address.ANY, 0), 1, false, true));
            int port = ((InetSockAddr) listener.getsockname()).port();
            Socket client = open(Socket.createConnection(new InetSockAddr(Ipv4Address.LOOPBACK, port), PATIENCE,
                    Optional.empty()));
            Accepted accepted = listener.accept();
            open(accepted.socket());
            InetSockAddr peer = (InetSockAddr) accepted.address();
            boolean mapped = peer.address() instanceof Ipv6Address v6 && v6.isIpv4Mapped()
                    && v6.toIpv4().orElseThrow().equals(Ipv4Address.LOOPBACK)
                    && peer.port() == ((InetSockAddr) client.getsockname()).port();
            return mapped ? "MAPPED" : "NOT MAPPED";
        });
        cases.put("recv_zero", () -> outcome(() -> pair().client().recv(0, 0)));
        return cases;
    }

    private static String udpSize(AddressFamily family, int size) throws IOException {
        Socket sender = open(Socket.socket(family, SocketType.SOCK_DGRAM));
        Socket receiver = open(Socket.socket(family, SocketType.SOCK_DGRAM));
        receiver.bind(loopback(family));
        return outcome(() -> sender.sendto(new byte[size], 0, receiver.getsockname()));
    }

    private static String shutdownListening(int how) throws IOException {
        Socket listener = listener();
        listener.shutdown(how);
        listener.setblocking(false);
        return outcome(listener::accept);
    }

    private static String socketOutcome(AddressFamily family, SocketType type, int proto) {
        return outcome(() -> open(Socket.socket(family, type, proto)));
    }

    private static String unixName(SockAddr address, UnixSockAddr path) {
        UnixSockAddr unix = (UnixSockAddr) address;
        return unix.isUnnamed() ? "UNNAMED" : unix.equals(path) ? "PATH" : unix.path();
    }

    private static String unboundName(AddressFamily family) throws IOException {
        InetSockAddr name = (InetSockAddr) open(Socket.socket(family, SocketType.SOCK_STREAM)).getsockname();
        return name.address().isUnspecified() && name.port() == 0 ? "ANY:0" : "NAMED";
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    // ---------------------------------------------------------------------------------------

    private record Option(String name, int level, int optname, int value) {
    }

    private static final List<Option> OPTIONS = List.of(
            new Option("SO_REUSEADDR", 1, 2, 1), new Option("SO_REUSEPORT", 1, 15, 1), new Option("SO_KEEPALIVE", 1, 9, 1),
            new Option("SO_RCVBUF", 1, 8, 4096), new Option("SO_SNDBUF", 1, 7, 4096), new Option("SO_BROADCAST", 1, 6, 1),
            new Option("SO_ERROR", 1, 4, 1), new Option("SO_TYPE", 1, 3, 1), new Option("SOL_SOCKET_999", 1, 999, 1),
            new Option("TCP_NODELAY", 6, 1, 1), new Option("TCP_KEEPIDLE", 6, 4, 7), new Option("TCP_KEEPINTVL", 6, 5, 3),
            new Option("TCP_KEEPCNT", 6, 6, 4), new Option("IPPROTO_TCP_999", 6, 999, 1), new Option("IP_TOS", 0, 1, 16),
            new Option("IP_MULTICAST_TTL", 0, 33, 3), new Option("IP_MULTICAST_LOOP", 0, 34, 0),
            new Option("IP_ADD_MEMBERSHIP", 0, 35, 1), new Option("IP_DROP_MEMBERSHIP", 0, 36, 1),
            new Option("IPPROTO_IP_999", 0, 999, 1), new Option("IPV6_V6ONLY", 41, 26, 1),
            new Option("IPPROTO_IPV6_999", 41, 999, 1), new Option("LEVEL_999", 999, 1, 1));

    private static Socket optionSocket(String kind) throws IOException {
        return switch (kind) {
            case "tcp" -> tcp();
            case "tcp6" -> open(Socket.socket(AddressFamily.AF_INET6, SocketType.SOCK_STREAM));
            case "listening" -> listener();
            case "udp" -> udp();
            case "udp6" -> open(Socket.socket(AddressFamily.AF_INET6, SocketType.SOCK_DGRAM));
            case "unix" -> unix();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static Map<String, Scenario> optionScenarios() {
        Map<String, Scenario> cases = new LinkedHashMap<>();
        for (String kind : List.of("tcp", "tcp6", "listening", "udp", "udp6", "unix")) {
            for (Option option : OPTIONS) {
                cases.put("option_" + kind + "_" + option.name(), () -> {
                    Socket socket = optionSocket(kind);
                    return outcome(run(() -> socket.setsockopt(option.level(), option.optname(), option.value())))
                            + "," + outcome(() -> socket.getsockopt(option.level(), option.optname()));
                });
            }
        }
        return cases;
    }
}
