package dev.sockit.cli.nc;

import dev.sockit.addr.SockAddr;
import dev.sockit.server.CloseCause;
import dev.sockit.server.Connection;
import dev.sockit.server.ConnectionHandler;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * A TCP connection handler behind the listener's admission: on open the {@link ListenSession}
 * decides (access rules, {@code -m}, one client without {@code -k}); a client turned away is
 * closed at once and told nothing, one let in gets the wrapped handler and, at its end, a
 * {@code closed} event with its byte counts. The server stopping does not close an admitted
 * connection: the listener closes what it must itself.
 */
final class Admitted implements ConnectionHandler {
    private final ListenSession session;
    private final ConnectionHandler inner;
    private SockAddr peer;
    private boolean admitted;
    private boolean inputDone;
    private long openedAt;

    Admitted(ListenSession session, ConnectionHandler inner) {
        this.session = session;
        this.inner = inner;
    }

    @Override
    public void onOpen(Connection connection) {
        peer = connection.peer();
        openedAt = System.nanoTime();
        if (!session.admit(peer)) {
            connection.abort();
            return;
        }
        admitted = true;
        inner.onOpen(connection);
    }

    @Override
    public void onData(Connection connection, ByteBuffer data) {
        if (admitted) {
            inner.onData(connection, data);
        } else {
            data.position(data.limit());
        }
    }

    @Override
    public void onInputClosed(Connection connection) {
        inputDone = true;
        if (admitted) {
            inner.onInputClosed(connection);
        }
    }

    @Override
    public void onWritabilityChanged(Connection connection, boolean writable) {
        if (admitted) {
            inner.onWritabilityChanged(connection, writable);
        }
    }

    @Override
    public void onStop(Connection connection) {
        // The listener stops accepting once its one client came; that client goes on.
    }

    @Override
    public void onClose(Connection connection, CloseCause cause) {
        if (!admitted) {
            return;
        }
        try {
            inner.onClose(connection, cause);
        } finally {
            session.ended(peer, connection.bytesWritten(), connection.bytesRead(), Duration.ofNanos(System.nanoTime() - openedAt),
                    cause, inputDone);
        }
    }
}
