package dev.sockit.net;

import static dev.sockit.net.SocketFixtures.PATIENCE;
import static dev.sockit.net.SocketFixtures.loopback;
import static dev.sockit.net.SocketFixtures.recvExactly;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sockit.addr.AddressFamily;
import dev.sockit.addr.InetSockAddr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Many blocking sockets on virtual threads: one echo server (a virtual thread per connection)
 * and a few hundred clients, all waiting in sockit at once.
 */
class SocketVirtualThreadTest {
    private static final int CLIENTS = 300;
    private static final int ROUNDS = 5;

    @Test
    void echo_threeHundredClientsOnVirtualThreads_allGetTheirOwnBytesBack() throws Exception {
        try (Socket listener = Socket.createServer(loopback(AddressFamily.AF_INET), CLIENTS, false, false);
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            InetSockAddr address = (InetSockAddr) listener.getsockname();
            threads.submit(() -> serve(listener, threads));
            CountDownLatch allConnected = new CountDownLatch(CLIENTS);

            List<Future<Integer>> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int id = i;
                clients.add(threads.submit(() -> client(address, id, allConnected)));
            }

            for (Future<Integer> client : clients) {
                assertThat(client.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(ROUNDS);
            }
            listener.shutdown(Socket.SHUT_RD);
        }
    }

    /** Accepts until the listener closes, echoing each connection on a virtual thread of its own. */
    private static Void serve(Socket listener, ExecutorService threads) {
        while (true) {
            Socket connection;
            try {
                connection = listener.accept().socket();
            } catch (IOException closed) {
                return null;
            }
            threads.submit(() -> {
                try (connection) {
                    byte[] chunk;
                    while ((chunk = connection.recv(1024, 0)).length > 0) {
                        connection.sendall(chunk, 0);
                    }
                }
                return null;
            });
        }
    }

    /** Connects, waits until every client has, then exchanges {@link #ROUNDS} messages; returns how many came back right. */
    private static int client(InetSockAddr address, int id, CountDownLatch allConnected) throws Exception {
        try (Socket socket = Socket.createConnection(address, PATIENCE, Optional.empty())) {
            socket.setblocking(true);
            allConnected.countDown();
            assertThat(allConnected.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            int good = 0;
            for (int round = 0; round < ROUNDS; round++) {
                byte[] message = ("client " + id + " round " + round + "\n").getBytes(StandardCharsets.US_ASCII);
                socket.sendall(message, 0);
                if (Arrays.equals(recvExactly(socket, message.length), message)) {
                    good++;
                }
            }
            socket.shutdown(Socket.SHUT_WR);
            assertThat(socket.recv(1, 0)).isEmpty();
            return good;
        }
    }

    @Test
    void recv_blockedOnAVirtualThread_doesNotHoldItsCarrier() throws Exception {
        int parked = Runtime.getRuntime().availableProcessors() * 4;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<SocketFixtures.Pair> pairs = new ArrayList<>();
            List<Future<byte[]>> readers = new ArrayList<>();
            for (int i = 0; i < parked; i++) {
                SocketFixtures.Pair pair = SocketFixtures.connectedPair(AddressFamily.AF_INET);
                pairs.add(pair);
                readers.add(threads.submit(() -> pair.client().recv(10, 0)));
            }
            Future<String> unrelated = threads.submit(() -> "ran");

            assertThat(unrelated.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo("ran");
            for (SocketFixtures.Pair pair : pairs) {
                pair.server().send(new byte[] {1}, 0);
            }
            for (Future<byte[]> reader : readers) {
                assertThat(reader.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).containsExactly(1);
            }
            for (SocketFixtures.Pair pair : pairs) {
                pair.close();
            }
        }
    }

}
