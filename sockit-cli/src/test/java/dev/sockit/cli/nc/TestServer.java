package dev.sockit.cli.nc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A TCP peer on loopback that a test drives step by step: accept, read, write, half-close,
 * close, each bounded by a timeout (20 s unless told), so a test never hangs.
 */
final class TestServer implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);

    private final ServerSocket listener;
    private Socket client;

    private TestServer(ServerSocket listener) {
        this.listener = listener;
    }

    /** Listens on 127.0.0.1, a free port. */
    static TestServer start() throws IOException {
        return start(InetAddress.getLoopbackAddress(), 50);
    }

    /** Listens on {@code address}, a free port, with {@code backlog}. */
    static TestServer start(InetAddress address, int backlog) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.bind(new InetSocketAddress(address, 0), backlog);
        listener.setSoTimeout((int) WAIT.toMillis());
        return new TestServer(listener);
    }

    int port() {
        return listener.getLocalPort();
    }

    String portText() {
        return Integer.toString(port());
    }

    /** Accepts the next client; fails after 20 s. */
    Socket accept() throws IOException {
        client = listener.accept();
        client.setSoTimeout((int) WAIT.toMillis());
        return client;
    }

    /** Reads until the client's FIN; fails after 20 s of silence. */
    byte[] readToEof() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        InputStream in = client.getInputStream();
        byte[] chunk = new byte[65536];
        for (int n; (n = in.read(chunk)) >= 0; ) {
            all.write(chunk, 0, n);
        }
        return all.toByteArray();
    }

    /** Reads until the FIN, as UTF-8. */
    String readTextToEof() throws IOException {
        return new String(readToEof(), StandardCharsets.UTF_8);
    }

    /** Reads exactly {@code n} bytes. */
    byte[] readExactly(int n) throws IOException {
        return client.getInputStream().readNBytes(n);
    }

    /** Whether the client sends its FIN within {@code time} (reading and dropping data before it). */
    boolean eofWithin(Duration time) throws IOException {
        client.setSoTimeout((int) time.toMillis());
        try {
            InputStream in = client.getInputStream();
            byte[] chunk = new byte[4096];
            while (in.read(chunk) >= 0) {
                // drop
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } finally {
            client.setSoTimeout((int) WAIT.toMillis());
        }
    }

    void write(String text) throws IOException {
        client.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        client.getOutputStream().flush();
    }

    void write(byte[] data) throws IOException {
        client.getOutputStream().write(data);
        client.getOutputStream().flush();
    }

    /** Sends a FIN, keeps reading possible. */
    void shutdownOutput() throws IOException {
        client.shutdownOutput();
    }

    /** Closes the accepted connection (a FIN); the listener stays. */
    void closeClient() throws IOException {
        client.close();
    }

    /** Closes the client with a reset (SO_LINGER 0). */
    void reset() throws IOException {
        client.setSoLinger(true, 0);
        client.close();
    }

    @Override
    public void close() throws IOException {
        if (client != null) {
            client.close();
        }
        listener.close();
    }
}
