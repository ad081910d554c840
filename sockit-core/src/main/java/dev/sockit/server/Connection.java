package dev.sockit.server;

import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.SockAddr;
import dev.sockit.addr.UnixSockAddr;
import java.nio.ByteBuffer;

/**
 * One accepted TCP connection of a {@link TcpServer}.
 *
 * <p>Its I/O happens on its event loop. {@link #write}, {@link #close()},
 * {@link #shutdownOutput()} and {@link #setAutoRead} may be called from any thread: off the
 * loop they copy what they need and run on the loop later, in call order. The counters can be
 * read anywhere and show a recent value off the loop.
 */
public sealed interface Connection permits TcpConnection {

    /**
     * Queues {@code data} for the peer and takes it at once: on return {@code data} has no bytes
     * remaining and may be reused. On the loop with nothing queued the bytes go straight to the
     * kernel, and only what it does not take is copied into pooled buffers. Never blocks.
     *
     * <p>Above {@link ServerConfig#writeHighWatermark()} queued bytes the connection is
     * unwritable (the handler hears of it through
     * {@link ConnectionHandler#onWritabilityChanged}); above {@link ServerConfig#writeQueueLimit()}
     * it is closed ({@link CloseCause.Reason#WRITE_OVERFLOW}).
     *
     * @return {@link #isWritable()} after queueing; {@code false} also when closed (bytes dropped)
     */
    boolean write(ByteBuffer data);

    /** Whether fewer than the high watermark bytes are queued (and the connection is open). */
    boolean isWritable();

    /** Bytes queued and not yet taken by the kernel. */
    long queuedBytes();

    /**
     * Asks for one {@link ConnectionHandler#onWritabilityChanged onWritabilityChanged(c, true)}
     * once the kernel can take more and the queue is at or below the low watermark: how a
     * producer (chargen, a file sender) writes a bounded burst, then waits for room.
     */
    void requestWritable();

    /** Stops ({@code false}) or resumes ({@code true}) reading from the socket. */
    void setAutoRead(boolean autoRead);

    /** Sends FIN once queued bytes are written; reading goes on. */
    void shutdownOutput();

    /** Closes once queued bytes are written ({@link CloseCause.Reason#LOCAL_CLOSE}); idempotent. */
    void close();

    /** Closes now, dropping queued bytes; idempotent. */
    void abort();

    /** Whether the connection is still open. */
    boolean isOpen();

    /**
     * The peer's IP address and port.
     *
     * @throws IllegalStateException for a UNIX stream connection (see {@link #peer()}) or once closed
     */
    InetSockAddr remoteAddress();

    /**
     * This side's IP address and port.
     *
     * @throws IllegalStateException for a UNIX stream connection (see {@link #local()}) or once closed
     */
    InetSockAddr localAddress();

    /** The peer's address: an {@link InetSockAddr}, or a {@link UnixSockAddr} (usually unnamed) on a UNIX listener. */
    SockAddr peer();

    /** This side's address: an {@link InetSockAddr}, or the {@link UnixSockAddr} listened on. */
    SockAddr local();

    /** Bytes read from the peer so far. */
    long bytesRead();

    /** Bytes the kernel took for the peer so far. */
    long bytesWritten();

    /** What the handler attached, or {@code null}. */
    Object attachment();

    /** Attaches an object to this connection; returns the previous one. */
    Object attach(Object attachment);
}
