package dev.sockit.server;

import static dev.sockit.server.ServerFixtures.connect;
import static dev.sockit.server.ServerFixtures.loopback;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A write another thread made before the loop asked for a shutdown or close arrives before the
 * FIN: the loop's request waits for the writes still in its task queue. (The netcat's listener
 * writes stdin's data from a thread of its own and may close on the loop when the client's
 * FIN comes; that race once lost the last bytes.)
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CrossThreadOrderTest {

    @Test
    void closeOnLoop_afterAnOffLoopWrite_sendsTheWriteFirst() throws Exception {
        assertThat(replyThenEnd(Connection::close)).isEqualTo("written off the loop");
    }

    @Test
    void shutdownOutputOnLoop_afterAnOffLoopWrite_sendsTheWriteFirst() throws Exception {
        assertThat(replyThenEnd(Connection::shutdownOutput)).isEqualTo("written off the loop");
    }

    /** On the first data: another thread writes (its write becomes a loop task), then the loop ends the output. */
    private static String replyThenEnd(Consumer<Connection> end) throws Exception {
        Supplier handlers = new Supplier(end);
        try (TcpServer server = TcpServer.start(loopback().build(), handlers); Socket client = connect(server)) {
            client.getOutputStream().write('x');
            return new String(client.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private record Supplier(Consumer<Connection> end) implements java.util.function.Supplier<ConnectionHandler> {
        @Override
        public ConnectionHandler get() {
            return (connection, data) -> {
                data.position(data.limit());
                Thread writer = Thread.ofPlatform().start(() ->
                        connection.write(ByteBuffer.wrap("written off the loop".getBytes(StandardCharsets.US_ASCII))));
                try {
                    writer.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                end.accept(connection);
            };
        }
    }
}
