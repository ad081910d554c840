package dev.sockit.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Iterator;

/**
 * The reference for {@code bench/compare.sh}: the plainest single-thread {@code java.nio}
 * selector echo loop (selectedKeys iteration, one direct read buffer, write back at once, the
 * rest copied aside with {@code OP_WRITE} armed only then). No limits, no idle checks, no
 * tasks: what the engine is measured against to see its own overhead.
 *
 * <pre>
 * java -cp sockit-core/target/test-classes dev.sockit.server.PlainNioEcho PORT SECONDS
 * </pre>
 *
 * Listens on 127.0.0.1:PORT and exits after SECONDS (bounded).
 */
public final class PlainNioEcho {
    private PlainNioEcho() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        long deadline = System.nanoTime() + Long.parseLong(args[1]) * 1_000_000_000L;
        Selector selector = Selector.open();
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress("127.0.0.1", port), 4096);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        System.out.println("plain echo on 127.0.0.1:" + port + " pid " + ProcessHandle.current().pid());
        ByteBuffer buf = ByteBuffer.allocateDirect(64 * 1024);
        while (System.nanoTime() - deadline < 0) {
            selector.select(1000);
            Iterator<SelectionKey> it = selector.selectedKeys().iterator();
            while (it.hasNext()) {
                SelectionKey key = it.next();
                it.remove();
                try {
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        for (SocketChannel ch; (ch = server.accept()) != null; ) {
                            ch.configureBlocking(false);
                            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                            ch.register(selector, SelectionKey.OP_READ);
                        }
                        continue;
                    }
                    SocketChannel ch = (SocketChannel) key.channel();
                    if (key.isWritable()) {
                        ByteBuffer pending = (ByteBuffer) key.attachment();
                        ch.write(pending);
                        if (!pending.hasRemaining()) {
                            key.attach(null);
                            key.interestOps(SelectionKey.OP_READ);
                        }
                        continue;
                    }
                    if (key.isReadable()) {
                        buf.clear();
                        int n = ch.read(buf);
                        if (n < 0) {
                            key.cancel();
                            ch.close();
                            continue;
                        }
                        buf.flip();
                        ch.write(buf);
                        if (buf.hasRemaining()) {
                            ByteBuffer rest = ByteBuffer.allocateDirect(buf.remaining());
                            rest.put(buf).flip();
                            key.attach(rest);
                            key.interestOps(SelectionKey.OP_WRITE);
                        }
                    }
                } catch (IOException e) {
                    key.cancel();
                    try {
                        key.channel().close();
                    } catch (IOException ignored) {
                        // closing anyway
                    }
                }
            }
        }
        selector.close();
        server.close();
    }
}
