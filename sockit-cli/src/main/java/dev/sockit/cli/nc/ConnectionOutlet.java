package dev.sockit.cli.nc;

import dev.sockit.server.Connection;
import dev.sockit.server.ConnectionHandler;
import java.nio.ByteBuffer;

/**
 * A client connection as an {@link Outlet}: sending is the engine's non-blocking write, and
 * there is room while the connection's queue is under its high watermark. A subclass sets
 * {@link #connection} in {@link ConnectionHandler#onOpen}, before it makes itself known to
 * any other thread.
 */
abstract class ConnectionOutlet implements ConnectionHandler, Outlet {
    /** The connection; set once, in {@code onOpen}. */
    volatile Connection connection;

    @Override
    public void send(ByteBuffer data) {
        connection.write(data);
    }

    @Override
    public boolean writable() {
        Connection c = connection;
        return !c.isOpen() || c.isWritable();
    }
}
