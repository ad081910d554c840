package dev.sockit.server;

import java.nio.ByteBuffer;

/**
 * What a server does with a connection. Every callback runs on the connection's event-loop
 * thread, one at a time, and must not block: a handler that blocks stalls every connection
 * of its loop. A callback that throws closes its connection only
 * ({@link CloseCause.Reason#HANDLER_FAILED}); the server and other connections go on.
 *
 * <p>A server takes a {@code Supplier<ConnectionHandler>} and asks it once per connection, so
 * a handler may keep per-connection state in fields; a stateless handler can return itself.
 */
public interface ConnectionHandler {

    /** The connection is open and registered; reading starts when this returns. */
    default void onOpen(Connection connection) {
    }

    /**
     * Bytes arrived. {@code data} is the loop's read buffer, valid during this call only:
     * consume it, copy it, or pass it to {@link Connection#write} (which takes the bytes at once).
     */
    void onData(Connection connection, ByteBuffer data);

    /**
     * The peer shut down its sending side (EOF). The default closes ours once queued bytes are
     * written ({@link Connection#close()}); a half-duplex handler may keep writing and close later.
     */
    default void onInputClosed(Connection connection) {
        ((TcpConnection) connection).closeAfterFlush(CloseCause.PEER);
    }

    /**
     * The queue crossed a watermark: {@code false} when more than the high watermark is queued,
     * {@code true} when it drained to the low watermark, or when the handler asked with
     * {@link Connection#requestWritable()}. The default stops reading while unwritable, so a
     * handler that answers what it reads (echo) cannot be made to queue without bound by a
     * peer that sends and never reads.
     */
    default void onWritabilityChanged(Connection connection, boolean writable) {
        connection.setAutoRead(writable);
    }

    /**
     * The server is stopping ({@link TcpServer#stop}). The default closes the connection once
     * its queued bytes are written; a handler may instead finish its exchange and close later,
     * until the grace period ends and the server closes it.
     */
    default void onStop(Connection connection) {
        ((TcpConnection) connection).closeAfterFlush(CloseCause.STOPPED);
    }

    /** The connection is closed; called once, last. */
    default void onClose(Connection connection, CloseCause cause) {
    }
}
