package dev.sockit.net;

import dev.sockit.addr.AddressFamily;
import dev.sockit.addr.GaiException;
import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.Ipv4Address;
import dev.sockit.addr.SockAddr;
import dev.sockit.addr.SocketType;
import dev.sockit.addr.UnixSockAddr;
import dev.sockit.internal.NioInternals;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A BSD socket: C's socket calls, with Linux's semantics and errno values, as Python's
 * {@code socket} object carries them, built on {@code java.nio} channels.
 *
 * <p>Methods are named after the system calls ({@code bind}, {@code connect}, {@code recv},
 * {@code sendto}, {@code shutdown}, ...), take {@code SOCK_*}, {@code MSG_*} and {@code SHUT_*}
 * numbers as C does, and fail with a {@link SocketError} carrying the errno Linux gives in
 * the same situation ({@code ECONNREFUSED}, {@code EAGAIN}, {@code EPIPE}, ...). Argument
 * errors that C cannot even express (a negative count, a {@code null}) are Java's
 * {@link IllegalArgumentException} and {@link NullPointerException}.
 *
 * <h2>Modes</h2>
 * Like a Python socket, a socket is in one of three modes: blocking (the default; see
 * {@link #setblocking}), non-blocking (a call that would wait fails with {@code EAGAIN}) or
 * timeout mode ({@link #settimeout}: a call that waits longer fails with
 * {@link SocketTimedOutException}). A timeout bounds each call as a whole.
 *
 * <h2>Design</h2>
 * Every channel is kept in non-blocking mode. Blocking and timeout modes are loops around
 * one non-blocking channel operation that, when it finds nothing to do, wait on a
 * {@link Waiter} (a {@code Selector} per socket and per direction) for what remains of the
 * call's {@link Deadline}. Each public call is built in layers, as OpenJDK's
 * {@code sun.nio.ch} is: argument checks and locks, then state checks, then the loop with
 * its deadline, then the one channel operation.
 *
 * <p>Threads: any number may use a socket. {@code readLock} admits one receiver or acceptor
 * at a time, {@code writeLock} one sender; so one thread can receive while another sends.
 * A stream {@code connect} and the first {@code listen} take both (a datagram
 * {@code connect} only changes the peer, and needs neither). {@code stateLock} guards the socket's state
 * and is only held briefly, never while waiting. {@link #close} takes only
 * {@code stateLock}, so it can wake a thread waiting in any call; that call then fails with
 * {@code EBADF}, as every later call does. No {@code synchronized} is used anywhere, so a
 * waiting virtual thread never pins its carrier.
 *
 * <p>The JDK has one channel class per role where a C socket has one descriptor, so a
 * {@code SOCK_STREAM} socket's channel is replaced twice in its life where the JDK leaves no
 * choice: at {@link #listen}, a {@code SocketChannel} gives way to a
 * {@code ServerSocketChannel} bound to the same address, and after a failed connect (which
 * closes a JDK channel, but leaves a C socket usable) a fresh {@code SocketChannel} takes the
 * place of the old one. Options set before are carried over (see {@link SocketOptions}).
 * Between closing the old channel and binding the new one, another process could take the
 * port. The new channel is opened after the old one is closed, so it takes the old descriptor
 * number and {@link #fileno} stays the same, unless another thread opens a file in between.
 *
 * <p>Trace: with {@link Trace#ENABLED}, each public call writes its strace-style line as it
 * returns or fails, from the public layer (or, for the receives and sends, the one private
 * method they share), never while holding {@code stateLock}. With the trace off a call costs
 * the test of that constant.
 *
 * <h2>Where sockit differs from Linux</h2>
 * Where the JDK cannot do what Linux does, sockit fails with the errno Linux gives for an
 * unsupported request and a message that names what is missing, or documents the difference
 * on the method: no {@code SOCK_RAW}, {@code SOCK_SEQPACKET} or {@code AF_UNIX} datagram
 * sockets; no abstract UNIX names, and UNIX paths of at most 106 bytes; {@code socketpair}
 * goes through a temporary path; a connected datagram socket sends only to its peer;
 * {@code SHUT_RD} drops bytes not yet received; {@code MSG_TRUNC} applies to datagrams only;
 * {@link #fileno} and {@code IPV6_V6ONLY} need {@code --add-opens java.base/sun.nio.ch}.
 */
public final class Socket implements Closeable {
    /** {@code MSG_PEEK}: return data without consuming it. */
    public static final int MSG_PEEK = 0x2;
    /** {@code MSG_TRUNC}: on a datagram socket, return the datagram's real length. */
    public static final int MSG_TRUNC = 0x20;
    /** {@code MSG_DONTWAIT}: this call does not wait, whatever the socket's mode. */
    public static final int MSG_DONTWAIT = 0x40;
    /** {@code MSG_WAITALL}: a stream receive waits until the buffer is full. */
    public static final int MSG_WAITALL = 0x100;

    /** {@code SHUT_RD}: no more receiving. */
    public static final int SHUT_RD = 0;
    /** {@code SHUT_WR}: no more sending; the peer reads end of stream. */
    public static final int SHUT_WR = 1;
    /** {@code SHUT_RDWR}: both. */
    public static final int SHUT_RDWR = 2;

    private static final int RECV_FLAGS = MSG_PEEK | MSG_TRUNC | MSG_DONTWAIT | MSG_WAITALL;
    private static final int SEND_FLAGS = MSG_DONTWAIT;
    private static final long BLOCKING = -1;

    enum State { UNCONNECTED, CONNECTING, CONNECTED, LISTENING, CLOSED }

    // Socket keeps the public calls, the state and the locks; the parts of the implementation
    // below (Connecting, Acceptor, StreamReceiver, DatagramReceiver, Sender, ChannelSwap,
    // PollProbe, Memberships) are given this socket and use its package-private state, each
    // field naming the lock that guards it, each part naming the lock its caller holds.

    final AddressFamily family;
    final SocketType type;
    private final int proto;
    /** A {@code socketpair} end: both its names are unnamed, as Linux reports them. */
    private final boolean pairEnd;

    final ReentrantLock readLock = new ReentrantLock();
    final ReentrantLock writeLock = new ReentrantLock();
    final ReentrantLock stateLock = new ReentrantLock();
    final Waiter readWaiter = new Waiter();
    final Waiter writeWaiter = new Waiter();

    /** A {@code SocketChannel}, {@code ServerSocketChannel} or {@code DatagramChannel}; written under stateLock. */
    volatile SelectableChannel channel;
    /** Written under stateLock. */
    volatile State state;
    /** {@link #BLOCKING}, 0 (non-blocking) or the timeout in nanoseconds; written under stateLock. */
    private volatile long timeoutNanos = BLOCKING;
    /** Written under stateLock. */
    volatile boolean inputShutdown;
    /** Written under stateLock. */
    volatile boolean outputShutdown;

    /** The address {@code bind} was given, to bind a replacement channel to; guarded by stateLock. */
    Optional<SockAddr> boundTo = Optional.empty();
    /** The error of a failed connect not yet reported ({@code SO_ERROR}); guarded by stateLock. */
    Optional<Errno> pendingError = Optional.empty();
    /** Guarded by stateLock. */
    final SocketOptions options;
    /** Multicast memberships of a datagram socket; guarded by stateLock. */
    private final Memberships memberships;

    /** The connect state machine, whether a connect has reported the connection; see its locks there. */
    final Connecting connecting;
    /** The accept loop; used under readLock. */
    private final Acceptor acceptor = new Acceptor(this);
    /** The stream receive path, with bytes a peek left; guarded by readLock. */
    final StreamReceiver streamReceiver = new StreamReceiver(this);
    /** The datagram receive path, with a datagram a peek left; guarded by readLock. */
    final DatagramReceiver datagramReceiver = new DatagramReceiver(this);
    /** The send paths; used under writeLock. */
    private final Sender sender = new Sender(this);
    /** Replaces the channel where the JDK needs another; used under the locks its methods name. */
    final ChannelSwap channels = new ChannelSwap(this);
    /** What select, poll and {@code SO_ERROR} learn without blocking; takes the locks it needs. */
    final PollProbe pollProbe = new PollProbe(this);

    Socket(AddressFamily family, SocketType type, int proto, SelectableChannel channel, State state,
            SocketOptions options, boolean pairEnd) {
        this.family = family;
        this.type = type;
        this.proto = proto;
        this.channel = channel;
        this.state = state;
        this.options = options;
        this.pairEnd = pairEnd;
        this.memberships = new Memberships(family, type);
        this.connecting = new Connecting(this, state == State.CONNECTED);
    }

    // ---------------------------------------------------------------------------------------
    // Creating sockets

    /**
     * Creates a socket, as C's {@code socket(family, type, proto)} and Python's
     * {@code socket.socket(family, type, proto)}. The socket is in blocking mode; a
     * {@code SOCK_STREAM} socket has its descriptor at once ({@link #fileno}).
     *
     * <p>Supported: {@code AF_INET} and {@code AF_INET6} with {@code SOCK_STREAM} (TCP) or
     * {@code SOCK_DGRAM} (UDP), and {@code AF_UNIX} with {@code SOCK_STREAM}. {@code proto} is 0
     * or the protocol of the type ({@code IPPROTO_TCP}, 6, for a stream; {@code IPPROTO_UDP},
     * 17, for datagrams; 0 or 1 for {@code AF_UNIX}). Does not block.
     *
     * @throws IOException a {@link SocketError}: {@code EAFNOSUPPORT} for {@code AF_UNSPEC};
     *     {@code EPROTONOSUPPORT} for a protocol that does not go with the type, and for
     *     {@code SOCK_RAW}, which the JDK lacks; {@code ESOCKTNOSUPPORT} for {@code SOCK_SEQPACKET}
     *     and {@code AF_UNIX} datagrams, which the JDK lacks (the message says so); {@code EMFILE}
     *     and the like when the system refuses a descriptor
     */
    public static Socket socket(AddressFamily family, SocketType type, int proto) throws IOException {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(type, "type");
        Socket socket;
        try {
            int resolved = NioChannels.protocol(family, type, proto);
            SelectableChannel channel = type == SocketType.SOCK_STREAM
                    ? NioChannels.openStream(family)
                    : NioChannels.openDatagram(family);
            socket = new Socket(family, type, resolved, channel, State.UNCONNECTED, new SocketOptions(family, type),
                    false);
        } catch (IOException e) {
            throw Trace.ENABLED ? Trace.failed("socket", TraceFormat.socket(family, type, proto), e) : e;
        }
        if (Trace.ENABLED) {
            Trace.returned("socket", TraceFormat.socket(family, type, proto), socket.fileno());
        }
        return socket;
    }

    /** {@link #socket(AddressFamily, SocketType, int)} with protocol 0: the type's own protocol. */
    public static Socket socket(AddressFamily family, SocketType type) throws IOException {
        return socket(family, type, 0);
    }

    /**
     * Creates a pair of connected {@code AF_UNIX} stream sockets, as C's
     * {@code socketpair(AF_UNIX, SOCK_STREAM, 0, sv)} and Python's {@code socket.socketpair()}.
     * Both are in blocking mode and both their names are unnamed.
     *
     * <p>The JDK has no {@code socketpair}: sockit listens on a path in a new private
     * temporary directory, connects, accepts, and removes the path and the directory before
     * returning. Does not block.
     *
     * @throws IOException a {@link SocketError} when the system refuses a descriptor or the
     *     temporary directory
     */
    public static SocketPair socketpair() throws IOException {
        SocketPair pair;
        try {
            SocketChannel[] ends = NioChannels.connectedUnixPair();
            pair = new SocketPair(pairEnd(ends[0]), pairEnd(ends[1]));
        } catch (IOException e) {
            throw Trace.ENABLED ? Trace.failed("socketpair", TraceFormat.socketpair(OptionalInt.empty(),
                    OptionalInt.empty()), e) : e;
        }
        if (Trace.ENABLED) {
            Trace.returned("socketpair", TraceFormat.socketpair(OptionalInt.of(pair.first().fileno()),
                    OptionalInt.of(pair.second().fileno())), 0);
        }
        return pair;
    }

    private static Socket pairEnd(SocketChannel channel) {
        return new Socket(AddressFamily.AF_UNIX, SocketType.SOCK_STREAM, 0, channel, State.CONNECTED,
                new SocketOptions(AddressFamily.AF_UNIX, SocketType.SOCK_STREAM), true);
    }

    /**
     * Connects to {@code address} and returns the connected socket, as Python's
     * {@code socket.create_connection((host, port), timeout, source_address)} does with one
     * address. Equivalent to {@link #createConnection(List, Duration, Optional)} with a list of
     * one.
     */
    public static Socket createConnection(InetSockAddr address, Duration timeout, Optional<InetSockAddr> source)
            throws IOException {
        return createConnection(List.of(address), timeout, source);
    }

    /**
     * Tries each address in turn, as Python's {@code create_connection} tries each address
     * {@code getaddrinfo} gives: creates a {@code SOCK_STREAM} socket of the address's family,
     * puts it in timeout mode with {@code timeout} ({@link Duration#ZERO}: non-blocking, so the
     * connect fails with {@code EINPROGRESS}), binds it to {@code source} if present, and
     * connects. The first socket that connects is returned, still in timeout mode.
     *
     * <p>Blocks for up to {@code timeout} per address.
     *
     * @throws IllegalArgumentException if {@code addresses} is empty or {@code timeout} negative
     * @throws IOException a {@link SocketError}, the last address's error, as Python raises it,
     *     when none connects
     */
    public static Socket createConnection(List<InetSockAddr> addresses, Duration timeout,
            Optional<InetSockAddr> source) throws IOException {
        return SocketCreation.firstConnected(addresses, timeout, source);
    }

    /**
     * Resolves {@code host} with {@code getaddrinfo(host, port, SOCK_STREAM)} and connects to
     * the first of its addresses that answers, in the resolver's order, as Python's
     * {@code create_connection((host, port), timeout, source_address)}. Blocks for the lookup
     * and for each attempt (up to {@code timeout} each).
     *
     * @throws IllegalArgumentException if {@code port} is not in {@code 0..65535}
     * @throws IOException a {@link GaiException} if {@code host} does not resolve, else the
     *     {@link SocketError} of the last attempt
     */
    public static Socket createConnection(String host, int port, Duration timeout, Optional<InetSockAddr> source)
            throws IOException {
        return createConnection(SocketCreation.resolved(host, port), timeout, source);
    }

    /**
     * Creates a listening {@code SOCK_STREAM} socket bound to {@code address}, as Python's
     * {@code socket.create_server(address, family, backlog, reuse_port, dualstack_ipv6)}:
     * {@code SO_REUSEADDR} on, {@code SO_REUSEPORT} on if {@code reusePort}, and on an
     * {@code AF_INET6} address {@code IPV6_V6ONLY} off if {@code dualStack} (the socket also
     * accepts IPv4 peers, as {@code ::ffff:a.b.c.d}), else on where that can be set (as Python,
     * ignoring a failure). Does not block.
     *
     * @throws IllegalArgumentException if {@code dualStack} and {@code address} is not IPv6
     * @throws IOException a {@link SocketError}, what {@link #bind} or {@link #listen} report; the
     *     socket is closed
     */
    public static Socket createServer(SockAddr address, int backlog, boolean reusePort, boolean dualStack)
            throws IOException {
        return SocketCreation.listening(address, backlog, reusePort, dualStack);
    }

    // ---------------------------------------------------------------------------------------
    // Modes

    /**
     * Puts the socket in blocking mode ({@code true}) or non-blocking mode ({@code false}), as
     * Python's {@code setblocking}: {@code setblocking(false)} is {@code settimeout(ZERO)}.
     */
    public void setblocking(boolean blocking) {
        setTimeoutNanos(blocking ? BLOCKING : 0);
    }

    /**
     * Puts the socket in timeout mode: each later call that waits fails after {@code timeout}
     * with {@link SocketTimedOutException} (connect: {@code ETIMEDOUT}; other calls:
     * {@code EAGAIN}). {@link Duration#ZERO} is non-blocking mode, as Python's
     * {@code settimeout(0)}; {@link #setblocking setblocking(true)} returns to blocking mode.
     *
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public void settimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        SocketArgs.checkTimeout(timeout);
        setTimeoutNanos(timeout.isZero() ? 0 : Math.max(1, Deadline.toNanos(timeout)));
    }

    /**
     * The timeout, as Python's {@code gettimeout}: empty in blocking mode,
     * {@link Duration#ZERO} in non-blocking mode.
     */
    public Optional<Duration> timeout() {
        long nanos = timeoutNanos;
        return nanos == BLOCKING ? Optional.empty() : Optional.of(Duration.ofNanos(nanos));
    }

    /** Whether calls may wait (blocking or timeout mode), as Python's {@code getblocking}. */
    public boolean blocking() {
        return timeoutNanos != 0;
    }

    // ---------------------------------------------------------------------------------------
    // Connection set-up

    /**
     * Binds the socket to a local address, as C's {@code bind}. Port 0 asks for a free port;
     * {@link #getsockname} tells which. Binding an {@code AF_UNIX} socket creates the path,
     * which stays after {@link #close} (as in C; remove it yourself); binding to the unnamed
     * address binds to a fresh path in the temporary directory (where Linux would pick an
     * abstract name, which the JDK lacks). Does not block.
     *
     * @throws IOException a {@link SocketError}: {@code EADDRINUSE} (in use), {@code EADDRNOTAVAIL}
     *     (not an address of this host), {@code EACCES} (a privileged port), {@code EINVAL}
     *     (already bound), {@code EAFNOSUPPORT} / {@code EINVAL} for an address of another family
     *     (as C reports it), {@code EBADF} (closed)
     */
    public void bind(SockAddr address) throws IOException {
        Objects.requireNonNull(address, "address");
        try {
            implBind(address);
        } catch (IOException e) {
            throw Trace.ENABLED ? Trace.failed("bind", TraceFormat.withAddress(fileno(), address), e) : e;
        }
        if (Trace.ENABLED) {
            Trace.returned("bind", TraceFormat.withAddress(fileno(), address), 0);
        }
    }

    private void implBind(SockAddr address) throws IOException {
        String target = SockAddrs.text(address);
        stateLock.lock();
        try {
            ensureOpen("bind", target);
            checkFamily("bind", address);
            if (state != State.UNCONNECTED || localAddress().isPresent()) {
                throw Errors.of(Errno.EINVAL, "bind", target, "the socket is already bound");
            }
            try {
                ((NetworkChannel) channel).bind(SockAddrs.toJdk(address));
            } catch (IOException | RuntimeException e) {
                throw JdkErrors.map(e, "bind", target, Errno.EINVAL);
            }
            boundTo = Optional.of(address);
        } finally {
            stateLock.unlock();
        }
    }

    /**
     * Makes the socket listen for connections, as C's {@code listen}. An unbound
     * {@code AF_INET} or {@code AF_INET6} socket is first bound to a free port on the wildcard
     * address, as Linux does. Listening again is allowed and changes nothing (the JDK cannot
     * change a backlog). Does not block.
     *
     * <p>A backlog below 1 is taken as 1 (Linux makes room for one connection even at 0).
     * The socket's channel is replaced here; see the design note.
     *
     * @throws IOException a {@link SocketError}: {@code EOPNOTSUPP} for a datagram socket,
     *     {@code EINVAL} for a connected socket or an unbound {@code AF_UNIX} socket,
     *     {@code EADDRINUSE} if another socket took the address meanwhile, {@code EBADF} (closed)
     */
    public void listen(int backlog) throws IOException {
        try {
            channels.listen(backlog);
        } catch (IOException e) {
            throw Trace.ENABLED ? Trace.failed("listen", TraceFormat.listen(fileno(), backlog), e) : e;
        }
        if (Trace.ENABLED) {
            Trace.returned("listen", TraceFormat.listen(fileno(), backlog), 0);
        }
    }

    /**
     * Accepts a connection, as C's {@code accept} and Python's {@code accept()}: the new socket,
     * connected and in blocking mode, with the options this socket had set (as Linux copies
     * them), and the peer's address.
     *
     * <p>Blocks until a connection arrives (blocking mode, or {@code SO_RCVTIMEO}), up to the
     * timeout (timeout mode), or not at all (non-blocking mode).
     *
     * @throws IOException a {@link SocketError}: {@code EINVAL} if the socket is not listening,
     *     {@code EOPNOTSUPP} for a datagram socket, {@code EAGAIN} (non-blocking, or
     *     {@link SocketTimedOutException} in timeout mode) if none is waiting, {@code EBADF} if
     *     closed, even while waiting
     */
    public Accepted accept() throws IOException {
        Accepted accepted;
        readLock.lock();
        try {
            accepted = acceptor.accept(receiveDeadline(0));
        } catch (IOException e) {
            throw Trace.ENABLED ? Trace.failed("accept", TraceFormat.named(fileno(), Optional.empty(), family), e) : e;
        } finally {
            readLock.unlock();
        }
        if (Trace.ENABLED) {
            Trace.returned("accept", TraceFormat.named(fileno(), Optional.of(accepted.address()), family),
                    accepted.socket().fileno());
        }
        return accepted;
    }

    /**
     * Connects to {@code address}, as C's {@code connect}. On a stream socket this opens the
     * connection; on a datagram socket it sets (or changes) the only peer datagrams are sent to
     * and received from.
     *
     * <p>Blocks until the connection is made (blocking mode; with {@code SO_SNDTIMEO}, gives up
     * with {@code EINPROGRESS}, as Linux), fails with {@link SocketTimedOutException}
     * ({@code ETIMEDOUT}) after the timeout (timeout mode; the attempt goes on), or starts it
     * and fails with {@code EINPROGRESS} (non-blocking mode; call again for {@code EALREADY}
     * while pending, then success, then {@code EISCONN}, or use {@link #connectEx}).
     *
     * @throws IOException a {@link SocketError}: {@code ECONNREFUSED}, {@code ENETUNREACH},
     *     {@code EHOSTUNREACH}, {@code ETIMEDOUT}; {@code EISCONN} if already connected;
     *     {@code EALREADY} or {@code EINPROGRESS} as above; {@code ENOENT} for a UNIX path that
     *     does not exist; {@code EAFNOSUPPORT} / {@code EINVAL} for an address of another family;
     *     {@code EBADF} if closed
     */
    public void connect(SockAddr address) throws IOException {
        Objects.requireNonNull(address, "address");
        try {
            if (type == SocketType.SOCK_DGRAM) {
                connecting.connectDatagram(address);
            } else {
                readLock.lock();
                writeLock.lock();
                try {
                    connecting.connectStream(address, sendDeadline(0));
                } finally {
                    writeLock.unlock();
                    readLock.unlock();
                }
            }
        } catch (IOException e) {
            throw Trace.ENABLED ? Trace.failed("connect", TraceFormat.withAddress(fileno(), address), e) : e;
        }
        if (Trace.ENABLED) {
            Trace.returned("connect", TraceFormat.withAddress(fileno(), address), 0);
        }
    }

    /**
     * {@link #connect}, returning the errno number instead of throwing it, as C's
     * {@code connect} returns -1 with {@code errno} and Python's {@code connect_ex} returns
     * it: 0 on success. On a non-blocking stream socket: {@code EINPROGRESS} (115) first,
     * {@code EALREADY} (114) while pending, 0 once when connected, then {@code EISCONN} (106).
     */
    public int connectEx(SockAddr address) {
        try {
            connect(address);
            return 0;
        } catch (IOException e) {
            if (e instanceof SocketError error) {
                return error.errno().number();
            }
            throw new IllegalStateException("connect failed without a socket error", e);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Receiving

    /**
     * Receives up to {@code n} bytes, as C's {@code recv} and Python's {@code recv}: an empty
     * array at end of stream. On a datagram socket, one datagram, cut to {@code n} bytes (the
     * rest is lost; use {@link #recvfrom} to learn if it was).
     *
     * <p>Flags: {@link #MSG_PEEK}, {@link #MSG_DONTWAIT}, {@link #MSG_WAITALL} (streams: wait
     * for all {@code n} bytes, end of stream or the deadline), {@link #MSG_TRUNC} (datagrams).
     * Blocks until data arrives, as the mode says (see {@link #recvInto}).
     *
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public byte[] recv(int n, int flags) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(SocketArgs.requireCount(n));
        Received received = receive(buffer, flags, "recv", false);
        return SocketArgs.copyOf(buffer, received.stored());
    }

    /**
     * Receives into {@code buffer}'s remaining space, as Python's {@code recv_into}; returns
     * the count (0 at end of stream) and advances the buffer's position by the bytes stored.
     * With {@link #MSG_TRUNC} on a datagram socket the count is the datagram's real length,
     * as Linux returns it.
     *
     * <p>Blocks until at least one byte (one datagram) is there, in blocking mode (for at most
     * {@code SO_RCVTIMEO} if set, then {@code EAGAIN}); for at most the timeout in timeout mode
     * ({@link SocketTimedOutException}); not at all in non-blocking mode or with
     * {@link #MSG_DONTWAIT} ({@code EAGAIN}).
     *
     * <p>Once a receive has reported {@code ECONNRESET}, later receives read end of stream,
     * as on Linux.
     *
     * @throws IOException a {@link SocketError}: {@code ENOTCONN} (stream socket not connected),
     *     {@code ECONNRESET}, {@code ECONNREFUSED} (connected datagram socket whose peer's port is
     *     closed), {@code EAGAIN}, {@code EOPNOTSUPP} (a flag sockit does not support),
     *     {@code EBADF} (closed, even while waiting), {@code EINTR} (the thread was interrupted
     *     while waiting; its interrupt status stays set and the socket stays open)
     * @throws IllegalArgumentException if {@code buffer} is read-only
     */
    public int recvInto(ByteBuffer buffer, int flags) throws IOException {
        SocketArgs.requireWritable(buffer);
        Received received = receive(buffer, flags, "recv", false);
        return (flags & MSG_TRUNC) != 0 ? received.length() : received.stored();
    }

    /**
     * Receives up to {@code n} bytes and their source, as C's {@code recvfrom}: on a datagram
     * socket one datagram, its sender, and whether it was longer than {@code n}. On a stream
     * socket the address is the peer's (where Linux reports none). Blocks as
     * {@link #recvInto}.
     *
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public Datagram recvfrom(int n, int flags) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(SocketArgs.requireCount(n));
        Received received = receive(buffer, flags, "recvfrom", true);
        return new Datagram(SocketArgs.copyOf(buffer, received.stored()), received.source(),
                received.length() > received.stored());
    }

    /**
     * Receives into {@code buffer}'s remaining space with the source, as Python's
     * {@code recvfrom_into}. Blocks as {@link #recvInto}.
     *
     * @throws IllegalArgumentException if {@code buffer} is read-only
     */
    public RecvFrom recvfromInto(ByteBuffer buffer, int flags) throws IOException {
        SocketArgs.requireWritable(buffer);
        Received received = receive(buffer, flags, "recvfrom", true);
        int n = (flags & MSG_TRUNC) != 0 ? received.length() : received.stored();
        return new RecvFrom(n, received.source(), received.length() > received.stored());
    }

    // ---------------------------------------------------------------------------------------
    // Sending

    /**
     * Sends {@code buffer}'s remaining bytes, as C's {@code send}; returns how many were sent
     * and advances the buffer's position by as many. A datagram socket sends one datagram to
     * its connected peer.
     *
     * <p>Blocking mode sends everything, waiting for room (for at most {@code SO_SNDTIMEO} if
     * set: then the count so far, or {@code EAGAIN} if none). Timeout mode does the same
     * within the timeout ({@link SocketTimedOutException} if nothing was sent). Non-blocking
     * mode, or {@link #MSG_DONTWAIT}, sends what fits now ({@code EAGAIN} if nothing does).
     *
     * @throws IOException a {@link SocketError}: {@code EPIPE} (stream not connected, peer gone, or
     *     after {@code SHUT_WR}), {@code ECONNRESET}, {@code EDESTADDRREQ} (datagram socket not
     *     connected), {@code EMSGSIZE} (datagram too long), {@code ECONNREFUSED} (connected
     *     datagram socket whose peer's port is closed), {@code EAGAIN}, {@code EBADF}
     */
    public int send(ByteBuffer buffer, int flags) throws IOException {
        Objects.requireNonNull(buffer, "buffer");
        return send(buffer, flags, Optional.empty(), false, "send");
    }

    /** {@link #send(ByteBuffer, int)} of a whole array. */
    public int send(byte[] data, int flags) throws IOException {
        return send(ByteBuffer.wrap(data), flags);
    }

    /**
     * Sends all of {@code buffer}'s remaining bytes, as Python's {@code sendall}. In timeout
     * mode the timeout bounds the whole call; in non-blocking mode a full buffer fails with
     * {@code EAGAIN} after sending what fitted (the buffer's position tells how much).
     *
     * @throws IOException a {@link SocketError}, as {@link #send(ByteBuffer, int)}
     */
    public void sendall(ByteBuffer buffer, int flags) throws IOException {
        Objects.requireNonNull(buffer, "buffer");
        send(buffer, flags, Optional.empty(), true, "sendall");
    }

    /** {@link #sendall(ByteBuffer, int)} of a whole array. */
    public void sendall(byte[] data, int flags) throws IOException {
        sendall(ByteBuffer.wrap(data), flags);
    }

    /**
     * Sends {@code buffer}'s remaining bytes to {@code address}, as C's {@code sendto}: on a
     * datagram socket, one datagram. A connected TCP socket ignores the address, as Linux
     * does; a UNIX stream socket fails with {@code EISCONN} (connected) or {@code EOPNOTSUPP}.
     * Blocks as {@link #send(ByteBuffer, int)}.
     *
     * <p>Unlike Linux, a connected datagram socket can only send to its peer: the JDK refuses
     * another address, and sockit reports {@code EISCONN} (as BSD does).
     *
     * @throws IOException a {@link SocketError}, as {@link #send(ByteBuffer, int)}, and
     *     {@code EAFNOSUPPORT} / {@code EINVAL} for an address of another family
     */
    public int sendto(ByteBuffer buffer, int flags, SockAddr address) throws IOException {
        Objects.requireNonNull(buffer, "buffer");
        Objects.requireNonNull(address, "address");
        return send(buffer, flags, Optional.of(address), false, "sendto");
    }

    /** {@link #sendto(ByteBuffer, int, SockAddr)} of a whole array. */
    public int sendto(byte[] data, int flags, SockAddr address) throws IOException {
        return sendto(ByteBuffer.wrap(data), flags, address);
    }

    // ---------------------------------------------------------------------------------------
    // Ending

    /**
     * Shuts down receiving ({@link #SHUT_RD}), sending ({@link #SHUT_WR}: the peer reads end
     * of stream once it has read what was sent) or both ({@link #SHUT_RDWR}), as C's
     * {@code shutdown}. The socket stays open; a thread waiting to receive wakes and reads end
     * of stream. Unlike Linux, {@code SHUT_RD} on a stream drops bytes that arrived but were
     * not yet received (the JDK's {@code shutdownInput} reads end of stream at once). On a
     * listening socket {@code SHUT_RD} stops the listening (later accepts
     * fail with {@code EINVAL}), as on Linux. On a connected datagram socket it only marks
     * the socket: receiving then gives end of stream ({@code EAGAIN} without waiting),
     * sending {@code EPIPE}. Does not block.
     *
     * @throws IOException a {@link SocketError}: {@code ENOTCONN} if not connected, {@code EINVAL}
     *     for another {@code how}, {@code EBADF} if closed
     */
    public void shutdown(int how) throws IOException {
        try {
            Shutdown.shutdown(this, how);
        } catch (IOException e) {
            throw Trace.ENABLED ? Trace.failed("shutdown", TraceFormat.shutdown(fileno(), how), e) : e;
        }
        if (Trace.ENABLED) {
            Trace.returned("shutdown", TraceFormat.shutdown(fileno(), how), 0);
        }
    }

    /**
     * Closes the socket, as C's {@code close}: releases the descriptor and wakes every thread
     * waiting in a call on this socket, which then fails with {@code EBADF}, as every later
     * call does. Closing again does nothing. With {@code SO_LINGER} set to 0 the peer gets a
     * reset; with a positive linger this may block for up to that long, as on Linux. An
     * {@code AF_UNIX} socket's path stays in the file system.
     */
    @Override
    public void close() throws IOException {
        SelectableChannel closing;
        stateLock.lock();
        try {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
            closing = channel;
        } finally {
            stateLock.unlock();
        }
        int fd = Trace.ENABLED ? NioInternals.fileno(closing) : -1;
        try (closing) {
            readWaiter.close();
            writeWaiter.close();
        } catch (IOException e) {
            IOException error = JdkErrors.map(e, "close", "", Errno.EIO);
            throw Trace.ENABLED ? Trace.failed("close", TraceFormat.close(fd), error) : error;
        }
        if (Trace.ENABLED) {
            Trace.returned("close", TraceFormat.close(fd), 0);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Names and numbers

    /**
     * The local address, as C's {@code getsockname}: the wildcard address and port 0 (IPv4 or
     * IPv6) or the unnamed address ({@code AF_UNIX}) while unbound. On an {@code AF_INET6}
     * socket IPv4 addresses appear IPv4-mapped, as Linux reports them. Does not block.
     *
     * @throws IOException a {@link SocketError}: {@code EBADF} if closed
     */
    public SockAddr getsockname() throws IOException {
        SockAddr name;
        try {
            name = implGetsockname();
        } catch (IOException e) {
            throw Trace.ENABLED ? Trace.failed("getsockname", TraceFormat.named(fileno(), Optional.empty(), family), e)
                    : e;
        }
        if (Trace.ENABLED) {
            Trace.returned("getsockname", TraceFormat.named(fileno(), Optional.of(name), family), 0);
        }
        return name;
    }

    private SockAddr implGetsockname() throws IOException {
        stateLock.lock();
        try {
            ensureOpen("getsockname", "");
            if (pairEnd) {
                return UnixSockAddr.UNNAMED;
            }
            return SockAddrs.fromJdk(localAddress().orElse(null), family);
        } finally {
            stateLock.unlock();
        }
    }

    /**
     * The peer's address, as C's {@code getpeername}. Does not block.
     *
     * @throws IOException a {@link SocketError}: {@code ENOTCONN} if not connected (listening, or a
     *     datagram socket without a peer), {@code EBADF} if closed
     */
    public SockAddr getpeername() throws IOException {
        SockAddr name;
        try {
            name = implGetpeername();
        } catch (IOException e) {
            throw Trace.ENABLED ? Trace.failed("getpeername", TraceFormat.named(fileno(), Optional.empty(), family), e)
                    : e;
        }
        if (Trace.ENABLED) {
            Trace.returned("getpeername", TraceFormat.named(fileno(), Optional.of(name), family), 0);
        }
        return name;
    }

    private SockAddr implGetpeername() throws IOException {
        stateLock.lock();
        try {
            ensureOpen("getpeername", "");
            connecting.pollConnect();
            return peer().orElseThrow(() -> Errors.of(Errno.ENOTCONN, "getpeername", ""));
        } finally {
            stateLock.unlock();
        }
    }

    /**
     * The kernel's file descriptor number, as C's {@code int fd} and Python's {@code fileno()}:
     * -1 once closed, and -1 when the JVM does not let sockit read it (it needs
     * {@code --add-opens java.base/sun.nio.ch=dev.sockit}, or {@code =ALL-UNNAMED} on the class
     * path). It stays the same when sockit replaces the socket's channel, unless another thread
     * opens a file at that moment (see the design note).
     */
    public int fileno() {
        SelectableChannel current = channel;
        return state == State.CLOSED ? -1 : NioInternals.fileno(current);
    }

    /** The address family, as Python's {@code family}. */
    public AddressFamily family() {
        return family;
    }

    /** The socket type, as Python's {@code type}. */
    public SocketType type() {
        return type;
    }

    /**
     * The protocol: for {@code AF_INET} and {@code AF_INET6} the one in use, 6 (TCP) or 17
     * (UDP), even when 0 was asked for, as {@code getsockopt(SO_PROTOCOL)} tells (Python's
     * {@code proto} keeps the 0); for {@code AF_UNIX} what was asked for, 0 or 1.
     */
    public int proto() {
        return proto;
    }

    // ---------------------------------------------------------------------------------------
    // Options

    /**
     * Sets an option, as C's {@code setsockopt(fd, level, optname, &value, sizeof(int))}; the
     * levels and names are in {@link SockOpt}. Options set on a listening socket apply to the
     * sockets it accepts, as on Linux. Does not block.
     *
     * @throws IOException a {@link SocketError}: {@code ENOPROTOOPT} for an unknown option, a level
     *     the socket lacks, a read-only option, or one the JDK cannot set on this socket (the
     *     message says which); {@code EOPNOTSUPP} for a level other than {@code SOL_SOCKET} on an
     *     {@code AF_UNIX} socket; {@code EINVAL} for a bad value; {@code EBADF} if closed
     */
    public void setsockopt(int level, int optname, int value) throws IOException {
        try {
            implSetsockopt(level, optname, value);
        } catch (IOException e) {
            throw Trace.ENABLED ? Trace.failed("setsockopt", TraceFormat.setsockopt(fileno(), level, optname, value), e)
                    : e;
        }
        if (Trace.ENABLED) {
            Trace.returned("setsockopt", TraceFormat.setsockopt(fileno(), level, optname, value), 0);
        }
    }

    private void implSetsockopt(int level, int optname, int value) throws IOException {
        stateLock.lock();
        try {
            ensureOpen("setsockopt", "");
            options.set((NetworkChannel) channel, localAddress().isPresent(), level, optname, value);
        } finally {
            stateLock.unlock();
        }
    }

    /**
     * Reads an option, as C's {@code getsockopt}. {@code SO_ERROR} returns the number of the
     * pending error and clears it, as Linux: a failed non-blocking connect, a connection reset
     * ({@code ECONNRESET}, then 0; a later receive reads what data is left, then end of stream),
     * a connected datagram socket's peer refusing ({@code ECONNREFUSED}). Does not block.
     *
     * <p>Without {@code --add-opens java.base/sun.nio.ch} sockit cannot ask the kernel for
     * {@code SO_ERROR}; then a reset is found by the probe {@link Poll} uses, which misses one
     * behind unread data, and a datagram socket's error is not seen.
     *
     * @throws IOException a {@link SocketError}, as {@link #setsockopt}, where Linux's
     *     {@code getsockopt} gives {@code EOPNOTSUPP} for a level an {@code AF_INET} socket lacks
     */
    public int getsockopt(int level, int optname) throws IOException {
        int value;
        try {
            value = implGetsockopt(level, optname);
        } catch (IOException e) {
            throw Trace.ENABLED ? Trace.failed("getsockopt",
                    TraceFormat.getsockopt(fileno(), level, optname, OptionalInt.empty()), e) : e;
        }
        if (Trace.ENABLED) {
            Trace.returned("getsockopt", TraceFormat.getsockopt(fileno(), level, optname, OptionalInt.of(value)), 0);
        }
        return value;
    }

    private int implGetsockopt(int level, int optname) throws IOException {
        if (level == SockOpt.SOL_SOCKET && optname == SockOpt.SO_ERROR) {
            return pollProbe.soError();
        }
        stateLock.lock();
        try {
            ensureOpen("getsockopt", "");
            return options.get((NetworkChannel) channel, level, optname);
        } finally {
            stateLock.unlock();
        }
    }

    /** {@code SO_REUSEADDR}: bind to an address some socket still holds in {@code TIME_WAIT}. */
    public void setReuseAddress(boolean on) throws IOException {
        setsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_REUSEADDR, on ? 1 : 0);
    }

    /** {@code SO_REUSEADDR}. */
    public boolean reuseAddress() throws IOException {
        return getsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_REUSEADDR) != 0;
    }

    /** {@code SO_REUSEPORT}: several sockets may bind one address and port. */
    public void setReusePort(boolean on) throws IOException {
        setsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_REUSEPORT, on ? 1 : 0);
    }

    /** {@code SO_REUSEPORT}. */
    public boolean reusePort() throws IOException {
        return getsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_REUSEPORT) != 0;
    }

    /** {@code SO_KEEPALIVE}: probe an idle TCP connection. */
    public void setKeepAlive(boolean on) throws IOException {
        setsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_KEEPALIVE, on ? 1 : 0);
    }

    /** {@code SO_KEEPALIVE}. */
    public boolean keepAlive() throws IOException {
        return getsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_KEEPALIVE) != 0;
    }

    /** {@code SO_BROADCAST}: a datagram socket may send to a broadcast address. */
    public void setBroadcast(boolean on) throws IOException {
        setsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_BROADCAST, on ? 1 : 0);
    }

    /** {@code SO_BROADCAST}. */
    public boolean broadcast() throws IOException {
        return getsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_BROADCAST) != 0;
    }

    /** {@code TCP_NODELAY}: send small segments at once. */
    public void setTcpNoDelay(boolean on) throws IOException {
        setsockopt(SockOpt.IPPROTO_TCP, SockOpt.TCP_NODELAY, on ? 1 : 0);
    }

    /** {@code TCP_NODELAY}. */
    public boolean tcpNoDelay() throws IOException {
        return getsockopt(SockOpt.IPPROTO_TCP, SockOpt.TCP_NODELAY) != 0;
    }

    /** {@code SO_RCVBUF} in bytes; Linux reserves twice what is set, and reports that. */
    public void setReceiveBufferSize(int bytes) throws IOException {
        setsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_RCVBUF, bytes);
    }

    /** {@code SO_RCVBUF}. */
    public int receiveBufferSize() throws IOException {
        return getsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_RCVBUF);
    }

    /** {@code SO_SNDBUF} in bytes; Linux reserves twice what is set, and reports that. */
    public void setSendBufferSize(int bytes) throws IOException {
        setsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_SNDBUF, bytes);
    }

    /** {@code SO_SNDBUF}. */
    public int sendBufferSize() throws IOException {
        return getsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_SNDBUF);
    }

    /**
     * {@code SO_LINGER}: how long {@link #close} waits for unsent data (rounded up to whole
     * seconds, as Linux counts it), or empty for off. {@link Duration#ZERO} makes close reset
     * the connection.
     *
     * @throws IllegalArgumentException if negative
     */
    public void setLinger(Optional<Duration> linger) throws IOException {
        setsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_LINGER, SocketArgs.lingerSeconds(linger));
    }

    /** {@code SO_LINGER}: empty when off. */
    public Optional<Duration> linger() throws IOException {
        int seconds = getsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_LINGER);
        return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    }

    /**
     * {@code SO_RCVTIMEO}: in blocking mode, how long a receive or accept waits before
     * {@code EAGAIN}; {@link Duration#ZERO} for ever. Counted in milliseconds, rounded up.
     * Timeout and non-blocking modes ignore it, as Linux ignores it on a non-blocking socket.
     */
    public void setReceiveTimeout(Duration timeout) throws IOException {
        setsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_RCVTIMEO, SocketArgs.millis(timeout));
    }

    /** {@code SO_RCVTIMEO}; {@link Duration#ZERO} for none. */
    public Duration receiveTimeout() throws IOException {
        return Duration.ofMillis(getsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_RCVTIMEO));
    }

    /**
     * {@code SO_SNDTIMEO}: in blocking mode, how long a send waits for room, and a connect for
     * the connection (which then fails with {@code EINPROGRESS}, as Linux);
     * {@link Duration#ZERO} for ever.
     */
    public void setSendTimeout(Duration timeout) throws IOException {
        setsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_SNDTIMEO, SocketArgs.millis(timeout));
    }

    /** {@code SO_SNDTIMEO}; {@link Duration#ZERO} for none. */
    public Duration sendTimeout() throws IOException {
        return Duration.ofMillis(getsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_SNDTIMEO));
    }

    /**
     * {@code IPV6_V6ONLY}: an {@code AF_INET6} socket refuses IPv4(-mapped) peers. Set it
     * before {@link #bind}. The JDK turns it off on every socket and offers no option for it:
     * turning it on needs {@code --add-opens java.base/sun.nio.ch=dev.sockit}, and fails with
     * {@code ENOPROTOOPT} without.
     */
    public void setV6Only(boolean on) throws IOException {
        setsockopt(SockOpt.IPPROTO_IPV6, SockOpt.IPV6_V6ONLY, on ? 1 : 0);
    }

    /** {@code IPV6_V6ONLY}. */
    public boolean v6Only() throws IOException {
        return getsockopt(SockOpt.IPPROTO_IPV6, SockOpt.IPV6_V6ONLY) != 0;
    }

    /**
     * Joins the multicast {@code group} on the interface that has address {@code iface}, as
     * {@code setsockopt(IP_ADD_MEMBERSHIP)} with a {@code struct ip_mreq}. With
     * {@link Ipv4Address#ANY} Linux picks the interface by route; the JDK needs one, and
     * sockit takes the first multicast interface that is up (the loopback one if none is).
     * Does not block.
     *
     * @throws IOException a {@link SocketError}: {@code EINVAL} if {@code group} is not multicast,
     *     {@code EADDRINUSE} if already joined there, {@code ENODEV} if no interface has
     *     {@code iface}, {@code EPROTO} on a stream socket, {@code EBADF} if closed
     */
    public void joinGroup(Ipv4Address group, Ipv4Address iface) throws IOException {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(iface, "iface");
        try {
            implJoinGroup(group, iface);
        } catch (IOException e) {
            throw Trace.ENABLED ? Trace.failed("setsockopt", TraceFormat.membership(fileno(), true, group, iface), e) : e;
        }
        if (Trace.ENABLED) {
            Trace.returned("setsockopt", TraceFormat.membership(fileno(), true, group, iface), 0);
        }
    }

    private void implJoinGroup(Ipv4Address group, Ipv4Address iface) throws IOException {
        stateLock.lock();
        try {
            ensureOpen("setsockopt", "IP_ADD_MEMBERSHIP");
            memberships.join(channel, group, iface);
        } finally {
            stateLock.unlock();
        }
    }

    /**
     * Leaves a group joined with {@link #joinGroup}, as {@code setsockopt(IP_DROP_MEMBERSHIP)}.
     *
     * @throws IOException a {@link SocketError}: {@code EADDRNOTAVAIL} if not a member there,
     *     {@code EBADF} if closed
     */
    public void leaveGroup(Ipv4Address group, Ipv4Address iface) throws IOException {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(iface, "iface");
        try {
            implLeaveGroup(group, iface);
        } catch (IOException e) {
            throw Trace.ENABLED ? Trace.failed("setsockopt", TraceFormat.membership(fileno(), false, group, iface), e)
                    : e;
        }
        if (Trace.ENABLED) {
            Trace.returned("setsockopt", TraceFormat.membership(fileno(), false, group, iface), 0);
        }
    }

    private void implLeaveGroup(Ipv4Address group, Ipv4Address iface) throws IOException {
        stateLock.lock();
        try {
            ensureOpen("setsockopt", "IP_DROP_MEMBERSHIP");
            memberships.leave(channel, group, iface);
        } finally {
            stateLock.unlock();
        }
    }

    // ---------------------------------------------------------------------------------------
    // Streams

    /**
     * An {@link InputStream} over {@link #recvInto}, as Python's {@code makefile('rb')} (without
     * its buffering). It keeps the socket's mode: in timeout mode a read fails with
     * {@link SocketTimedOutException}, in non-blocking mode with {@code EAGAIN}. Closing the
     * stream does not close the socket.
     *
     * @throws IllegalStateException if this is not a stream socket
     */
    public InputStream inputStream() {
        requireStream("inputStream");
        return new SocketInputStream(this);
    }

    /**
     * An {@link OutputStream} over {@link #sendall}, as Python's {@code makefile('wb')} (without
     * its buffering); it keeps the socket's mode. Closing the stream neither closes the socket
     * nor shuts it down: call {@code shutdown(SHUT_WR)} for the peer to read end of stream.
     *
     * @throws IllegalStateException if this is not a stream socket
     */
    public OutputStream outputStream() {
        requireStream("outputStream");
        return new SocketOutputStream(this);
    }

    /**
     * The socket as Python's {@code repr} shows it:
     * {@code <socket fd=5, family=AF_INET, type=SOCK_STREAM, proto=6, laddr=127.0.0.1:5000,
     * raddr=127.0.0.1:40112>}, without {@code laddr} for an unnamed UNIX socket and without
     * {@code raddr} when not connected; {@code <socket [closed] fd=-1, ...>} once closed.
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("<socket");
        boolean closed = state == State.CLOSED;
        if (closed) {
            text.append(" [closed]");
        }
        text.append(" fd=").append(fileno())
                .append(", family=").append(family)
                .append(", type=").append(type)
                .append(", proto=").append(proto);
        if (!closed) {
            stateLock.lock();
            try {
                SockAddr local = pairEnd ? UnixSockAddr.UNNAMED : SockAddrs.fromJdk(localAddress().orElse(null), family);
                if (!(local instanceof UnixSockAddr unix && unix.isUnnamed())) {
                    text.append(", laddr=").append(SockAddrs.text(local));
                }
                peer().filter(remote -> !(remote instanceof UnixSockAddr unix && unix.isUnnamed()))
                        .ifPresent(remote -> text.append(", raddr=").append(SockAddrs.text(remote)));
            } catch (IOException gone) {
                // Closed meanwhile: the names are gone with it.
            } finally {
                stateLock.unlock();
            }
        }
        return text.append('>').toString();
    }

    // =======================================================================================
    // Implementation. Layers: public call (arguments, locks) -> impl* (state) -> loop with
    // deadline -> one channel operation; the loops are in the parts named at the fields.

    /**
     * Receives into {@code buffer}, for every public receive; traced as {@code recvfrom}, with
     * the source when {@code wantSource}.
     */
    private Received receive(ByteBuffer buffer, int flags, String call, boolean wantSource) throws IOException {
        Received received;
        try {
            received = implReceive(buffer, flags, call, wantSource);
        } catch (IOException e) {
            throw Trace.ENABLED ? Trace.failed("recvfrom", TraceFormat.recvfrom(fileno(), buffer, buffer.position(), 0,
                    buffer.remaining(), flags, wantSource ? TraceFormat.addressOut(Optional.empty(), family)
                    : TraceFormat.NO_SOURCE), e) : e;
        }
        if (Trace.ENABLED) {
            int stored = received.stored();
            String source = wantSource ? TraceFormat.addressOut(Optional.of(received.source()), family)
                    : TraceFormat.NO_SOURCE;
            Trace.returned("recvfrom", TraceFormat.recvfrom(fileno(), buffer, buffer.position() - stored, stored,
                    buffer.remaining() + stored, flags, source), (flags & MSG_TRUNC) != 0 ? received.length() : stored);
        }
        return received;
    }

    /** Checks the flags, takes the read lock, and receives. */
    private Received implReceive(ByteBuffer buffer, int flags, String call, boolean wantSource) throws IOException {
        if ((flags & ~RECV_FLAGS) != 0) {
            throw SocketArgs.unsupportedFlags(call, flags, "MSG_PEEK, MSG_TRUNC, MSG_DONTWAIT and MSG_WAITALL");
        }
        readLock.lock();
        try {
            Deadline deadline = receiveDeadline(flags);
            if (type == SocketType.SOCK_DGRAM) {
                return datagramReceiver.receive(buffer, flags, deadline, call);
            }
            if ((flags & MSG_TRUNC) != 0) {
                throw SocketArgs.unsupportedFlags(call, MSG_TRUNC, "MSG_TRUNC on datagram sockets only");
            }
            int n = streamReceiver.receive(buffer, flags, deadline, call);
            return new Received(n, n, wantSource ? streamPeer(call) : UnixSockAddr.UNNAMED);
        } finally {
            readLock.unlock();
        }
    }

    /** Sends {@code buffer}'s remaining bytes, for every public send; traced as {@code sendto}. */
    private int send(ByteBuffer buffer, int flags, Optional<SockAddr> target, boolean all, String call)
            throws IOException {
        int start = buffer.position();
        int length = buffer.remaining();
        int sent;
        try {
            sent = implSend(buffer, flags, target, all, call);
        } catch (IOException e) {
            throw Trace.ENABLED ? Trace.failed("sendto", TraceFormat.sendto(fileno(), buffer, start, length, flags,
                    target), e) : e;
        }
        if (Trace.ENABLED) {
            Trace.returned("sendto", TraceFormat.sendto(fileno(), buffer, start, length, flags, target), sent);
        }
        return sent;
    }

    /** Checks the flags and the address, takes the write lock, and sends. */
    private int implSend(ByteBuffer buffer, int flags, Optional<SockAddr> target, boolean all, String call)
            throws IOException {
        if ((flags & ~SEND_FLAGS) != 0) {
            throw SocketArgs.unsupportedFlags(call, flags, "MSG_DONTWAIT");
        }
        writeLock.lock();
        try {
            Deadline deadline = sendDeadline(flags);
            if (type == SocketType.SOCK_DGRAM) {
                return sender.sendDatagram(buffer, target, deadline, call);
            }
            if (target.isPresent() && family == AddressFamily.AF_UNIX) {
                boolean connected = state == State.CONNECTED;
                throw Errors.of(connected ? Errno.EISCONN : Errno.EOPNOTSUPP, call, SockAddrs.text(target.get()));
            }
            return sender.sendStream(buffer, deadline, all, call);
        } finally {
            writeLock.unlock();
        }
    }

    // ---------------------------------------------------------------------------------------
    // Small helpers

    /** Waits on {@code waiter} for what remains of {@code deadline}; false if nothing remains. */
    boolean await(Waiter waiter, SelectableChannel on, int ops, Deadline deadline, String call)
            throws IOException {
        long remaining = deadline.remainingNanos();
        if (remaining <= 0) {
            return false;
        }
        try {
            waiter.await(on, ops, remaining);
        } catch (IOException e) {
            throw failure(e, call, "", Errno.EBADF);
        }
        return true;
    }

    private Deadline receiveDeadline(int flags) {
        return deadline(flags, options.receiveTimeoutNanos());
    }

    private Deadline sendDeadline(int flags) {
        return deadline(flags, options.sendTimeoutNanos());
    }

    private Deadline deadline(int flags, long socketOption) {
        long timeout = timeoutNanos;
        if ((flags & MSG_DONTWAIT) != 0 || timeout == 0) {
            return Deadline.nonBlocking();
        }
        if (timeout > 0) {
            return Deadline.after(Deadline.Kind.TIMEOUT, timeout);
        }
        return socketOption > 0 ? Deadline.after(Deadline.Kind.SOCKET_OPTION, socketOption) : Deadline.never();
    }

    /** The error for a JDK failure: {@code EBADF} if the socket was closed meanwhile. */
    IOException failure(Exception e, String call, String target, Errno fallback) {
        if (state == State.CLOSED && !(e instanceof SocketError)) {
            IOException closed = Errors.of(Errno.EBADF, call, target);
            closed.initCause(e);
            return closed;
        }
        return JdkErrors.map(e, call, target, fallback);
    }

    void ensureOpen(String call, String target) throws IOException {
        if (state == State.CLOSED) {
            throw Errors.of(Errno.EBADF, call, target);
        }
    }

    /** With stateLock held: {@code EBADF} if closed, {@code EOPNOTSUPP} if not a stream socket. */
    void ensureOpenStream(String call) throws IOException {
        ensureOpen(call, "");
        if (type != SocketType.SOCK_STREAM) {
            throw Errors.of(Errno.EOPNOTSUPP, call, "", "not a stream socket");
        }
    }

    /** The error Linux gives for an address of the wrong family, or the JDK's limit on UNIX paths. */
    void checkFamily(String call, SockAddr address) throws IOException {
        Optional<Errno> wrong = SockAddrs.familyError(family, type, call, address);
        if (wrong.isPresent()) {
            throw Errors.of(wrong.get(), call, SockAddrs.text(address),
                    "an " + family + " socket given an " + address.family() + " address");
        }
        Optional<String> tooLong = SockAddrs.jdkLimit(address);
        if (tooLong.isPresent()) {
            throw Errors.of(Errno.EINVAL, call, SockAddrs.text(address), tooLong.get());
        }
    }

    /** With stateLock held: the channel's local address, empty while unbound. */
    Optional<SocketAddress> localAddress() throws IOException {
        try {
            return Optional.ofNullable(((NetworkChannel) channel).getLocalAddress());
        } catch (IOException e) {
            throw failure(e, "getsockname", "", Errno.EBADF);
        }
    }

    /** With stateLock held: the peer, if connected. */
    Optional<SockAddr> peer() throws IOException {
        if (state != State.CONNECTED) {
            return Optional.empty();
        }
        if (pairEnd) {
            return Optional.of(UnixSockAddr.UNNAMED);
        }
        try {
            SocketAddress remote = channel instanceof SocketChannel stream
                    ? stream.getRemoteAddress()
                    : ((DatagramChannel) channel).getRemoteAddress();
            return remote == null ? Optional.empty() : Optional.of(SockAddrs.fromJdk(remote, family));
        } catch (IOException e) {
            throw failure(e, "getpeername", "", Errno.EBADF);
        }
    }

    SockAddr streamPeer(String call) throws IOException {
        stateLock.lock();
        try {
            return peer().orElseThrow(() -> Errors.of(Errno.ENOTCONN, call, ""));
        } finally {
            stateLock.unlock();
        }
    }

    private void setTimeoutNanos(long nanos) {
        stateLock.lock();
        try {
            timeoutNanos = nanos;
        } finally {
            stateLock.unlock();
        }
    }

    private void requireStream(String what) {
        if (type != SocketType.SOCK_STREAM) {
            throw new IllegalStateException(what + ": a " + type + " socket (expected: SOCK_STREAM)");
        }
    }

}
