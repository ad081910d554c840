package dev.sockit.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/** Opening the client's TCP data connections. */
final class DataConnections {
    private DataConnections() {
    }

    /**
     * A blocking connection to {@code server} that has sent {@code firstLine} (and {@code \n})
     * if it is not {@code null}.
     * @throws IOException with the errno text if the connect or the write fails
     */
    static SocketChannel open(InetSocketAddress server, String firstLine, boolean noDelay) throws IOException {
        SocketChannel ch = SocketChannel.open();
        try {
            ch.setOption(StandardSocketOptions.TCP_NODELAY, noDelay);
            ch.connect(server);
            if (firstLine != null) {
                ByteBuffer b = ByteBuffer.wrap((firstLine + "\n").getBytes(StandardCharsets.US_ASCII));
                while (b.hasRemaining()) {
                    ch.write(b);
                }
            }
            return ch;
        } catch (IOException e) {
            closeQuietly(ch);
            throw NetErrors.wrap("connect", server.getAddress().getHostAddress() + ":" + server.getPort(), e);
        }
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (Exception e) {
            // Closing at the end of a run: nothing left to report.
        }
    }
}
