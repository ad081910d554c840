package dev.sockit.net;

import static dev.sockit.net.Poll.POLLERR;
import static dev.sockit.net.Poll.POLLHUP;
import static dev.sockit.net.Poll.POLLIN;
import static dev.sockit.net.Poll.POLLNVAL;
import static dev.sockit.net.Poll.POLLOUT;
import static dev.sockit.net.Poll.POLLPRI;
import static dev.sockit.net.Poll.POLLRDBAND;
import static dev.sockit.net.Poll.POLLRDNORM;
import static dev.sockit.net.Poll.POLLWRBAND;
import static dev.sockit.net.Poll.POLLWRNORM;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * C's {@code select(2)} and Python's {@code select.select(rlist, wlist, xlist, timeout)} over
 * sockit sockets.
 *
 * <p>A socket is ready as Linux's {@code select} decides, from the events its {@code poll}
 * reports (see {@link Poll}): readable with {@code POLLIN}, {@code POLLHUP} or {@code POLLERR}
 * (a listener with a connection to accept; data, end of stream or a reset; also a TCP socket
 * neither connected nor listening, which Linux reports hung up); writable with {@code POLLOUT}
 * or {@code POLLERR} (room to send; a non-blocking connect that completed, or failed: then it
 * is readable too and {@code SO_ERROR} tells why); exceptional with {@code POLLPRI} only (TCP
 * urgent data), so {@code except} is usually empty. Sockets in blocking mode work as well as
 * non-blocking ones.
 *
 * <p>Any number of threads may call {@code select} at once, on the same sockets too.
 */
public final class Select {
    private static final int READABLE = POLLIN | POLLRDNORM | POLLRDBAND | POLLHUP | POLLERR;
    private static final int WRITABLE = POLLOUT | POLLWRNORM | POLLWRBAND | POLLERR;
    private static final int EXCEPTIONAL = POLLPRI;

    private Select() {
    }

    /**
     * Waits until at least one socket is ready as its list asks, or {@code timeout} passes, and
     * returns the ready ones: all three lists empty once the timeout passed.
     * {@link Duration#ZERO} looks and returns at once. A socket may be in several lists. Blocks
     * for up to {@code timeout}; with three empty lists, it just waits out the timeout.
     *
     * @throws SocketError {@code EBADF} if a socket is closed, as Linux's {@code select} fails
     *     for a closed descriptor; {@code EINTR} if the thread is interrupted while waiting (its
     *     interrupt status stays set); {@code EADDRINUSE} if a socket whose connect failed
     *     cannot be bound again where it was (see {@link Socket})
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public static Selected select(List<Socket> read, List<Socket> write, List<Socket> except, Duration timeout)
            throws IOException {
        Objects.requireNonNull(timeout, "timeout");
        return traced(read, write, except, Readiness.deadline(timeout), Deadline.toNanos(timeout));
    }

    /** {@link #select(List, List, List, Duration)} without a timeout: waits for ever. */
    public static Selected select(List<Socket> read, List<Socket> write, List<Socket> except) throws IOException {
        return traced(read, write, except, Deadline.never(), -1);
    }

    /** Selects with the best source; {@code timeoutNanos} is the timeout given, -1 for none, for the trace. */
    private static Selected traced(List<Socket> read, List<Socket> write, List<Socket> except, Deadline deadline,
            long timeoutNanos) throws IOException {
        Selected selected;
        try {
            selected = select(read, write, except, deadline, Readiness.Source.best());
        } catch (IOException e) {
            throw Trace.ENABLED ? Trace.failed("select", arguments(read, write, except, timeoutNanos), e) : e;
        }
        if (Trace.ENABLED) {
            List<Integer> in = TraceFormat.fds(selected.read());
            List<Integer> out = TraceFormat.fds(selected.write());
            List<Integer> urgent = TraceFormat.fds(selected.except());
            Trace.returned("select", arguments(read, write, except, timeoutNanos),
                    TraceFormat.selectCount(in, out, urgent),
                    TraceFormat.selectResult(in, out, urgent, deadline.remainingNanos(), timeoutNanos >= 0));
        }
        return selected;
    }

    private static String arguments(List<Socket> read, List<Socket> write, List<Socket> except, long timeoutNanos) {
        return TraceFormat.select(TraceFormat.fds(read), TraceFormat.fds(write), TraceFormat.fds(except), timeoutNanos);
    }

    static Selected select(List<Socket> read, List<Socket> write, List<Socket> except, Deadline deadline,
            Readiness.Source source) throws IOException {
        Map<Socket, Integer> interest = new LinkedHashMap<>();
        add(interest, read, "read", READABLE);
        add(interest, write, "write", WRITABLE);
        add(interest, except, "except", EXCEPTIONAL);
        List<Socket> sockets = new ArrayList<>(interest.keySet());
        for (Socket socket : sockets) {
            if (socket.pollProbe.status().phase() == SocketStatus.Phase.CLOSED) {
                throw closed();
            }
        }
        int[] events = Readiness.await(sockets, interest.values().stream().mapToInt(Integer::intValue).toArray(), 0,
                deadline, source, "select");
        Map<Socket, Integer> found = new LinkedHashMap<>();
        for (int i = 0; i < events.length; i++) {
            if ((events[i] & POLLNVAL) != 0) {
                throw closed();
            }
            found.put(sockets.get(i), events[i]);
        }
        return new Selected(ready(read, found, READABLE), ready(write, found, WRITABLE),
                ready(except, found, EXCEPTIONAL));
    }

    private static void add(Map<Socket, Integer> interest, List<Socket> list, String name, int events) {
        Objects.requireNonNull(list, name);
        for (Socket socket : list) {
            Objects.requireNonNull(socket, name + ": a null socket");
            interest.merge(socket, events, (a, b) -> a | b);
        }
    }

    private static List<Socket> ready(List<Socket> list, Map<Socket, Integer> found, int events) {
        return list.stream().filter(socket -> (found.get(socket) & events) != 0).toList();
    }

    private static IOException closed() {
        return Errors.of(Errno.EBADF, "select", "", "a socket is closed");
    }
}
