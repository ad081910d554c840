package dev.sockit.net;

import dev.sockit.addr.AddressFamily;
import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.Ipv4Address;
import dev.sockit.addr.SockAddr;
import dev.sockit.addr.SocketType;
import dev.sockit.addr.UnixSockAddr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The calls {@link TraceProcessTest} traces: run in a JVM of its own with
 * {@code -Dsockit.trace=stdout}, since {@link Trace#ENABLED} is fixed per JVM. Its twin in C,
 * {@code src/test/c/trace_demo.c}, makes the same calls in the same order, so that strace's
 * lines for it and sockit's lines for this can be compared.
 *
 * <p>One thread, in an order that makes every line deterministic: a TCP exchange on loopback
 * (connect completes into the listener's queue before the accept), a select and a poll, a
 * receive that finds nothing, a long message, a refused connect, a UDP exchange, a select that
 * times out, and a UNIX-domain connection at the path given as the only argument. Writes
 * nothing but the trace to stdout.
 */
final class TraceDemo {
    private TraceDemo() {
    }

    public static void main(String[] args) throws IOException {
        tcp();
        udp();
        unix(new UnixSockAddr(args[0]));
    }

    private static void tcp() throws IOException {
        Socket server = Socket.socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM, 6);
        server.setsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_REUSEADDR, 1);
        server.bind(new InetSockAddr(Ipv4Address.LOOPBACK, 0));
        server.listen(5);
        SockAddr address = server.getsockname();
        Socket client = Socket.socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM);
        client.connect(address);
        Socket accepted = server.accept().socket();

        client.send(ascii("hello\n"), 0);
        Select.select(List.of(server, accepted), List.of(), List.of(), Duration.ofSeconds(1));
        accepted.recv(255, 0);
        expectFailure(() -> accepted.recv(255, Socket.MSG_DONTWAIT));
        accepted.send(ascii("I got your message"), 0);
        Poll poll = new Poll();
        poll.register(client, Poll.POLLIN);
        poll.register(server, Poll.POLLIN);
        poll.poll();
        client.recv(255, Socket.MSG_PEEK);
        client.recv(255, 0);
        accepted.sendall(("012\u0001\u00021\r\n\t\"\\\u00ff" + "0123456789012345678901234567890")
                .getBytes(StandardCharsets.ISO_8859_1), 0);
        client.recv(3, Socket.MSG_WAITALL);
        client.recv(255, 0);
        client.shutdown(Socket.SHUT_WR);
        accepted.recv(255, 0);
        accepted.getpeername();
        client.getsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_ERROR);
        accepted.close();
        client.close();
        server.close();

        Socket refused = Socket.socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM, 6);
        expectFailure(() -> refused.connect(address));
        refused.close();
    }

    private static void udp() throws IOException {
        Socket receiver = Socket.socket(AddressFamily.AF_INET, SocketType.SOCK_DGRAM, 17);
        receiver.bind(new InetSockAddr(Ipv4Address.LOOPBACK, 0));
        SockAddr address = receiver.getsockname();
        Socket sender = Socket.socket(AddressFamily.AF_INET, SocketType.SOCK_DGRAM);
        sender.sendto(ascii("hi"), 0, address);
        Datagram datagram = receiver.recvfrom(1024, 0);
        receiver.sendto(ascii("ACK: hi"), 0, datagram.address());
        sender.recv(1024, 0);
        Select.select(List.of(receiver), List.of(), List.of(), Duration.ofMillis(10));
        receiver.close();
        sender.close();
    }

    private static void unix(UnixSockAddr path) throws IOException {
        Socket listener = Socket.socket(AddressFamily.AF_UNIX, SocketType.SOCK_STREAM);
        listener.bind(path);
        listener.listen(1);
        Socket client = Socket.socket(AddressFamily.AF_UNIX, SocketType.SOCK_STREAM);
        client.connect(path);
        Socket accepted = listener.accept().socket();
        client.getpeername();
        accepted.close();
        client.close();
        listener.close();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** A call expected to fail: its line shows how. */
    private static void expectFailure(SocketFixtures.Action call) {
        try {
            call.run();
        } catch (IOException expected) {
            return;
        }
        throw new AssertionError("the call did not fail");
    }
}
