package dev.sockit.cli.nc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback listener that never accepts, its backlog filled by connections the test holds:
 * Linux then drops further SYNs, so a connect to it times out without leaving loopback.
 */
final class FullBacklog implements AutoCloseable {
    private final ServerSocket listener;
    private final List<SocketChannel> fillers = new ArrayList<>();

    private FullBacklog(ServerSocket listener) {
        this.listener = listener;
    }

    /** A listener with a backlog of 1, and four non-blocking connects to it (two fit, two wait). */
    static FullBacklog start() throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
        FullBacklog full = new FullBacklog(listener);
        try {
            for (int i = 0; i < 4; i++) {
                SocketChannel filler = SocketChannel.open();
                full.fillers.add(filler);
                filler.configureBlocking(false);
                filler.connect(listener.getLocalSocketAddress());
            }
        } catch (IOException e) {
            full.close();
            throw e;
        }
        return full;
    }

    int port() {
        return listener.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        for (SocketChannel filler : fillers) {
            filler.close();
        }
        listener.close();
    }
}
