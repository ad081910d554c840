package dev.sockit.cli.nc;

import dev.sockit.server.CloseCause;
import dev.sockit.server.Connection;
import dev.sockit.server.ConnectionHandler;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * {@code -e}/{@code -c} over TCP: one {@link ExecProcess} per connection. The client's bytes go
 * to the program's stdin, the program's stdout to the client; the client's FIN closes the
 * program's stdin, the program closing its stdout (exiting) closes the connection once what it
 * wrote is sent. A connection that ends otherwise (reset, idle) abandons its program.
 */
final class ExecClient implements ConnectionHandler, ExecProcess.Output {
    private final List<String> command;
    private final EventLog events;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition room = lock.newCondition();
    private volatile Connection connection;
    private ExecProcess program;

    private ExecClient(List<String> command, EventLog events) {
        this.command = command;
        this.events = events;
    }

    /** A handler per connection, each running {@code command}; a program that cannot start is reported to {@code events}. */
    static Supplier<ConnectionHandler> handlers(List<String> command, EventLog events) {
        return () -> new ExecClient(command, events);
    }

    @Override
    public void onOpen(Connection c) {
        connection = c;
        try {
            program = ExecProcess.start(command, c.peer(), c.local(), c.peer() instanceof dev.sockit.addr.UnixSockAddr ? "unix" : "tcp", this, () -> c.setAutoRead(true));
        } catch (IOException e) {
            events.error("cannot run " + command.get(0) + ": " + e.getMessage(), ExitStatus.NETWORK);
            c.abort();
        }
    }

    @Override
    public void onData(Connection c, ByteBuffer data) {
        if (program != null && !program.input(data)) {
            c.setAutoRead(false);
        }
    }

    @Override
    public void onInputClosed(Connection c) {
        if (program != null) {
            program.endInput();
        }
    }

    @Override
    public void onWritabilityChanged(Connection c, boolean writable) {
        if (writable) {
            lock.lock();
            try {
                room.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public void onClose(Connection c, CloseCause cause) {
        if (program != null) {
            program.abandon();
        }
        onWritabilityChanged(c, true);
    }

    @Override
    public void data(ByteBuffer chunk) {
        connection.write(chunk);
    }

    @Override
    public void awaitRoom() throws InterruptedException {
        lock.lock();
        try {
            Connection c = connection;
            while (c.isOpen() && !c.isWritable()) {
                room.await(200, TimeUnit.MILLISECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void ended() {
        connection.close();
    }
}
