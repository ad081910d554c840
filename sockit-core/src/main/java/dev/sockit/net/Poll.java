package dev.sockit.net;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A poll object, as Python's {@code select.poll()}: a set of sockets, each with the events it
 * is waited for, and {@link #poll}, which waits as C's {@code poll(2)} does and reports each
 * socket's {@code revents} as Linux reports them.
 *
 * <pre>{@code
 * Poll poll = new Poll();
 * poll.register(listener, Poll.POLLIN);
 * for (PollEvent event : poll.poll(Duration.ofSeconds(1))) {
 *     if ((event.revents() & Poll.POLLIN) != 0) { ... }
 * }
 * }</pre>
 *
 * <p>The event bits have Linux's values. As on Linux, {@code POLLERR}, {@code POLLHUP} and
 * {@code POLLNVAL} are reported whether asked for or not, and the other bits only when asked
 * for: a connected TCP socket with data reports {@code POLLIN|POLLOUT} to the default events and
 * {@code POLLIN|POLLRDNORM|POLLOUT|POLLWRNORM} to a caller who asks for those too. Sockets in
 * blocking mode are polled as well as non-blocking ones; a socket's mode never matters here.
 *
 * <p>A reset's error is left pending as on Linux: poll reports {@code POLLERR} and takes
 * nothing; the next receive, send or {@code SO_ERROR} reports the error. Data is never taken
 * either: the next receive returns it.
 *
 * <p>How exact: with {@code --add-opens java.base/sun.nio.ch=dev.sockit} (or
 * {@code =ALL-UNNAMED} on the class path) sockit asks the kernel's {@code poll} about each
 * socket, and the {@code revents} are Linux's own. Without it, sockit derives them from NIO's
 * readiness and its own state; to tell data from end of stream from a reset on a readable TCP
 * stream it asks the kernel how many bytes wait ({@code FIONREAD}) and reads only when none do
 * (on a UNIX stream, where the JDK cannot ask, it reads up to 8 KiB, which the next receive
 * returns as after a {@code MSG_PEEK}). Then {@code POLLPRI} (TCP urgent data) is never reported; a UDP socket's
 * pending ICMP error shows as {@code POLLIN}, not {@code POLLERR}; end of stream behind unread
 * data shows no {@code POLLRDHUP} until the data is read; and a TCP reset after the peer's end
 * of stream, or a UNIX stream whose peer closed, shows no {@code POLLERR} or {@code POLLHUP}.
 *
 * <p>Either way: NIO cannot wait for urgent data, so {@code POLLPRI} is reported when present,
 * but its arrival alone does not end a wait; and a socket whose non-blocking connect failed
 * reports, once {@code SO_ERROR} has been read, {@code POLLOUT|POLLWRNORM|POLLHUP} as a fresh
 * socket does (sockit has replaced its channel; see {@link Socket}), where Linux adds
 * {@code POLLIN|POLLRDNORM|POLLRDHUP}.
 *
 * <p>Threads: as in Python, one thread at a time polls a poll object; a second thread that
 * calls {@link #poll} while one waits gets {@link IllegalStateException}, as Python raises
 * {@code RuntimeError}. {@link #register}, {@link #modify} and {@link #unregister} may come from
 * any thread and never wait for a poll; they take effect at the next {@link #poll}. Sockets are
 * told apart by identity.
 */
public final class Poll {
    /** {@code POLLIN}: there is data to read (a connection to accept, end of stream). */
    public static final int POLLIN = 0x1;
    /** {@code POLLPRI}: there is urgent data (TCP out-of-band) to read. */
    public static final int POLLPRI = 0x2;
    /** {@code POLLOUT}: a send would not block. */
    public static final int POLLOUT = 0x4;
    /** {@code POLLERR}: an error is pending (reported even if not asked for). */
    public static final int POLLERR = 0x8;
    /** {@code POLLHUP}: hang-up, both directions are shut (reported even if not asked for). */
    public static final int POLLHUP = 0x10;
    /** {@code POLLNVAL}: the socket is closed (reported even if not asked for). */
    public static final int POLLNVAL = 0x20;
    /** {@code POLLRDNORM}: normal data to read; with {@code POLLIN} on Linux sockets. */
    public static final int POLLRDNORM = 0x40;
    /** {@code POLLRDBAND}: priority-band data to read; Linux sockets never report it. */
    public static final int POLLRDBAND = 0x80;
    /** {@code POLLWRNORM}: as {@code POLLOUT}. */
    public static final int POLLWRNORM = 0x100;
    /** {@code POLLWRBAND}: priority data may be written; UDP and UNIX sockets report it with {@code POLLOUT}. */
    public static final int POLLWRBAND = 0x200;
    /** {@code POLLRDHUP}: the peer shut down its writing side (end of stream). */
    public static final int POLLRDHUP = 0x2000;
    /** What {@link #register(Socket)} waits for, as Python's default: {@code POLLIN|POLLPRI|POLLOUT}. */
    public static final int DEFAULT_EVENTS = POLLIN | POLLPRI | POLLOUT;

    private static final int ALWAYS = POLLERR | POLLHUP;
    /** The bits strace names, in its order. */
    private static final int[] BITS = {
        POLLIN, POLLPRI, POLLOUT, POLLERR, POLLHUP, POLLNVAL, POLLRDNORM, POLLRDBAND, POLLWRNORM, POLLWRBAND,
        0x400, 0x1000, POLLRDHUP, 0x8000,
    };
    private static final String[] NAMES = {
        "POLLIN", "POLLPRI", "POLLOUT", "POLLERR", "POLLHUP", "POLLNVAL", "POLLRDNORM", "POLLRDBAND", "POLLWRNORM",
        "POLLWRBAND", "POLLMSG", "POLLREMOVE", "POLLRDHUP", "POLL_BUSY_LOOP",
    };

    private final Readiness.Source source;
    private final ReentrantLock lock = new ReentrantLock();
    /** Each registered socket and its events, in the order first registered; guarded by lock. */
    private final Map<Socket, Integer> registered = new LinkedHashMap<>();
    private final AtomicBoolean polling = new AtomicBoolean();

    /** An empty poll object, as Python's {@code select.poll()}. */
    public Poll() {
        this(Readiness.Source.best());
    }

    Poll(Readiness.Source source) {
        this.source = source;
    }

    /**
     * Waits for {@code events} on {@code socket}, as Python's {@code register(fd, eventmask)};
     * registering a socket again replaces its events. A closed socket may be registered: it
     * reports {@code POLLNVAL}, as C's {@code poll} does for a closed descriptor (where Python
     * refuses a closed socket object, whose {@code fileno()} is -1). Does not block.
     *
     * @throws IllegalArgumentException if {@code events} is outside 0-0xffff ({@code short events})
     */
    public void register(Socket socket, int events) {
        Objects.requireNonNull(socket, "socket");
        checkEvents(events);
        lock.lock();
        try {
            registered.put(socket, events);
        } finally {
            lock.unlock();
        }
    }

    /** {@link #register(Socket, int)} with {@link #DEFAULT_EVENTS}, as Python's {@code register(fd)}. */
    public void register(Socket socket) {
        register(socket, DEFAULT_EVENTS);
    }

    /**
     * Changes the events of a registered socket, as Python's {@code modify(fd, eventmask)}. Does
     * not block.
     *
     * @throws SocketError {@code ENOENT} if {@code socket} is not registered (Python's
     *     {@code FileNotFoundError})
     * @throws IllegalArgumentException if {@code events} is outside 0-0xffff
     */
    public void modify(Socket socket, int events) throws IOException {
        Objects.requireNonNull(socket, "socket");
        checkEvents(events);
        lock.lock();
        try {
            if (registered.replace(socket, events) == null) {
                throw Errors.of(Errno.ENOENT, "modify", "", "the socket is not registered");
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops waiting for {@code socket}, as Python's {@code unregister(fd)}. Does not block.
     *
     * @throws NoSuchElementException if {@code socket} is not registered (Python's {@code KeyError})
     */
    public void unregister(Socket socket) {
        Objects.requireNonNull(socket, "socket");
        lock.lock();
        try {
            if (registered.remove(socket) == null) {
                throw new NoSuchElementException("unregister: the socket is not registered");
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until a registered socket has an event it is registered for, or
     * {@code POLLERR}, {@code POLLHUP} or {@code POLLNVAL}, or {@code timeout} passes, as C's
     * {@code poll(fds, nfds, timeout)} and Python's {@code poll(timeout)}; returns every socket
     * with events, in the order registered, or an empty list once the timeout passed.
     * {@link Duration#ZERO} looks and returns at once. Blocks for up to {@code timeout}; with
     * nothing registered, it just waits out the timeout.
     *
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws IllegalStateException if another thread is polling this object
     * @throws SocketError {@code EINTR} if the thread is interrupted while waiting (its
     *     interrupt status stays set); {@code EADDRINUSE} if a socket whose connect failed
     *     cannot be bound again where it was (see {@link Socket})
     */
    public List<PollEvent> poll(Duration timeout) throws IOException {
        Objects.requireNonNull(timeout, "timeout");
        return poll(Readiness.deadline(timeout), Deadline.toNanos(timeout));
    }

    /** {@link #poll(Duration)} without a timeout: waits for ever, as Python's {@code poll()}. */
    public List<PollEvent> poll() throws IOException {
        return poll(Deadline.never(), -1);
    }

    /** Polls until {@code deadline}; {@code timeoutNanos} is the timeout given, -1 for none, for the trace. */
    private List<PollEvent> poll(Deadline deadline, long timeoutNanos) throws IOException {
        if (!polling.compareAndSet(false, true)) {
            throw new IllegalStateException("poll: concurrent poll() invocation (expected: one thread at a time)");
        }
        try {
            List<Socket> sockets;
            int[] asked;
            lock.lock();
            try {
                sockets = new ArrayList<>(registered.keySet());
                asked = registered.values().stream().mapToInt(Integer::intValue).toArray();
            } finally {
                lock.unlock();
            }
            int[] revents;
            try {
                revents = Readiness.await(sockets, asked, ALWAYS, deadline, source, "poll");
            } catch (IOException e) {
                throw Trace.ENABLED ? Trace.failed("poll", arguments(sockets, asked, timeoutNanos), e) : e;
            }
            List<PollEvent> events = new ArrayList<>();
            for (int i = 0; i < revents.length; i++) {
                if (revents[i] != 0) {
                    events.add(new PollEvent(sockets.get(i), revents[i]));
                }
            }
            if (Trace.ENABLED) {
                trace(sockets, asked, timeoutNanos, events);
            }
            return List.copyOf(events);
        } finally {
            polling.set(false);
        }
    }

    private static void trace(List<Socket> sockets, int[] asked, long timeoutNanos, List<PollEvent> events) {
        List<Integer> ready = TraceFormat.fds(events.stream().map(PollEvent::socket).toList());
        int[] revents = events.stream().mapToInt(PollEvent::revents).toArray();
        Trace.returned("poll", arguments(sockets, asked, timeoutNanos), events.size(),
                TraceFormat.pollResult(ready, revents));
    }

    private static String arguments(List<Socket> sockets, int[] asked, long timeoutNanos) {
        return TraceFormat.poll(TraceFormat.fds(sockets), asked, timeoutNanos);
    }

    /**
     * {@code events} as strace names them: {@code POLLIN|POLLOUT}, {@code 0} for none, other bits
     * in hex ({@code POLLIN|0x800}, or {@code 0x800 /* POLL??? *}{@code /} alone).
     */
    static String names(int events) {
        List<String> parts = new ArrayList<>();
        int unknown = events;
        for (int i = 0; i < BITS.length; i++) {
            if ((events & BITS[i]) != 0) {
                parts.add(NAMES[i]);
                unknown &= ~BITS[i];
            }
        }
        if (unknown != 0) {
            String hex = "0x" + Integer.toHexString(unknown);
            parts.add(parts.isEmpty() ? hex + " /* POLL??? */" : hex);
        }
        return parts.isEmpty() ? "0" : String.join("|", parts);
    }

    private static void checkEvents(int events) {
        if (events < 0 || events > 0xffff) {
            throw new IllegalArgumentException("events: 0x" + Integer.toHexString(events) + " (expected: 0-0xffff)");
        }
    }
}
