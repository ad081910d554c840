package dev.sockit.bench;

import dev.sockit.frame.FrameTooLongException;
import dev.sockit.frame.LineDecoder;
import dev.sockit.server.CloseCause;
import dev.sockit.server.Connection;
import dev.sockit.server.ConnectionHandler;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One TCP connection of the {@link BenchServer}: its first line says what it is, a control
 * connection ({@link ControlProtocol#GREETING}) or a data connection ({@code DATA}); then it
 * counts (sink), sends (source), echoes (echo) or just stays open (hold). A connection that
 * sends anything else is answered {@code ERR} and closed; one that closes before its first
 * line (the connect test) is simply closed.
 */
final class BenchConnectionHandler implements ConnectionHandler {
    private static final int SOURCE_BURST = 16;

    private final BenchServer server;
    private final LineDecoder lines = new LineDecoder(ControlProtocol.MAX_LINE, false);
    private String lineRead;
    private ServerSession control;
    private ServerSession session;
    private int stream;
    private ControlProtocol.Role role;
    private ByteBuffer source;

    BenchConnectionHandler(BenchServer server) {
        this.server = server;
    }

    @Override
    public void onData(Connection c, ByteBuffer data) {
        if (role == ControlProtocol.Role.ECHO) {
            c.write(data);
            return;
        }
        if (role != null) {
            return;
        }
        String text;
        try {
            while ((text = takeLine(data)) != null) {
                if (control != null) {
                    controlLine(c, text);
                } else if (text.startsWith(ControlProtocol.GREETING)) {
                    control = server.open(c, ControlProtocol.parseHello(text));
                } else {
                    dataLine(c, ControlProtocol.parseData(text), data.remaining());
                    if (role == ControlProtocol.Role.ECHO && data.hasRemaining()) {
                        c.write(data);
                    }
                    return;
                }
            }
        } catch (IllegalArgumentException | FrameTooLongException e) {
            refuse(c, e.getMessage());
        }
    }

    /** The next control line of {@code data} (ASCII, without its delimiter), or {@code null} if {@code data} ends first. */
    private String takeLine(ByteBuffer data) {
        lineRead = null;
        lines.decodeLine(data, line -> lineRead = StandardCharsets.US_ASCII.decode(line).toString());
        return lineRead;
    }

    private void controlLine(Connection c, String text) {
        if (text.equals("MARK")) {
            control.mark();
        } else if (text.startsWith("END")) {
            control.end(ControlProtocol.parseEnd(text));
        } else {
            throw new IllegalArgumentException("unexpected \"" + (text.length() > 40 ? text.substring(0, 40) : text) + "\"");
        }
    }

    private void dataLine(Connection c, ControlProtocol.Data d, int leftover) {
        ServerSession s = server.session(d.cookie());
        long baseline = d.role() == ControlProtocol.Role.SOURCE ? c.bytesWritten() : c.bytesRead() - leftover;
        if (s == null || !s.attach(d.stream(), d.role(), c, baseline)) {
            throw new IllegalArgumentException("no session " + Long.toHexString(d.cookie()) + " with a free stream " + d.stream());
        }
        session = s;
        stream = d.stream();
        role = d.role();
        if (role == ControlProtocol.Role.SOURCE) {
            source = ByteBuffer.allocateDirect(s.spec().length());
            fill(c);
        }
    }

    private void fill(Connection c) {
        for (int i = 0; i < SOURCE_BURST && c.isOpen(); i++) {
            source.clear();
            if (!c.write(source)) {
                return;
            }
        }
        c.requestWritable();
    }

    @Override
    public void onWritabilityChanged(Connection c, boolean writable) {
        if (role == ControlProtocol.Role.SOURCE) {
            if (writable) {
                fill(c);
            }
        } else {
            ConnectionHandler.super.onWritabilityChanged(c, writable);
        }
    }

    @Override
    public void onInputClosed(Connection c) {
        if (role == ControlProtocol.Role.SOURCE) {
            c.abort();
        } else {
            c.close();
        }
    }

    @Override
    public void onClose(Connection c, CloseCause cause) {
        if (control != null) {
            server.closed(control);
        }
        if (session != null) {
            session.detach(stream, c);
        }
    }

    private static void refuse(Connection c, String why) {
        c.write(ByteBuffer.wrap(("ERR " + why + "\n").getBytes(StandardCharsets.US_ASCII)));
        c.close();
    }
}
