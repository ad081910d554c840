package dev.sockit.examples;

import static dev.sockit.addr.AddressFamily.AF_INET;
import static dev.sockit.addr.SocketType.SOCK_STREAM;

import dev.sockit.addr.AddrInfoHints;
import dev.sockit.addr.GaiException;
import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.Ipv4Address;
import dev.sockit.addr.Resolver;
import dev.sockit.net.Socket;
import dev.sockit.net.SocketError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * The lecture's TCP client, {@code lecture_tcp_client.c} (after "client.c" of the Linux Howtos
 * socket tutorial), with sockit. It sends one line from stdin and prints the reply, and
 * behaves as the C program does, byte for byte:
 *
 * <pre>
 *   usage: sockit example tcp-client HOST PORT
 * </pre>
 *
 * <ul>
 *   <li>Fewer than 2 arguments: stderr {@code usage sockit example tcp-client hostname port}.
 *       PORT is read as C's {@code atoi()} reads it; HOST is a name or a dotted IPv4
 *       address, looked up as C's {@code gethostbyname()} does; none: {@code ERROR, no such host}.</li>
 *   <li>{@code connect} fails: {@code ERROR connecting: Connection refused} (what
 *       {@code perror} prints), before the prompt.</li>
 *   <li>Prints {@code Please enter the message: }, sends one line of stdin (up to 254 bytes,
 *       the newline kept), reads up to 255 bytes and prints them as a C string and a newline.</li>
 *   <li>Like the tutorial's client, it exits 0 even on errors.</li>
 * </ul>
 */
public final class TcpClient {
    /** C's {@code argv[0]}, for the usage line. */
    private static final String PROGRAM = "sockit example tcp-client";

    private TcpClient() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /**
     * C's {@code main}: {@code args} are {@code argv[1..]}.
     *
     * @return the exit status: 0, always
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length < 2) {
            err.print("usage " + PROGRAM + " hostname port\n");
            return 0;
        }
        int port = atoi(args[1]);

        Socket fd;
        try {
            fd = Socket.socket(AF_INET, SOCK_STREAM, 0);
        } catch (IOException e) {
            return fail(err, "ERROR opening socket", e);
        }
        try {
            Optional<Ipv4Address> host = gethostbyname(args[0]);
            if (host.isEmpty()) {
                err.print("ERROR, no such host\n");
                return 0;
            }

            // struct sockaddr_in: the host's first address, htons(port).
            InetSockAddr server = new InetSockAddr(host.get(), port & 0xffff);
            try {
                fd.connect(server);
            } catch (IOException e) {
                return fail(err, "ERROR connecting", e);
            }

            out.print("Please enter the message: ");
            out.flush(); // C's stdio flushes a terminal's stdout before it reads stdin
            byte[] buffer = fgets(255, in);
            try {
                fd.send(Arrays.copyOf(buffer, strlen(buffer)), 0);
            } catch (IOException e) {
                return fail(err, "ERROR writing to socket", e);
            }

            byte[] reply;
            try {
                reply = fd.recv(255, 0);
            } catch (IOException e) {
                return fail(err, "ERROR reading from socket", e);
            }
            // printf("%s\n", buffer): the bytes up to the first NUL.
            out.write(reply, 0, strlen(reply));
            out.print("\n");
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
     * C's {@code fgets(buffer, size, stdin)}: bytes up to and with the first newline, at most
     * {@code size - 1}; at end of input (or on an error) what was read, maybe nothing.
     */
    private static byte[] fgets(int size, InputStream in) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int c = 0;
            while (line.size() < size - 1 && c != '\n' && (c = in.read()) >= 0) {
                line.write(c);
            }
        } catch (IOException e) {
            return new byte[0]; // fgets() gives NULL, and the C program sends an empty buffer
        }
        return line.toByteArray();
    }

    /** C's {@code perror(what)} and the exit status, 0 as the tutorial's client has it. */
    private static int fail(PrintStream err, String what, IOException e) {
        String strerror = e instanceof SocketError error ? error.errno().message() : e.getMessage();
        err.print(what + ": " + strerror + "\n");
        return 0;
    }

    /** C's {@code close(fd)}, whose result the C program ignores. */
    private static void close(Socket fd) {
        try {
            fd.close();
        } catch (IOException ignored) {
            // As in C: nothing is left to do with the socket either way.
        }
    }

    /**
     * C's {@code atoi()}, as glibc has it ({@code (int) strtol(text, NULL, 10)}): leading white
     * space, a sign, then digits up to the first other character; none is 0, too many
     * saturate at the {@code long} limits before the cast to {@code int}.
     */
    private static int atoi(String text) {
        int i = 0;
        while (i < text.length() && " \t\n\u000b\f\r".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        boolean negative = i < text.length() && text.charAt(i) == '-';
        if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            i++;
        }
        long value = 0;
        boolean overflow = false;
        for (; i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9'; i++) {
            int digit = text.charAt(i) - '0';
            if (value > (Long.MAX_VALUE - digit) / 10) {
                overflow = true;
            } else {
                value = value * 10 + digit;
            }
        }
        if (overflow) {
            return (int) (negative ? Long.MIN_VALUE : Long.MAX_VALUE);
        }
        return (int) (negative ? -value : value);
    }

    /** C's {@code strlen()} of a buffer that C zeroed first: the bytes before the first NUL. */
    private static int strlen(byte[] buffer) {
        for (int i = 0; i < buffer.length; i++) {
            if (buffer[i] == 0) {
                return i;
            }
        }
        return buffer.length;
    }
}
