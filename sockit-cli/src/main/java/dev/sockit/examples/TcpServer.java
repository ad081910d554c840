package dev.sockit.examples;

import static dev.sockit.addr.AddressFamily.AF_INET;
import static dev.sockit.addr.SocketType.SOCK_STREAM;

import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.Ipv4Address;
import dev.sockit.net.Accepted;
import dev.sockit.net.Socket;
import dev.sockit.net.SocketError;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The lecture's TCP server, {@code lecture_tcp_server.c} (after "server.c" of the Linux Howtos
 * socket tutorial), with sockit. It serves one client, once, and behaves as the C program
 * does, byte for byte:
 *
 * <pre>
 *   usage: sockit example tcp-server PORT
 * </pre>
 *
 * <ul>
 *   <li>No PORT: stderr {@code ERROR, no port provided}, exit 1. PORT is read as C's
 *       {@code atoi()} reads it: text that is no number is port 0.</li>
 *   <li>{@code socket}, {@code bind} to {@code 0.0.0.0:PORT} (no {@code SO_REUSEADDR}),
 *       {@code listen}, {@code accept} one client; a failing call prints what {@code perror}
 *       prints ({@code ERROR on binding: Address already in use}) and exits 1.</li>
 *   <li>Reads up to 255 bytes, prints {@code Here is the message: } and them as a C string
 *       (up to a NUL byte), a newline, answers {@code I got your message}, exits 0.</li>
 * </ul>
 *
 * <p>Where C calls {@code exit(1)}, {@link #run} returns 1; sockets are closed on every path.
 */
public final class TcpServer {
    private TcpServer() {
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
        if (args.length < 1) {
            err.print("ERROR, no port provided\n");
            return 1;
        }

        Socket listener;
        try {
            listener = Socket.socket(AF_INET, SOCK_STREAM, 0);
        } catch (IOException e) {
            return fail(err, "ERROR opening socket", e);
        }
        try {
            // struct sockaddr_in: INADDR_ANY, htons(atoi(argv[1])).
            InetSockAddr local = new InetSockAddr(Ipv4Address.ANY, atoi(args[0]) & 0xffff);
            try {
                listener.bind(local);
            } catch (IOException e) {
                return fail(err, "ERROR on binding", e);
            }
            try {
                listener.listen(5);
            } catch (IOException ignored) {
                // C ignores listen()'s result; accept() then fails, with EINVAL.
            }

            Accepted accepted;
            try {
                accepted = listener.accept();
            } catch (IOException e) {
                return fail(err, "ERROR on accept", e);
            }
            Socket connection = accepted.socket();
            try {
                byte[] message;
                try {
                    message = connection.recv(255, 0);
                } catch (IOException e) {
                    return fail(err, "ERROR reading from socket", e);
                }
                // printf("Here is the message: %s\n", message): the bytes up to the first NUL.
                out.print("Here is the message: ");
                out.write(message, 0, strlen(message));
                out.print("\n");

                try {
                    connection.send("I got your message".getBytes(StandardCharsets.US_ASCII), 0);
                } catch (IOException e) {
                    return fail(err, "ERROR writing to socket", e);
                }
            } finally {
                close(connection);
            }
        } finally {
            close(listener);
        }
        return 0;
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
