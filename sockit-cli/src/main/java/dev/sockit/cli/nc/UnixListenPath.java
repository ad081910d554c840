package dev.sockit.cli.nc;

import dev.sockit.addr.UnixSockAddr;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The path of {@code sockit -l -U PATH}. A socket file left by a listener that is gone (a
 * connect to it is refused) is removed before binding; one a live listener answers on is left
 * alone (binding then fails: address in use); a path that exists and is not a socket was
 * refused as a usage error already ({@link FlagCheck}). The listener removes its socket file
 * when it ends.
 *
 * @param path the socket's path
 */
record UnixListenPath(Path path) {

    /**
     * The path {@code operands} name: exactly one.
     *
     * @throws UsageError for none, or more than one
     */
    static UnixListenPath of(List<String> operands) {
        if (operands.size() != 1) {
            throw new UsageError("-l -U needs exactly one PATH (got " + operands.size() + " operands)");
        }
        try {
            UnixSockAddr.of(Path.of(operands.get(0)));
        } catch (IllegalArgumentException e) {
            throw new UsageError("-U " + operands.get(0) + ": " + e.getMessage());
        }
        return new UnixListenPath(Path.of(operands.get(0)));
    }

    /** The address to bind. */
    UnixSockAddr address() {
        return UnixSockAddr.of(path);
    }

    /** Removes a stale socket file at the path (nobody accepts on it). Blocks for one local connect. */
    void removeStale() throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(path));
            throw new IOException("-U " + path + ": a listener is already there (EADDRINUSE (98): Address already in use)");
        } catch (java.net.ConnectException stale) {
            Files.deleteIfExists(path);
        }
    }

    /** Removes the socket file this listener bound; quietly, at exit. */
    void remove() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // Leaving a socket file behind is harmless: the next listener removes it as stale.
        }
    }
}
