package dev.sockit.examples;

import static dev.sockit.addr.AddressFamily.AF_INET;
import static dev.sockit.addr.SocketType.SOCK_STREAM;

import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.Ipv4Address;
import dev.sockit.net.Accepted;
import dev.sockit.net.Select;
import dev.sockit.net.Selected;
import dev.sockit.net.Socket;
import dev.sockit.net.SocketError;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to the lecture's "a server usually supports several clients": ONE thread, the
 * listening socket and every client socket in one {@code select} set. Whichever socket is
 * readable is served: the listener by {@code accept}, a client by echoing what it sent. Clients
 * come and go independently; one that closes or resets is dropped, and the others never notice.
 * {@link PollServer} is the same server with {@code poll}.
 *
 * <pre>
 *   usage: sockit example select-server PORT [COUNT]
 * </pre>
 *
 * <ul>
 *   <li>PORT is a decimal number 1-65535, COUNT one of 1-2147483647 (default: serve for
 *       ever); anything else: stderr {@code usage sockit example select-server port [count]}, exit 1.</li>
 *   <li>{@code socket}, {@code bind} to {@code 0.0.0.0:PORT} (no {@code SO_REUSEADDR}),
 *       {@code listen}; a failing call prints what {@code perror} prints
 *       ({@code ERROR on binding: Address already in use}) and exits 1. Then stdout
 *       {@code Listening on 0.0.0.0:PORT}.</li>
 *   <li>A new client: stdout {@code New connection from A.B.C.D:P}. After COUNT clients the
 *       listener is closed (later clients are refused) and the server exits 0 once the last
 *       of them has gone.</li>
 *   <li>Echo: every byte a client sends goes back to it unchanged, as it comes (a byte
 *       stream, not lines: a line may come in pieces, or several at once); stdout
 *       {@code Echoed N bytes to A.B.C.D:P} for each piece, before sending it.</li>
 *   <li>A client that closes: {@code Connection from A.B.C.D:P closed}; one whose receive or
 *       send fails: {@code Connection from A.B.C.D:P lost: } and the error, as
 *       {@code Connection reset by peer}. Either way it is closed and dropped; a peer's error
 *       is no error of the server's.</li>
 * </ul>
 *
 * <p>Kept simple for teaching: the sockets stay in blocking mode, which is safe for
 * {@code accept} and {@code recv} after {@code select} said they would not block. The echo's
 * {@code send} may still block if a client sends without ever reading, once the kernel's
 * buffers are full; a production server makes its sockets non-blocking, keeps what it could not
 * send, and waits for the socket to be writable too.
 */
public final class SelectServer {
    /** C's {@code argv[0]}, for the usage line. */
    private static final String PROGRAM = "sockit example select-server";

    private SelectServer() {
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

        Socket listener;
        try {
            listener = Socket.socket(AF_INET, SOCK_STREAM, 0);
        } catch (IOException e) {
            return fail(err, "ERROR opening socket", e);
        }
        // fd_set master: every socket select() watches; C keeps it apart because select()
        // overwrites the set it is given (sockit's returns a new list instead).
        List<Socket> master = new ArrayList<>();
        Map<Socket, InetSockAddr> peers = new HashMap<>();
        try {
            // struct sockaddr_in: INADDR_ANY, htons(port).
            InetSockAddr local = new InetSockAddr(Ipv4Address.ANY, (int) port);
            try {
                listener.bind(local);
            } catch (IOException e) {
                return fail(err, "ERROR on binding", e);
            }
            try {
                listener.listen(5);
            } catch (IOException e) {
                return fail(err, "ERROR on listen", e);
            }
            out.print("Listening on " + local.address() + ":" + local.port() + "\n");
            out.flush();
            master.add(listener); // FD_SET(listener, &master)

            long accepted = 0;
            while (!master.isEmpty()) {
                // readfds = master; select(fdmax + 1, &readfds, NULL, NULL, NULL)
                Selected ready;
                try {
                    ready = Select.select(master, List.of(), List.of());
                } catch (IOException e) {
                    return fail(err, "ERROR on select", e);
                }
                // for (fd = 0; fd <= fdmax; fd++) if (FD_ISSET(fd, &readfds))
                for (Socket fd : ready.read()) {
                    if (fd == listener) {
                        Accepted client;
                        try {
                            client = listener.accept();
                        } catch (IOException e) {
                            report(err, "ERROR on accept", e); // that connection is gone; the others are not
                            continue;
                        }
                        InetSockAddr peer = (InetSockAddr) client.address();
                        out.print("New connection from " + peer.address() + ":" + peer.port() + "\n");
                        out.flush();
                        master.add(client.socket()); // FD_SET(newfd, &master)
                        peers.put(client.socket(), peer);
                        if (++accepted == count) {
                            master.remove(listener); // FD_CLR(listener, &master)
                            close(listener);
                        }
                    } else if (!echo(fd, peers.get(fd), out)) {
                        master.remove(fd); // FD_CLR(fd, &master)
                        peers.remove(fd);
                        close(fd);
                    }
                }
            }
        } finally {
            close(listener);
            master.forEach(SelectServer::close);
        }
        return 0;
    }

    /**
     * Receives what {@code fd} has (select said it would not block) and sends it back.
     *
     * @return whether the client stays: false once it has closed or its connection failed
     */
    private static boolean echo(Socket fd, InetSockAddr peer, PrintStream out) {
        String who = peer.address() + ":" + peer.port();
        try {
            byte[] data = fd.recv(1024, 0);
            if (data.length == 0) {
                out.print("Connection from " + who + " closed\n");
                out.flush();
                return false;
            }
            out.print("Echoed " + data.length + " bytes to " + who + "\n");
            out.flush();
            fd.sendall(data, 0);
            return true;
        } catch (IOException e) {
            out.print("Connection from " + who + " lost: " + strerror(e) + "\n");
            out.flush();
            return false;
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
        report(err, what, e);
        return 1;
    }

    /** C's {@code perror(what)}: {@code what: strerror(errno)} on stderr. */
    private static void report(PrintStream err, String what, IOException e) {
        err.print(what + ": " + strerror(e) + "\n");
        err.flush();
    }

    private static String strerror(IOException e) {
        return e instanceof SocketError error ? error.errno().message() : e.getMessage();
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
