package dev.sockit.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * {@link Socket#inputStream}: reads are {@link Socket#recvInto} calls, in the socket's mode.
 * Closing it closes only the stream; it is as thread-safe as the socket's receives are.
 */
final class SocketInputStream extends InputStream {
    private final Socket socket;
    private volatile boolean closed;

    SocketInputStream(Socket socket) {
        this.socket = socket;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (closed) {
            throw new IOException("stream closed");
        }
        if (length == 0) {
            return 0;
        }
        int n = socket.recvInto(ByteBuffer.wrap(bytes, offset, length), 0);
        return n == 0 ? -1 : n;
    }

    /** Closes this stream only; the socket stays open. */
    @Override
    public void close() {
        closed = true;
    }
}
