package dev.sockit.bench;

import dev.sockit.addr.InetSockAddr;
import dev.sockit.net.Socket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The client's end of the control connection ({@link ControlProtocol}): blocking, every read
 * bounded by a timeout. Not thread-safe: the thread that runs the test owns it.
 */
final class ControlChannel implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private final Socket socket;
    private final InetSockAddr server;
    private final InputStream in;
    private final OutputStream out;

    private ControlChannel(Socket socket) throws IOException {
        this.socket = socket;
        this.server = (InetSockAddr) socket.getpeername();
        socket.settimeout(ANSWER_TIMEOUT);
        this.in = socket.inputStream();
        this.out = socket.outputStream();
    }

    /**
     * Connects to {@code host port}, asks for the test and waits for the server's {@code OK}.
     * @throws IOException if the connect fails (errno text), or the server refuses ({@link RefusedException})
     */
    static ControlChannel open(String host, int port, long cookie, TestSpec spec) throws IOException {
        ControlChannel c = new ControlChannel(Socket.createConnection(host, port, CONNECT_TIMEOUT, Optional.empty()));
        try {
            c.send(ControlProtocol.hello(cookie, spec));
            String answer = c.readLine();
            if (answer.startsWith("ERR ")) {
                throw new RefusedException("server " + c.server + " refused the test: " + answer.substring(4));
            }
            if (!answer.equals("OK")) {
                throw new RefusedException("server " + c.server + " is not a sockit bench server (it answered \"" + shorten(answer) + "\")");
            }
            return c;
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** The server's address as connected. */
    InetSockAddr server() {
        return server;
    }

    /** Tells the server the warm-up is over. */
    void mark() throws IOException {
        send("MARK");
    }

    /** Tells the server the test is over and reads its counts. */
    ServerReport end(List<Long> sent) throws IOException {
        send(ControlProtocol.end(sent));
        String line = readLine();
        try {
            return ControlProtocol.parseResult(line);
        } catch (IllegalArgumentException e) {
            throw new RefusedException("server " + server + ": " + e.getMessage());
        }
    }

    private void send(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private String readLine() throws IOException {
        StringBuilder s = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new RefusedException("server " + server + " closed the control connection" + (s.isEmpty() ? "" : " after \"" + shorten(s.toString()) + "\""));
            }
            if (b == '\n') {
                return s.toString();
            }
            if (s.length() >= ControlProtocol.MAX_LINE) {
                throw new RefusedException("server " + server + " sent a line longer than " + ControlProtocol.MAX_LINE + " bytes");
            }
            s.append((char) b);
        }
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // The run is over; a failing close changes nothing.
        }
    }

    /** The server refused the test or broke the protocol. */
    static final class RefusedException extends IOException {
        RefusedException(String message) {
            super(message);
        }
    }
}
