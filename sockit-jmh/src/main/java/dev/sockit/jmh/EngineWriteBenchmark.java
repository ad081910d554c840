package dev.sockit.jmh;

import dev.sockit.addr.InetSockAddr;
import dev.sockit.server.ConnectionHandler;
import dev.sockit.server.Handlers;
import dev.sockit.server.ServerConfig;
import dev.sockit.server.TcpServer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's write path, end to end on loopback: one blocking client sends {@code size}
 * bytes and reads them back from {@link Handlers#echo()} ({@code Connection.write} straight to
 * the kernel) or from an echo that writes in 1 KiB pieces ({@code pieces}: the second and
 * later writes of a turn meet a non-empty queue only when the kernel is full, so this shows the
 * cost of many small writes). Includes the syscalls on both sides; compare the variants, not
 * the absolute time.
 *
 * <p>Run: {@code mvn -q package -pl sockit-jmh -am -DskipTests && java -jar sockit-jmh/target/benchmarks.jar EngineWrite}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EngineWriteBenchmark {
    @Param({"64", "16384", "262144"})
    public int size;

    @Param({"echo", "pieces"})
    public String handler;

    private TcpServer server;
    private SocketChannel client;
    private ByteBuffer out;
    private ByteBuffer in;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Supplier<ConnectionHandler> h = handler.equals("echo") ? Handlers.echo() : () -> (c, data) -> {
            while (data.hasRemaining()) {
                int n = Math.min(1024, data.remaining());
                ByteBuffer piece = data.slice(data.position(), n);
                c.write(piece);
                data.position(data.position() + n);
            }
        };
        server = TcpServer.start(ServerConfig.builder().bind(InetSockAddr.parse("127.0.0.1:0"))
                .writeWatermarks(1 << 20, 2 << 20).build(), h);
        client = SocketChannel.open(server.localAddress().toInetSocketAddress());
        client.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
        out = ByteBuffer.allocateDirect(size);
        in = ByteBuffer.allocateDirect(size);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        client.close();
        server.stop(Duration.ZERO);
        server.awaitTermination(Duration.ofSeconds(5));
    }

    @Benchmark
    public int roundTrip() throws IOException {
        out.clear();
        in.clear();
        // Write and read in turns so a large message cannot deadlock the two buffers.
        while (in.hasRemaining()) {
            if (out.hasRemaining()) {
                client.configureBlocking(false);
                client.write(out);
                client.configureBlocking(true);
            }
            if (client.read(in) < 0) {
                throw new IOException("closed");
            }
        }
        return in.position();
    }
}
