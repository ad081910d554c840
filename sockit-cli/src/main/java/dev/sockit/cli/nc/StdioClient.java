package dev.sockit.cli.nc;

import dev.sockit.server.CloseCause;
import dev.sockit.server.Connection;
import java.nio.ByteBuffer;

/**
 * A TCP client of the plain listener: what it sends goes to stdout, what stdin gives goes to
 * it. End of stream as the README's table says: stdin's EOF shuts our sending side down
 * ({@code SHUT_WR}) and reading goes on; the client's FIN alone does not close the connection
 * while stdin may still give data ({@code --exit-on-peer-close}: it does). The connection
 * closes when both directions are done, or a write fails because the client has gone.
 *
 * <p>Loop-thread callbacks; {@link #send}, {@link #writable} and {@link #endOutput} are the
 * stdin thread's. {@code inputDone} and {@code outputDone} are volatile: each side sets its
 * own, then reads the other's, so at least one of them sees both and closes.
 */
final class StdioClient extends ConnectionOutlet {
    private final Clients clients;
    private final StdoutPump stdout;
    private final TrafficTap tap;
    private final boolean exitOnPeerClose;
    private final boolean sendOnly;
    private final boolean sendsNothing;
    private final boolean sole;
    private volatile boolean inputDone;
    private volatile boolean outputDone;

    /**
     * @param sendOnly {@code --send-only}: what the client sends is dropped
     * @param sendsNothing {@code --recv-only}/{@code --no-stdin}: nothing will be sent, so the
     *     client's FIN ends the connection
     * @param sole the listener's only client (no {@code -k}): once nothing more will be sent
     *     to it, stdout is written on the event loop ({@link StdoutPump#writeInline})
     */
    StdioClient(Clients clients, StdoutPump stdout, TrafficTap tap, boolean exitOnPeerClose, boolean sendOnly, boolean sendsNothing,
            boolean sole) {
        this.clients = clients;
        this.stdout = stdout;
        this.tap = tap;
        this.exitOnPeerClose = exitOnPeerClose;
        this.sendOnly = sendOnly;
        this.sendsNothing = sendsNothing;
        this.sole = sole;
    }

    @Override
    public void onOpen(Connection c) {
        connection = c;
        if (!sendsNothing) {
            clients.add(this);
        } else if (sole) {
            stdout.writeInline();
        }
    }

    @Override
    public void onData(Connection c, ByteBuffer data) {
        if (sendOnly) {
            data.position(data.limit());
            return;
        }
        tap.record(TrafficTap.Direction.RECEIVED, data);
        if (!stdout.offer(data)) {
            stdout.pause(c);
        }
    }

    @Override
    public void onInputClosed(Connection c) {
        inputDone = true;
        if (exitOnPeerClose || sendsNothing || outputDone) {
            c.close();
        }
    }

    @Override
    public void onWritabilityChanged(Connection c, boolean writable) {
        if (writable) {
            clients.signal();
        }
    }

    @Override
    public void onClose(Connection c, CloseCause cause) {
        clients.remove(this);
    }

    @Override
    public void endOutput() {
        outputDone = true;
        if (sole) {
            stdout.writeInline();
        }
        Connection c = connection;
        c.shutdownOutput();
        if (inputDone) {
            c.close();
        }
    }
}
