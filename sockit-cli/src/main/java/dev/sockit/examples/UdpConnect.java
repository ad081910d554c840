package dev.sockit.examples;

import static dev.sockit.addr.AddressFamily.AF_INET;
import static dev.sockit.addr.SocketType.SOCK_DGRAM;

import dev.sockit.addr.AddrInfoHints;
import dev.sockit.addr.GaiException;
import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.Ipv4Address;
import dev.sockit.addr.Resolver;
import dev.sockit.net.Errno;
import dev.sockit.net.Socket;
import dev.sockit.net.SocketError;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Optional;

/**
 * The lecture's connected UDP client, {@code lecture_udp_connect.c}, with sockit. ONE socket
 * is connected to PORT1, sends and reads, then is connected again to PORT2 and does the
 * same. A connected UDP socket is told of ICMP errors: a closed port shows as
 * {@code ECONNREFUSED} on the read. It behaves as the C program does, byte for byte:
 *
 * <pre>
 *   usage: sockit example udp-connect HOST PORT1 PORT2 MESSAGE
 * </pre>
 *
 * <ul>
 *   <li>PORT1 and PORT2 are decimal numbers 1-65535; a wrong number of arguments or a bad
 *       port: stderr {@code usage sockit example udp-connect hostname port1 port2 message},
 *       exit 1. HOST is a name or a dotted IPv4 address, looked up as C's
 *       {@code gethostbyname()} does; none: {@code ERROR, no such host}, exit 1.</li>
 *   <li>{@code SO_RCVTIMEO} of 3 s; then for PORT1 and PORT2: {@code connect}, write MESSAGE's
 *       bytes, read up to 1024 bytes, stdout {@code Reply from A.B.C.D:PORT: }, the reply, a
 *       newline. No reply in time: {@code ERROR, no reply within 3 s}, exit 1; a closed port:
 *       {@code ERROR reading from socket: Connection refused}, exit 1.</li>
 * </ul>
 */
public final class UdpConnect {
    /** C's {@code argv[0]}, for the usage line. */
    private static final String PROGRAM = "sockit example udp-connect";

    private UdpConnect() {
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
        long port1 = args.length == 4 ? decimal(args[1], 1, 65535) : -1;
        long port2 = args.length == 4 ? decimal(args[2], 1, 65535) : -1;
        if (port1 < 0 || port2 < 0) {
            err.print("usage " + PROGRAM + " hostname port1 port2 message\n");
            return 1;
        }
        // argv[4] as the bytes C would have: the JVM decoded them with the system's encoding.
        byte[] message = args[3].getBytes(Charset.forName(System.getProperty("native.encoding")));

        Socket fd;
        try {
            fd = Socket.socket(AF_INET, SOCK_DGRAM, 0);
        } catch (IOException e) {
            return fail(err, "ERROR opening socket", e);
        }
        try {
            Optional<Ipv4Address> host = gethostbyname(args[0]);
            if (host.isEmpty()) {
                err.print("ERROR, no such host\n");
                return 1;
            }

            // setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, {3 s}): sockit takes a Duration.
            try {
                fd.setReceiveTimeout(Duration.ofSeconds(3));
            } catch (IOException e) {
                return fail(err, "ERROR setting SO_RCVTIMEO", e);
            }

            // The C program's exchange(), for PORT1 and then PORT2, on the same socket.
            for (long port : new long[] {port1, port2}) {
                InetSockAddr server = new InetSockAddr(host.get(), (int) port);
                try {
                    fd.connect(server);
                } catch (IOException e) {
                    return fail(err, "ERROR connecting", e);
                }
                try {
                    fd.send(message, 0);
                } catch (IOException e) {
                    return fail(err, "ERROR writing to socket", e);
                }

                byte[] reply;
                try {
                    reply = fd.recv(1024, 0);
                } catch (IOException e) {
                    if (e instanceof SocketError error && error.errno() == Errno.EAGAIN) {
                        err.print("ERROR, no reply within 3 s\n");
                        return 1;
                    }
                    return fail(err, "ERROR reading from socket", e);
                }

                out.print("Reply from " + server.address() + ":" + port + ": ");
                out.write(reply, 0, reply.length);
                out.print("\n");
                out.flush();
            }
        } finally {
            close(fd);
        }
        return 0;
    }

    /**
     * C's {@code gethostbyname(name)->h_addr_list[0]}: the first IPv4 address of a name or a
     * dotted address, or empty where C gets {@code NULL}. sockit has {@code getaddrinfo},
     * which answers {@code AF_INET} as glibc's {@code gethostbyname} does.
     */
    private static Optional<Ipv4Address> gethostbyname(String name) {
        try {
            return Optional.of((Ipv4Address) Resolver.getaddrinfo(name, null, AddrInfoHints.ANY.withFamily(AF_INET))
                    .get(0).address().address());
        } catch (GaiException e) {
            return Optional.empty();
        }
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
