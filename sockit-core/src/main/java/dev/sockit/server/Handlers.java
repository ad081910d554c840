package dev.sockit.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The classic services as handler suppliers for {@link TcpServer#start}: echo (RFC 862, TCP and UDP),
 * discard (RFC 863), chargen (RFC 864) and reply-once.
 */
public final class Handlers {
    private Handlers() {
    }

    /** Echo: writes back what it reads; stops reading while the peer is not reading (watermarks). */
    public static Supplier<ConnectionHandler> echo() {
        return () -> Echo.INSTANCE;
    }

    /** Discard: reads and drops everything. */
    public static Supplier<ConnectionHandler> discard() {
        return () -> Discard.INSTANCE;
    }

    /**
     * Chargen: sends RFC 864's pattern (lines of 72 printable characters, each starting one
     * character later, CR LF) for as long as the peer reads; input is dropped.
     */
    public static Supplier<ConnectionHandler> chargen() {
        return Chargen::new;
    }

    /**
     * Reply-once: answers each client's first bytes with {@code reply}, once; later input is
     * dropped and the connection stays open until the peer closes.
     */
    public static Supplier<ConnectionHandler> replyOnce(byte[] reply) {
        Objects.requireNonNull(reply, "reply");
        byte[] copy = reply.clone();
        return () -> new ReplyOnce(copy);
    }

    /** {@link #replyOnce(byte[])} with {@code text} in UTF-8. */
    public static Supplier<ConnectionHandler> replyOnce(String text) {
        return replyOnce(text.getBytes(StandardCharsets.UTF_8));
    }

    /** UDP echo: sends each datagram back to the peer it came from. */
    public static Supplier<DatagramHandler> udpEcho() {
        return () -> UdpEcho.INSTANCE;
    }

    private static final class UdpEcho implements DatagramHandler {
        static final UdpEcho INSTANCE = new UdpEcho();

        @Override
        public void onDatagram(Peer peer, ByteBuffer data) {
            peer.send(data);
        }
    }

    private static final class Echo implements ConnectionHandler {
        static final Echo INSTANCE = new Echo();

        @Override
        public void onData(Connection connection, ByteBuffer data) {
            connection.write(data);
        }
    }

    private static final class Discard implements ConnectionHandler {
        static final Discard INSTANCE = new Discard();

        @Override
        public void onData(Connection connection, ByteBuffer data) {
            data.position(data.limit());
        }
    }

    private static final class Chargen implements ConnectionHandler {
        private static final int LINE = 72;
        private static final int PRINTABLE = 95; // ' ' .. '~'
        /** One whole cycle of the pattern (95 lines), so any offset continues it. */
        private static final ByteBuffer CYCLE;
        private static final int BURST = 64 * 1024;

        static {
            byte[] cycle = new byte[PRINTABLE * (LINE + 2)];
            int p = 0;
            for (int line = 0; line < PRINTABLE; line++) {
                for (int i = 0; i < LINE; i++) {
                    cycle[p++] = (byte) (' ' + (line + i) % PRINTABLE);
                }
                cycle[p++] = '\r';
                cycle[p++] = '\n';
            }
            CYCLE = ByteBuffer.allocateDirect(cycle.length).put(cycle).flip().asReadOnlyBuffer();
        }

        @Override
        public void onOpen(Connection connection) {
            produce(connection);
        }

        @Override
        public void onData(Connection connection, ByteBuffer data) {
            data.position(data.limit());
        }

        @Override
        public void onWritabilityChanged(Connection connection, boolean writable) {
            if (writable) {
                produce(connection);
            }
        }

        private void produce(Connection c) {
            // write() takes every byte it is given, so each turn sends whole cycles and the
            // pattern goes on from the start of the cycle next time.
            int sent = 0;
            boolean writable = true;
            while (writable && sent < BURST && c.isOpen()) {
                writable = c.write(CYCLE.duplicate());
                sent += CYCLE.capacity();
            }
            if (writable && c.isOpen()) {
                c.requestWritable();
            }
        }
    }

    private static final class ReplyOnce implements ConnectionHandler {
        private final byte[] reply;
        private boolean replied;

        ReplyOnce(byte[] reply) {
            this.reply = reply;
        }

        @Override
        public void onData(Connection connection, ByteBuffer data) {
            data.position(data.limit());
            if (!replied) {
                replied = true;
                connection.write(ByteBuffer.wrap(reply));
            }
        }
    }
}
