package dev.sockit.examples;

import static dev.sockit.addr.AddressFamily.AF_INET;
import static dev.sockit.addr.SocketType.SOCK_STREAM;
import static dev.sockit.net.Poll.POLLERR;
import static dev.sockit.net.Poll.POLLHUP;
import static dev.sockit.net.Poll.POLLIN;

import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.Ipv4Address;
import dev.sockit.net.Accepted;
import dev.sockit.net.Poll;
import dev.sockit.net.PollEvent;
import dev.sockit.net.Socket;
import dev.sockit.net.SocketError;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link SelectServer} with {@code poll} instead of {@code select}: ONE thread, an array of
 * {@code struct pollfd} (here a {@link Poll} object) holding the listening socket and every
 * client, each waiting for {@code POLLIN}. The same arguments, output and exit statuses as
 * {@link SelectServer}; only the waiting differs.
 *
 * <pre>
 *   usage: sockit example poll-server PORT [COUNT]
 * </pre>
 *
 * <p>{@code poll} reports {@code POLLHUP} and {@code POLLERR} whether asked for or not: a
 * client that reset shows {@code POLLERR}, and the {@code recv} that follows reports the
 * error ({@code ECONNRESET}), so every event on a client leads to one {@code recv}. As in
 * {@link SelectServer}, a client that never reads its echo could block the server's
 * {@code send} once the kernel's buffers are full; a production server waits for
 * {@code POLLOUT} instead.
 */
public final class PollServer {
    /** C's {@code argv[0]}, for the usage line. */
    private static final String PROGRAM = "sockit example poll-server";

    private PollServer() {
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
        // struct pollfd fds[]: every socket poll() watches, with the events it waits for; nfds
        // counts them, as C passes it to poll().
        Poll fds = new Poll();
        int nfds = 0;
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
            fds.register(listener, POLLIN); // fds[0] = {listener, POLLIN, 0}
            nfds++;

            long accepted = 0;
            while (nfds > 0) {
                // poll(fds, nfds, -1): the sockets with revents != 0
                List<PollEvent> events;
                try {
                    events = fds.poll();
                } catch (IOException e) {
                    return fail(err, "ERROR on poll", e);
                }
                for (PollEvent event : events) {
                    Socket fd = event.socket();
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
                        fds.register(client.socket(), POLLIN); // fds[nfds++] = {newfd, POLLIN, 0}
                        nfds++;
                        peers.put(client.socket(), peer);
                        if (++accepted == count) {
                            fds.unregister(listener); // no more clients: C sets fds[0].fd = -1, which poll() skips
                            nfds--;
                            close(listener);
                        }
                    } else if ((event.revents() & (POLLIN | POLLHUP | POLLERR)) != 0 && !echo(fd, peers.get(fd), out)) {
                        fds.unregister(fd); // fds[i] = fds[--nfds]
                        nfds--;
                        peers.remove(fd);
                        close(fd);
                    }
                }
            }
        } finally {
            close(listener);
            peers.keySet().forEach(PollServer::close);
        }
        return 0;
    }

    /**
     * Receives what {@code fd} has (poll said it would not block) and sends it back.
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
