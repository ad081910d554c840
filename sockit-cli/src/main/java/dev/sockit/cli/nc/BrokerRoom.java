package dev.sockit.cli.nc;

import dev.sockit.server.CloseCause;
import dev.sockit.server.Connection;
import dev.sockit.server.ConnectionHandler;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code --broker} and {@code --chat}: every participant's data goes to every other
 * participant. With {@code --broker-console} the listener's own stdin and stdout are one more
 * participant ({@code <user0>} in a chat). A participant that finishes sending (FIN) leaves.
 *
 * <p>Chat as ncat: users are numbered in order of arrival from 1 (ncat numbers them by file
 * descriptor); a newcomer and everyone else hear {@code <announce> ADDR is connected as
 * <userN>.}, the newcomer also hears who is already there, and a leave is announced as
 * {@code <announce> <userN> is disconnected.}; see {@link ChatLines} for the lines.
 *
 * <p>Backpressure: a sender stops being read while a receiver's queue is above its high
 * watermark (or stdout is behind), and is read again when a receiver drains. The engine closes
 * a receiver whose queue passes its limit, so one reader that never reads cannot make the
 * room grow without bound. Thread-safe: members' callbacks run on the loop, the console's on
 * the stdin thread; {@link Clients} is the member list.
 */
final class BrokerRoom {
    private final boolean chat;
    private final Clients members;
    private final StdoutPump stdout;
    private final TrafficTap tap;
    private final boolean console;
    private final AtomicInteger nextUser = new AtomicInteger(1);
    private final ConcurrentLinkedQueue<Connection> paused = new ConcurrentLinkedQueue<>();

    BrokerRoom(boolean chat, Clients members, StdoutPump stdout, TrafficTap tap, boolean console) {
        this.chat = chat;
        this.members = members;
        this.stdout = stdout;
        this.tap = tap;
        this.console = console;
    }

    /** A new participant's handler. */
    ConnectionHandler member() {
        return new Member();
    }

    /** The console as a participant: what stdin gives goes to every member. */
    StdinReader.Sink consoleSink() {
        ChatLines lines = new ChatLines();
        return new StdinReader.Sink() {
            @Override
            public boolean awaitReceiver() throws InterruptedException {
                return !members.awaitAny().isEmpty();
            }

            @Override
            public void data(ByteBuffer chunk) throws InterruptedException {
                if (!chat) {
                    members.sendAll(members.snapshot(), chunk);
                    return;
                }
                for (byte[] line : lines.feed(chunk)) {
                    members.sendAll(members.snapshot(), ChatLines.format("<user0> ", line));
                }
            }

            @Override
            public void end() {
                // The console leaving sending does not end the room.
            }
        };
    }

    /** Sends {@code data} to everyone but {@code from} (null: the console); true if all have room. */
    private boolean relay(Member from, ByteBuffer data) {
        boolean room = true;
        for (Outlet member : members.snapshot()) {
            if (member != from) {
                member.send(data.duplicate());
                room &= member.writable();
            }
        }
        if (console && from != null) {
            tap.record(TrafficTap.Direction.RECEIVED, data);
            if (!stdout.offer(data.duplicate())) {
                stdout.pause(from.connection);
            }
        }
        return room;
    }

    private void resumeSenders() {
        for (Connection c; (c = paused.poll()) != null; ) {
            c.setAutoRead(true);
        }
    }

    private void announce(Member to, String text) {
        ByteBuffer line = ChatLines.announce(text);
        if (to != null) {
            to.send(line);
            return;
        }
        relay(null, line);
        if (console) {
            stdout.offer(line.rewind());
        }
    }

    /** One participant. */
    private final class Member extends ConnectionOutlet {
        private final ChatLines lines = new ChatLines();
        private int user;
        private String address;

        @Override
        public void onOpen(Connection c) {
            connection = c;
            user = nextUser.getAndIncrement();
            address = ExecProcess.host(c.peer());
            List<Outlet> already = members.snapshot();
            members.add(this);
            if (chat) {
                announce(null, address + " is connected as <user" + user + ">.");
                for (Outlet other : already) {
                    Member m = (Member) other;
                    announce(this, "already connected: " + m.address + " as <user" + m.user + ">.");
                }
            }
        }

        @Override
        public void onData(Connection c, ByteBuffer data) {
            boolean room = true;
            if (chat) {
                for (byte[] line : lines.feed(data)) {
                    room &= relay(this, ChatLines.format("<user" + user + "> ", line));
                }
            } else {
                room = relay(this, data);
            }
            if (!room) {
                c.setAutoRead(false);
                paused.add(c);
            }
        }

        @Override
        public void onInputClosed(Connection c) {
            byte[] rest = lines.rest();
            if (chat && rest.length > 0) {
                relay(this, ChatLines.format("<user" + user + "> ", rest));
            }
            c.close();
        }

        @Override
        public void onWritabilityChanged(Connection c, boolean writable) {
            if (writable) {
                resumeSenders();
                members.signal();
            }
        }

        @Override
        public void onClose(Connection c, CloseCause cause) {
            members.remove(this);
            paused.remove(c);
            if (chat) {
                announce(null, "<user" + user + "> is disconnected.");
            }
            resumeSenders();
        }

        @Override
        public void endOutput() {
            // A member's output ends with its connection.
        }
    }
}
