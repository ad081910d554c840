package dev.sockit.cli;

import static dev.sockit.addr.AddressFamily.AF_INET;
import static dev.sockit.addr.SocketType.SOCK_STREAM;

import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.Ipv4Address;
import dev.sockit.examples.SelectServer;
import dev.sockit.examples.TcpClient;
import dev.sockit.examples.TcpServer;
import dev.sockit.examples.UdpClient;
import dev.sockit.examples.UdpConnect;
import dev.sockit.examples.UdpServer;
import dev.sockit.net.Errno;
import dev.sockit.net.Socket;
import dev.sockit.net.Trace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sockit demo}: the main job. The lecture's socket programs ({@code dev.sockit.examples})
 * at work on loopback, in a few seconds, with the call trace on: TCP server and client, UDP
 * server and client, a UDP client whose {@code connect} changes where its datagrams go, and a
 * {@code select} server with three clients.
 *
 * <p>Each program runs with its {@code run(...)}, its C {@code main}, on a thread of its own in
 * this JVM ({@link DemoStage}); its lines, and its socket calls when traced, are shown after its
 * role. The call trace goes to stdout ({@link Main} sets {@code sockit.trace} for this command
 * before any socket class loads), so this command writes through {@code System.out}, a
 * {@code PrintStream} that shows whole lines in the order they are written, never through a
 * buffered writer, whose lines would come late.
 *
 * <p>Ports are free ones: the kernel's pick for port 0, taken with a JDK channel (not a sockit
 * socket, so the trace shows only the programs' calls), then closed and handed to the program;
 * if another process takes it meanwhile, the program's bind fails with {@code EADDRINUSE} and
 * the demo tries another. A client starts once the kernel lists its server's port as listening
 * (TCP) or bound (UDP) in {@code /proc/net}, as {@code ss -ltun} shows it: a probe would be
 * taken for a client by the lecture's servers, which serve one and end. The select server's
 * clients are played by the demo, one thread each, step by step: each step waits for the
 * server's answer, so the lines come in the same order every time.
 *
 * <p>Any failure ends the demo with one line naming the step, the program and its error, exit 1.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "The lecture's socket programs at work on loopback, in a few seconds, with the call trace on:"
                    + " 1. TCP server and client, 2. UDP server and client, 3. UDP connect() to two servers,"
                    + " 4. select(): one thread, several clients.",
            "Each program runs on a thread of its own; its lines, and its socket calls in strace's syntax, start with"
                    + " its role. '$' lines are the commands that run the same by hand."
        })
final class DemoCommand implements Callable<Integer> {
    private static final String LOOPBACK = "127.0.0.1";
    /** How long a server may take to listen, and a played client to get its answer. */
    private static final Duration READY_WITHIN = Duration.ofSeconds(5);
    /** How long a program may take to end; the UDP clients give up after 3 s. */
    private static final Duration DONE_WITHIN = Duration.ofSeconds(10);
    /** How long to wait for a starting server's end between two looks at the kernel's tables. */
    private static final Duration LOOK_AGAIN = Duration.ofMillis(5);
    private static final int PORT_ATTEMPTS = 3;

    /** Read by {@link Main} before any socket class loads, as the trace is fixed from then on; here for the help. */
    @Option(names = "--no-trace",
            description = "Leave the call trace out. Without it the trace is on, on stdout, in order with the programs' lines.")
    private boolean noTrace;

    /** What a step runs. */
    @FunctionalInterface
    private interface Body {
        void run(DemoStage stage, PrintStream out) throws Exception;
    }

    /** A server program started on {@code port}. */
    private record Server(DemoStage.Run run, int port) {
        String portText() {
            return String.valueOf(port);
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintStream stdout = System.out;
        try (DemoStage stage = new DemoStage(stdout)) {
            // Before the first socket: the trace takes System.out when it initialises.
            System.setOut(stage.out());
            PrintStream out = System.out;
            out.println("The lecture's socket programs at work on loopback, each on a thread of its own in this JVM.");
            out.println("Lines start with the role that printed them; '$' lines are the commands that run the same by hand.");
            if (Trace.ENABLED && !noTrace) {
                out.println("The call trace is on: each socket call shows under its role, as strace writes it (--no-trace: off).");
            }

            step(stage, out, 1, "TCP: server and client",
                    "tcp-server accepts ONE client, prints its line, answers it; tcp-client sends a line, prints the answer.",
                    DemoCommand::tcp);
            step(stage, out, 2, "UDP: server and client",
                    "No connection, no accept(): one socket takes datagrams from anyone; recvfrom() names the sender.",
                    DemoCommand::udp);
            step(stage, out, 3, "UDP: connect() changes the default receiver",
                    "ONE client socket, connected to server 1, then server 2: send() needs no address; both see one port.",
                    DemoCommand::udpConnect);
            step(stage, out, 4, "select(): one thread, several clients",
                    "One thread, one select() on the listener and all clients: accept, echo, or drop whoever is ready.",
                    DemoCommand::select);

            out.println();
            out.println("Next: 'sockit example poll-server PORT' is step 4 with poll(); 'sockit example --list' lists all.");
            return Cli.OK;
        } finally {
            System.setOut(stdout);
        }
    }

    private static void step(DemoStage stage, PrintStream out, int number, String title, String why, Body body)
            throws Exception {
        out.println();
        out.println("== " + number + ". " + title);
        out.println(why);
        try {
            body.run(stage, out);
        } catch (DemoStage.Failure e) {
            throw new DemoStage.Failure("demo step " + number + " (" + title + "): " + e.getMessage());
        }
    }

    private static void tcp(DemoStage stage, PrintStream out) throws Exception {
        Server server = startServer(stage, out, "server", Transport.TCP, "tcp-server", TcpServer::run);
        out.println("$ echo 'hello, server' | sockit example tcp-client " + LOOPBACK + " " + server.port());
        stage.role("client").start("tcp-client", TcpClient::run, "hello, server\n", LOOPBACK, server.portText())
                .awaitSuccess(DONE_WITHIN);
        server.run().awaitSuccess(DONE_WITHIN);
    }

    private static void udp(DemoStage stage, PrintStream out) throws Exception {
        List<String> messages = List.of("hello, UDP", "hello again");
        Server server = startServer(stage, out, "server", Transport.UDP, "udp-server", UdpServer::run,
                String.valueOf(messages.size()));
        for (String message : messages) {
            out.println("$ sockit example udp-client " + LOOPBACK + " " + server.port() + " '" + message + "'");
            stage.role("client").start("udp-client", UdpClient::run, "", LOOPBACK, server.portText(), message)
                    .awaitSuccess(DONE_WITHIN);
        }
        server.run().awaitSuccess(DONE_WITHIN);
    }

    private static void udpConnect(DemoStage stage, PrintStream out) throws Exception {
        Server first = startServer(stage, out, "server 1", Transport.UDP, "udp-server", UdpServer::run, "1");
        Server second = startServer(stage, out, "server 2", Transport.UDP, "udp-server", UdpServer::run, "1");
        String message = "who is there?";
        out.println("$ sockit example udp-connect " + LOOPBACK + " " + first.port() + " " + second.port() + " '" + message + "'");
        stage.role("client").start("udp-connect", UdpConnect::run, "", LOOPBACK, first.portText(), second.portText(), message)
                .awaitSuccess(DONE_WITHIN);
        first.run().awaitSuccess(DONE_WITHIN);
        second.run().awaitSuccess(DONE_WITHIN);
    }

    /**
     * Three clients take turns with one select-server; two leave mid-way, one by closing, one
     * by a reset, and the third is still served. Each move waits for the server's line about
     * it, so the output's order is fixed.
     */
    private static void select(DemoStage stage, PrintStream out) throws Exception {
        Server server = startServer(stage, out, "server", Transport.TCP, "select-server", SelectServer::run, "3");
        String from = "Connection from " + LOOPBACK + ":";
        expect(server, "Listening on 0.0.0.0:" + server.port());
        EchoClient one = new EchoClient(stage.role("client 1"), server.port());
        EchoClient two = new EchoClient(stage.role("client 2"), server.port());
        EchoClient three = new EchoClient(stage.role("client 3"), server.port());

        expect(server, "New connection from " + LOOPBACK + ":" + one.connect());
        expect(server, "New connection from " + LOOPBACK + ":" + two.connect());
        one.exchange("hello from 1\n");
        two.exchange("hello from 2\n");
        expect(server, "New connection from " + LOOPBACK + ":" + three.connect());
        three.exchange("hello from 3\n");
        expect(server, from + two.close(false) + " closed");
        expect(server, from + three.close(true) + " lost: " + Errno.ECONNRESET.message());
        one.exchange("still here\n");
        expect(server, from + one.close(false) + " closed");
        server.run().awaitSuccess(DONE_WITHIN);
    }

    /**
     * Starts {@code program} as a server on a free port, {@code more} after the port, and waits
     * until the kernel lists the port; tries another port if the program's bind finds it taken.
     */
    private static Server startServer(DemoStage stage, PrintStream out, String role, Transport transport, String example,
            ExampleCommand.Program program, String... more) throws Exception {
        for (int attempt = 1; ; attempt++) {
            int port = transport.freePort();
            List<String> args = new ArrayList<>(List.of(String.valueOf(port)));
            args.addAll(Arrays.asList(more));
            out.println("$ sockit example " + example + " " + String.join(" ", args) + " &");
            DemoStage.Run run = stage.role(role).start(example, program, "", args.toArray(String[]::new));
            if (awaitListed(transport, port, run)) {
                return new Server(run, port);
            }
            if (attempt < PORT_ATTEMPTS && run.role().errors().contains(Errno.EADDRINUSE.message())) {
                out.println("(port " + port + " was taken meanwhile: another one)");
                continue;
            }
            run.awaitSuccess(DONE_WITHIN);
            throw new DemoStage.Failure(example + ": ended before it was " + transport.ready);
        }
    }

    /**
     * Waits until the kernel lists {@code port} as {@code transport} says, or the server ends.
     *
     * @return true once listed, false if the server ended first
     */
    private static boolean awaitListed(Transport transport, int port, DemoStage.Run server) throws Exception {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (!transport.listed(port)) {
            if (server.ended(LOOK_AGAIN)) {
                return false;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new DemoStage.Failure(server.label() + ": not " + transport.ready + " on port " + port
                        + " after " + READY_WITHIN.toSeconds() + " s");
            }
        }
        return true;
    }

    /** Waits for the server's next line that is not an "Echoed" one, which must be {@code expected}. */
    private static void expect(Server server, String expected) throws Exception {
        String line;
        do {
            line = server.run().role().nextLine(server.run().label(), READY_WITHIN);
        } while (line.startsWith("Echoed "));
        if (!line.equals(expected)) {
            throw new DemoStage.Failure(server.run().label() + ": printed \"" + line + "\" where the demo expected \""
                    + expected + "\"");
        }
    }

    /** A transport, and how the kernel lists a port of it in /proc/net when a server may be sent to. */
    private enum Transport {
        TCP("listening", "0A", "/proc/net/tcp", "/proc/net/tcp6"),
        UDP("bound", null, "/proc/net/udp", "/proc/net/udp6");

        /** What the server is once listed. */
        final String ready;
        /** The state a listed socket must be in ({@code 0A}: TCP_LISTEN), or null for any. */
        private final String state;
        /** The IPv4 table, which must exist, then the IPv6 one, which may not. */
        private final List<Path> tables;

        Transport(String ready, String state, String... tables) {
            this.ready = ready;
            this.state = state;
            this.tables = Arrays.stream(tables).map(Path::of).toList();
        }

        /** Whether the kernel lists a socket of this transport on local {@code port}, in the state asked for. */
        boolean listed(int port) throws DemoStage.Failure {
            for (Path table : tables) {
                List<String> lines;
                try {
                    lines = Files.readAllLines(table, StandardCharsets.US_ASCII);
                } catch (NoSuchFileException e) {
                    if (table.equals(tables.get(0))) {
                        throw new DemoStage.Failure("no " + table + ": the demo needs Linux's, to tell when a server is "
                                + ready);
                    }
                    continue; // no IPv6 on this host
                } catch (IOException e) {
                    throw new DemoStage.Failure("cannot read " + table + ": " + e.getMessage());
                }
                // "sl local_address rem_address st ...": local_address is HEXADDRESS:HEXPORT.
                for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 3 && Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1), 16) == port
                            && (state == null || state.equals(fields[3]))) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** A port the kernel picks as free on 0.0.0.0, released again for the program to bind. */
        int freePort() throws IOException {
            try (NetworkChannel channel = this == TCP
                    ? ServerSocketChannel.open(StandardProtocolFamily.INET)
                    : DatagramChannel.open(StandardProtocolFamily.INET)) {
                return ((InetSocketAddress) channel.bind(new InetSocketAddress("0.0.0.0", 0)).getLocalAddress()).getPort();
            }
        }
    }

    /** A client of step 4, played by the demo on its role's thread, where all its socket calls happen. */
    private static final class EchoClient {
        private final DemoStage.Role role;
        private final String label;
        private final int serverPort;
        /** The client's socket; used on the role's thread only. */
        private Socket socket;
        /** The client's own port, as the server names it. */
        private int port;

        EchoClient(DemoStage.Role role, int serverPort) {
            this.role = role;
            this.label = role.name();
            this.serverPort = serverPort;
        }

        /** socket, connect; returns the client's port. */
        int connect() throws Exception {
            port = role.call(label, READY_WITHIN, () -> {
                socket = Socket.socket(AF_INET, SOCK_STREAM, 0);
                socket.connect(new InetSockAddr(Ipv4Address.LOOPBACK, serverPort));
                return ((InetSockAddr) socket.getsockname()).port();
            });
            return port;
        }

        /** Sends {@code text} and receives until its echo is complete. */
        void exchange(String text) throws Exception {
            role.call(label, READY_WITHIN, () -> {
                byte[] message = text.getBytes(StandardCharsets.US_ASCII);
                socket.sendall(message, 0);
                ByteArrayOutputStream echo = new ByteArrayOutputStream();
                while (echo.size() < message.length) {
                    byte[] part = socket.recv(message.length - echo.size(), 0);
                    if (part.length == 0) {
                        throw new DemoStage.Failure("the server closed the connection before echoing " + quoted(message));
                    }
                    echo.writeBytes(part);
                }
                role.out().println("sent " + quoted(message) + ", got back " + quoted(echo.toByteArray()));
                if (!Arrays.equals(echo.toByteArray(), message)) {
                    throw new DemoStage.Failure("the echo differs from what was sent");
                }
                return null;
            });
        }

        /** close(), after SO_LINGER 0 if {@code reset} (the server gets a reset); returns the client's port. */
        int close(boolean reset) throws Exception {
            role.call(label, READY_WITHIN, () -> {
                if (reset) {
                    socket.setLinger(Optional.of(Duration.ZERO));
                    role.out().println("close() with SO_LINGER 0: the server gets a reset");
                } else {
                    role.out().println("close()");
                }
                socket.close();
                return null;
            });
            return port;
        }

        /** {@code bytes} as a C string literal: ASCII, with {@code \n} for a newline. */
        private static String quoted(byte[] bytes) {
            return "\"" + new String(bytes, StandardCharsets.US_ASCII).replace("\\", "\\\\").replace("\"", "\\\"")
                    .replace("\n", "\\n") + "\"";
        }
    }
}
