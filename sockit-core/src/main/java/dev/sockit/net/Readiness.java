package dev.sockit.net;

import static dev.sockit.net.Poll.POLLERR;
import static dev.sockit.net.Poll.POLLHUP;
import static dev.sockit.net.Poll.POLLIN;
import static dev.sockit.net.Poll.POLLNVAL;
import static dev.sockit.net.Poll.POLLOUT;
import static dev.sockit.net.Poll.POLLPRI;
import static dev.sockit.net.Poll.POLLRDBAND;
import static dev.sockit.net.Poll.POLLRDHUP;
import static dev.sockit.net.Poll.POLLRDNORM;
import static dev.sockit.net.Poll.POLLWRBAND;
import static dev.sockit.net.Poll.POLLWRNORM;

import dev.sockit.addr.AddressFamily;
import dev.sockit.addr.SocketType;
import dev.sockit.internal.NioInternals;
import java.io.IOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The engine under {@link Select} and {@link Poll}: waits until at least one of a set of sockets
 * has an event its caller wants, and says which events each has, as Linux's {@code poll(2)}
 * reports them.
 *
 * <p>Design: one call checks every socket, and if none has what its caller wants and time
 * remains, waits on a {@link Selector} for a change, then checks them all again. The events come
 * from one of two {@link Source sources}: the kernel itself (a {@code poll} of each socket with
 * timeout 0, exact), or, where the JVM does not open {@code sun.nio.ch}, NIO's readiness and
 * sockit's own state, with a probe to tell data from end of stream from a reset. Either
 * way sockit adds what only it knows: bytes a peek left, the pending error of a failed connect,
 * and {@code shutdown} of a datagram socket (which the JDK cannot do, so sockit only marks it).
 *
 * <p>The selector lives for one call only, and each socket's current channel is registered with
 * it only while that call waits or probes. A channel registered with a selector is not really
 * closed until the selector lets it go; registering no longer than a call means that
 * {@code close}, {@code listen} and a failed connect (which replace or close the channel) work
 * between calls as on Linux. A socket closed while a call waits is really closed when that call
 * returns, as Linux keeps a file open while a {@code poll} holds it.
 *
 * <p>NIO can wait for reading, writing, accepting and connecting only. A socket whose caller
 * asks for neither side ({@code POLLPRI} alone, or no event: only {@code POLLERR} and
 * {@code POLLHUP}) is waited for as readable, as a reset or hang-up comes with readability; if
 * data wakes the wait instead, that socket is left out of the rest of the call's waits, so the
 * call cannot spin. So urgent data is reported when a check finds it, but its arrival alone does
 * not end a wait. One instance serves one call on one thread.
 */
final class Readiness {
    /** Where the events come from. */
    enum Source {
        /** The kernel's {@code poll} of each socket: exact; needs {@link NioInternals#ADD_OPENS}. */
        KERNEL,
        /** NIO's readiness, sockit's state and a probe of readable streams: see the class note. */
        PROBE;

        /** {@link #KERNEL} when the JVM lets sockit reach it, else {@link #PROBE}. */
        static Source best() {
            return NioInternals.pollAvailable() ? KERNEL : PROBE;
        }
    }

    /** Every event {@code poll} can report on a socket, as the kernel is asked. */
    private static final int EVERY = POLLIN | POLLPRI | POLLOUT | POLLRDNORM | POLLRDBAND | POLLWRNORM | POLLWRBAND
            | POLLRDHUP;
    private static final int READ_SIDE = POLLIN | POLLRDNORM | POLLRDBAND | POLLRDHUP;
    private static final int WRITE_SIDE = POLLOUT | POLLWRNORM | POLLWRBAND;
    private static final int READABLE = POLLIN | POLLRDNORM;
    private static final int AT_EOF = POLLIN | POLLRDNORM | POLLRDHUP;

    /** One socket of the call, and its registration with the call's selector. */
    private static final class Entry {
        final Socket socket;
        final int interest;
        SocketStatus status;
        SelectionKey key;
        /** Its key was selected by the last wait. */
        boolean fired;
        /** Registered for {@code OP_READ} only to notice a reset or hang-up: its interest asks for neither side. */
        boolean standIn;
        /** As a stand-in, it woke a wait without an event wanted: left out of later waits. */
        boolean muted;

        Entry(Socket socket, int interest) {
            this.socket = socket;
            this.interest = interest;
        }
    }

    private final Entry[] entries;
    private final Source source;
    private final String call;
    private Selector selector;

    private Readiness(List<Socket> sockets, int[] interest, int always, Source source, String call) {
        this.entries = new Entry[sockets.size()];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = new Entry(sockets.get(i), interest[i] | always);
        }
        this.source = source;
        this.call = call;
    }

    /**
     * Waits until a socket has an event in its {@code interest} or in {@code always} (or is
     * closed), or the deadline passes, and returns each socket's events within those,
     * {@code POLLNVAL} for a closed one: all 0 if the deadline passed first. The sockets must be
     * distinct. {@code always}: the events reported whether asked for or not (poll's
     * {@code POLLERR|POLLHUP}; none for select, whose sets ask for them where they count).
     *
     * <p>Blocks for what remains of {@code deadline} at most: not at all if it is non-blocking,
     * for ever if it never ends.
     *
     * @throws SocketError {@code EINTR} if the thread is interrupted while waiting (its interrupt
     *     status stays set)
     */
    static int[] await(List<Socket> sockets, int[] interest, int always, Deadline deadline, Source source,
            String call) throws IOException {
        Readiness readiness = new Readiness(sockets, interest, always, source, call);
        try {
            return readiness.run(deadline);
        } finally {
            readiness.closeSelector();
        }
    }

    /**
     * The deadline of a select or poll {@code timeout}: {@link Duration#ZERO} looks once.
     *
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    static Deadline deadline(Duration timeout) {
        SocketArgs.checkTimeout(timeout);
        return timeout.isZero()
                ? Deadline.nonBlocking()
                : Deadline.after(Deadline.Kind.TIMEOUT, Math.max(1, Deadline.toNanos(timeout)));
    }

    private int[] run(Deadline deadline) throws IOException {
        while (true) {
            int[] found = check();
            boolean any = false;
            for (int i = 0; i < entries.length; i++) {
                any |= found[i] != 0;
                entries[i].muted |= entries[i].fired && entries[i].standIn && found[i] == 0;
                entries[i].fired = false;
            }
            long remaining = deadline.remainingNanos();
            if (any || remaining <= 0) {
                return found;
            }
            waitForChange(remaining);
        }
    }

    /** Every socket's events now, within its interest. */
    private int[] check() throws IOException {
        for (Entry entry : entries) {
            entry.status = entry.socket.pollProbe.status();
        }
        finishConnects();
        int[] masks = source == Source.KERNEL ? kernelMasks() : probedMasks();
        for (int i = 0; i < entries.length; i++) {
            masks[i] &= entries[i].interest | POLLNVAL;
        }
        return masks;
    }

    /**
     * Asks each pending connection whether it completed, as any call on the socket does first,
     * so that a connected socket is then waited for as one. A failed connection has its channel
     * replaced (see {@link Socket}), so the selector lets go of the old one first.
     */
    private void finishConnects() throws IOException {
        boolean letGo = false;
        for (Entry entry : entries) {
            if (entry.status.phase() == SocketStatus.Phase.CONNECTING && entry.key != null) {
                entry.key.cancel();
                entry.key = null;
                letGo = true;
            }
        }
        if (letGo) {
            selector.selectNow();
            selector.selectedKeys().clear();
        }
        for (Entry entry : entries) {
            if (entry.status.phase() == SocketStatus.Phase.CONNECTING) {
                entry.socket.pollProbe.finishConnect();
                entry.status = entry.socket.pollProbe.status();
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // The kernel's answer

    private int[] kernelMasks() throws IOException {
        int[] masks = new int[entries.length];
        for (int i = 0; i < entries.length; i++) {
            masks[i] = kernelMask(entries[i]);
        }
        return masks;
    }

    /**
     * The kernel's events for the socket's channel, with what sockit adds. A channel replaced
     * since the status was taken answers {@code POLLNVAL}; then the new one is asked.
     *
     * <p>A connected stream in error is probed ({@link PollProbe#probeStream}): the JDK cannot
     * read {@code SO_ERROR} of a connected socket, so a reset's error moves to sockit's side,
     * where {@code SO_ERROR} and the next receive or send report it. A reset that came after the
     * peer's end of stream stays in the kernel: there a receive reads end of stream and a send
     * fails with its {@code EPIPE}, as on Linux.
     */
    private static int kernelMask(Entry entry) throws IOException {
        for (int attempt = 0; attempt < 2; attempt++) {
            SocketStatus status = entry.status;
            if (status.phase() == SocketStatus.Phase.CLOSED) {
                return POLLNVAL;
            }
            int mask;
            try {
                mask = NioInternals.pollNow(status.channel(), EVERY);
            } catch (IOException closedMeanwhile) {
                mask = POLLNVAL;
            }
            if ((mask & POLLNVAL) == 0) {
                if ((mask & POLLERR) != 0 && status.phase() == SocketStatus.Phase.CONNECTED
                        && status.pendingError().isEmpty() && entry.socket.type() == SocketType.SOCK_STREAM) {
                    entry.socket.pollProbe.probeStream();
                    entry.status = entry.socket.pollProbe.status();
                }
                return mask | added(entry.socket, entry.status);
            }
            entry.status = entry.socket.pollProbe.status();
        }
        return entry.status.phase() == SocketStatus.Phase.CLOSED ? POLLNVAL : added(entry.socket, entry.status);
    }

    // ---------------------------------------------------------------------------------------
    // NIO's readiness and sockit's state

    /**
     * Each socket's events from NIO's readiness now: every channel is registered for all it can
     * be ready for, and one {@code selectNow} tells which are.
     */
    private int[] probedMasks() throws IOException {
        openSelector();
        for (Entry entry : entries) {
            if (entry.status.phase() != SocketStatus.Phase.CLOSED) {
                register(entry, probeOps(entry.status.channel()));
            }
        }
        selector.selectNow();
        Set<SelectionKey> selected = selector.selectedKeys();
        int[] masks = new int[entries.length];
        for (int i = 0; i < entries.length; i++) {
            Entry entry = entries[i];
            int ready = 0;
            if (entry.key != null && selected.contains(entry.key)) {
                try {
                    ready = entry.key.readyOps();
                } catch (CancelledKeyException closedMeanwhile) {
                    ready = 0;
                }
            }
            masks[i] = probedMask(entry.socket, entry.status, ready);
        }
        selected.clear();
        return masks;
    }

    /** The operations a channel is registered for while probing. */
    private static int probeOps(SelectableChannel channel) {
        return switch (channel) {
            case ServerSocketChannel server -> SelectionKey.OP_ACCEPT;
            case SocketChannel stream -> stream.isConnected() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : 0;
            default -> SelectionKey.OP_READ | SelectionKey.OP_WRITE;
        };
    }

    /**
     * The events Linux's {@code tcp_poll}, {@code unix_poll} or {@code datagram_poll} would give
     * the socket, from its state and the NIO operations {@code ready} now.
     */
    private static int probedMask(Socket socket, SocketStatus status, int ready) {
        boolean stream = socket.type() == SocketType.SOCK_STREAM;
        int writable = writable(socket);
        int mask = switch (status.phase()) {
            case CLOSED -> POLLNVAL;
            case LISTENING -> (ready & SelectionKey.OP_ACCEPT) != 0 ? READABLE : 0;
            case CONNECTING -> 0;
            case UNCONNECTED -> stream ? writable | POLLHUP : datagram(ready);
            case CONNECTED -> stream ? connectedStream(socket, status, ready, writable) : datagram(ready);
        };
        return mask == POLLNVAL ? mask : mask | added(socket, status);
    }

    private static int connectedStream(Socket socket, SocketStatus status, int ready, int writable) {
        int mask = status.resetSeen() ? AT_EOF | POLLHUP | writable : 0;
        boolean eof = status.inputShutdown();
        if ((ready & SelectionKey.OP_READ) != 0 && !eof && !status.bufferedInput() && !status.resetSeen()) {
            SocketStatus.Probe probe = socket.pollProbe.probeStream();
            mask |= switch (probe) {
                case DATA, BUSY -> READABLE;
                case ERROR -> broken(writable);
                case EOF, NOTHING -> 0;
            };
            eof = probe == SocketStatus.Probe.EOF;
        }
        if (eof) {
            mask |= AT_EOF | (status.outputShutdown() ? POLLHUP : 0);
        }
        if (status.outputShutdown() || (ready & SelectionKey.OP_WRITE) != 0) {
            mask |= writable;
        }
        return mask;
    }

    private static int datagram(int ready) {
        return ((ready & SelectionKey.OP_READ) != 0 ? READABLE : 0)
                | ((ready & SelectionKey.OP_WRITE) != 0 ? WRITE_SIDE : 0);
    }

    // ---------------------------------------------------------------------------------------
    // What only sockit knows

    /**
     * The events sockit adds to the kernel's: bytes or a datagram a peek left; a pending error
     * (a failed connect, whose channel sockit has replaced, or a reset a probe found), with
     * everything Linux reports for a socket it has closed for that error; and a datagram
     * socket's shutdown.
     */
    private static int added(Socket socket, SocketStatus status) {
        int mask = status.bufferedInput() ? READABLE : 0;
        if (status.pendingError().isPresent()) {
            mask |= broken(writable(socket));
        }
        if (socket.type() == SocketType.SOCK_DGRAM && status.inputShutdown()) {
            mask |= AT_EOF | (status.outputShutdown() ? POLLHUP : 0);
        }
        return mask;
    }

    /** What Linux reports for a socket closed by an error not yet reported. */
    private static int broken(int writable) {
        return AT_EOF | POLLERR | POLLHUP | writable;
    }

    /** {@code POLLOUT} as the socket's family reports it: UNIX and datagram sockets add {@code POLLWRBAND}. */
    private static int writable(Socket socket) {
        boolean band = socket.family() == AddressFamily.AF_UNIX || socket.type() == SocketType.SOCK_DGRAM;
        return POLLOUT | POLLWRNORM | (band ? POLLWRBAND : 0);
    }

    // ---------------------------------------------------------------------------------------
    // Waiting

    /**
     * Registers each socket still worth waiting for, for the operations its interest asks (a
     * pending connection for its completion; only {@code OP_READ} when its interest asks for
     * neither side, as a reset or hang-up comes with readability), and waits for one, for at
     * most {@code nanos} ({@link Long#MAX_VALUE}: no limit).
     */
    private void waitForChange(long nanos) throws IOException {
        openSelector();
        for (Entry entry : entries) {
            if (entry.status.phase() != SocketStatus.Phase.CLOSED) {
                int ops = waitOps(entry.status.channel(), entry.interest);
                entry.standIn = ops == SelectionKey.OP_READ && (entry.interest & READ_SIDE) == 0;
                register(entry, entry.muted ? 0 : ops);
            }
        }
        if (Thread.currentThread().isInterrupted()) {
            throw interrupted();
        }
        if (nanos == Long.MAX_VALUE) {
            selector.select();
        } else {
            selector.select(Math.max(1, nanos / 1_000_000 + (nanos % 1_000_000 == 0 ? 0 : 1)));
        }
        for (SelectionKey key : selector.selectedKeys()) {
            ((Entry) key.attachment()).fired = true;
        }
        selector.selectedKeys().clear();
        if (Thread.currentThread().isInterrupted()) {
            throw interrupted();
        }
    }

    private static int waitOps(SelectableChannel channel, int interest) {
        boolean in = (interest & READ_SIDE) != 0;
        boolean out = (interest & WRITE_SIDE) != 0;
        int ops = (in ? SelectionKey.OP_READ : 0) | (out ? SelectionKey.OP_WRITE : 0);
        return switch (channel) {
            case ServerSocketChannel server -> in ? SelectionKey.OP_ACCEPT : 0;
            case SocketChannel stream when stream.isConnectionPending() -> SelectionKey.OP_CONNECT;
            case SocketChannel stream when !stream.isConnected() -> 0;
            case SocketChannel stream -> ops == 0 ? SelectionKey.OP_READ : ops;
            case DatagramChannel datagrams -> ops == 0 ? SelectionKey.OP_READ : ops;
            default -> 0;
        };
    }

    /**
     * Registers the entry's socket's current channel for {@code ops} (0: registered for
     * nothing), replacing a key for a channel the socket no longer has.
     */
    private void register(Entry entry, int ops) throws IOException {
        SelectableChannel channel = entry.status.channel();
        SelectionKey key = entry.key;
        if (key != null && key.channel() == channel && key.isValid()) {
            try {
                key.interestOps(ops);
            } catch (CancelledKeyException closedMeanwhile) {
                entry.key = null;
            }
            return;
        }
        if (key != null) {
            key.cancel();
            entry.key = null;
        }
        if (ops != 0) {
            try {
                entry.key = channel.register(selector, ops, entry);
            } catch (ClosedChannelException | CancelledKeyException closedMeanwhile) {
                entry.key = null;
            }
        }
    }

    private void openSelector() throws IOException {
        if (selector == null) {
            try {
                selector = Selector.open();
            } catch (IOException e) {
                throw JdkErrors.map(e, call, "", Errno.ENOMEM);
            }
        }
    }

    private void closeSelector() throws IOException {
        if (selector != null) {
            selector.close();
        }
    }

    private IOException interrupted() {
        return Errors.of(Errno.EINTR, call, "", "the thread was interrupted");
    }
}
