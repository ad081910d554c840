package dev.sockit.examples;

import static dev.sockit.addr.AddressFamily.AF_INET;
import static dev.sockit.addr.SocketType.SOCK_DGRAM;

import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.Ipv4Address;
import dev.sockit.net.Datagram;
import dev.sockit.net.Socket;
import dev.sockit.net.SocketError;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The lecture's UDP echo server, {@code lecture_udp_server.c}, with sockit. It answers every
 * datagram with {@code ACK: } and the datagram's bytes, and behaves as the C program does,
 * byte for byte:
 *
 * <pre>
 *   usage: sockit example udp-server PORT [COUNT]
 * </pre>
 *
 * <ul>
 *   <li>PORT is a decimal number 1-65535, COUNT one of 1-2147483647 (default: serve for
 *       ever); anything else: stderr {@code usage sockit example udp-server port [count]}, exit 1.</li>
 *   <li>{@code socket}, {@code bind} to {@code 0.0.0.0:PORT}; a failing call prints what
 *       {@code perror} prints ({@code ERROR on binding: Address already in use}) and exits 1.</li>
 *   <li>For each datagram (cut to 1024 bytes): stdout {@code Received N bytes from A.B.C.D:P: },
 *       the bytes, a newline; then {@code sendto} the sender {@code ACK: } and the bytes.
 *       After COUNT datagrams, exit 0.</li>
 * </ul>
 */
public final class UdpServer {
    /** C's {@code argv[0]}, for the usage line. */
    private static final String PROGRAM = "sockit example udp-server";

    private UdpServer() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /**
     * C's {@code main}: {@code args} are {@code argv[1..]}.
     *
     * @return the exit status
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        long port = args.length == 1 || args.length == 2 ? decimal(args[0], 1, 65535) : -1;
        long count = args.length == 2 ? decimal(args[1], 1, Integer.MAX_VALUE) : 0;
        if (port < 0 || count < 0) {
            err.print("usage " + PROGRAM + " port [count]\n");
            return 1;
        }

        Socket fd;
        try {
            fd = Socket.socket(AF_INET, SOCK_DGRAM, 0);
        } catch (IOException e) {
            return fail(err, "ERROR opening socket", e);
        }
        try {
            // struct sockaddr_in: INADDR_ANY, htons(port).
            InetSockAddr local = new InetSockAddr(Ipv4Address.ANY, (int) port);
            try {
                fd.bind(local);
            } catch (IOException e) {
                return fail(err, "ERROR on binding", e);
            }

            byte[] ack = "ACK: ".getBytes(StandardCharsets.US_ASCII);
            for (long served = 0; count == 0 || served < count; served++) {
                // recvfrom() gives the bytes (a longer datagram cut to 1024) and the sender.
                Datagram datagram;
                try {
                    datagram = fd.recvfrom(1024, 0);
                } catch (IOException e) {
                    return fail(err, "ERROR in recvfrom", e);
                }
                byte[] data = datagram.data();
                InetSockAddr peer = (InetSockAddr) datagram.address();

                out.print("Received " + data.length + " bytes from " + peer.address() + ":" + peer.port() + ": ");
                out.write(data, 0, data.length);
                out.print("\n");
                out.flush();

                byte[] reply = new byte[ack.length + data.length];
                System.arraycopy(ack, 0, reply, 0, ack.length);
                System.arraycopy(data, 0, reply, ack.length, data.length);
                try {
                    fd.sendto(reply, 0, peer);
                } catch (IOException e) {
                    return fail(err, "ERROR in sendto", e);
                }
            }
        } finally {
            close(fd);
        }
        return 0;
    }

    /**
     * The C program's {@code decimal()}: {@code text} as a decimal number in
     * {@code min..max}, or -1. Only digits are allowed (no sign, no space), as the C program
     * checks {@code strtol()}'s result; a number too long for a {@code long} is
     * {@code strtol()}'s {@code ERANGE}.
     */
    private static long decimal(String text, long min, long max) {
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException outOfRange) {
            return -1;
        }
        return value < min || value > max ? -1 : value;
    }

    /** C's {@code perror(what); exit(1)}: {@code what: strerror(errno)} on stderr, and the status. */
    private static int fail(PrintStream err, String what, IOException e) {
        String strerror = e instanceof SocketError error ? error.errno().message() : e.getMessage();
        err.print(what + ": " + strerror + "\n");
        return 1;
    }

    /** C's {@code close(fd)}, whose result the C program ignores. */
    private static void close(Socket fd) {
        try {
            fd.close();
        } catch (IOException ignored) {
            // As in C: nothing is left to do with the socket either way.
        }
    }
}
