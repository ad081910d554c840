package dev.sockit.net;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * {@link Socket#outputStream}: writes are {@link Socket#sendall} calls, in the socket's mode.
 * Closing it closes only the stream; the socket is neither closed nor shut down.
 */
final class SocketOutputStream extends OutputStream {
    private final Socket socket;
    private volatile boolean closed;

    SocketOutputStream(Socket socket) {
        this.socket = socket;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (closed) {
            throw new IOException("stream closed");
        }
        socket.sendall(ByteBuffer.wrap(bytes, offset, length), 0);
    }

    /** Closes this stream only; the socket stays open and connected. */
    @Override
    public void close() {
        closed = true;
    }
}
