package dev.sockit.cli.nc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The checks of the flags together that hold in every mode: flags that exclude each other,
 * flags that need another ({@code -r} needs {@code -z}, {@code --broker} needs {@code -l}),
 * and the values common to the modes (ports, addresses, times, socket options, a {@code -U}
 * path). Each failure is a {@link UsageError}; the first one found is reported.
 */
final class FlagCheck {
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;

    private FlagCheck() {
    }

    /**
     * Checks {@code options}; {@code operands} only for a {@code -U} path that exists and is
     * not a socket.
     *
     * @throws UsageError naming the first problem
     */
    static void common(NetcatOptions options, List<String> operands) {
        exclusive(options);
        needs(options);
        values(options);
        if (options.unix && !operands.isEmpty()) {
            unixPath(operands.get(operands.size() - 1));
        }
    }

    private static void exclusive(NetcatOptions o) {
        pair(o.ipv4Only, "-4", o.ipv6Only, "-6");
        pair(o.sendOnly, "--send-only", o.recvOnly, "--recv-only");
        pair(o.udp, "-u", o.unix, "-U");
        pair(o.scan, "-z", o.listen, "-l");
        pair(o.execProgram != null, "-e", o.shellCommand != null, "-c");
        pair(o.shutdownOnEofAlias, "-N", o.noShutdown, "--no-shutdown");
        pair(o.keepStdin, "--keep-stdin", o.noStdin, "--no-stdin");
        pair(o.keepStdin, "--keep-stdin", o.recvOnly, "--recv-only");
        pair(o.scan, "-z", o.unix, "-U");
        pair(o.scan, "-z", o.sourcePort != null, "-p");
        pair(o.scan, "-z", o.execProgram != null, "-e");
        pair(o.scan, "-z", o.shellCommand != null, "-c");
        pair(o.udp && !o.listen, "-u", o.waitForPort, "--wait-for-port");
        pair(o.udp && !o.listen, "-u", o.retries != null, "--retry");
        pair(o.unix, "-U", o.ipv4Only, "-4");
        pair(o.unix, "-U", o.ipv6Only, "-6");
        pair(o.unix, "-U", o.source != null, "-s");
        pair(o.unix && !o.listen, "-U", o.sourcePort != null, "-p");
    }

    private static void needs(NetcatOptions o) {
        if (!o.listen) {
            need(o.keepOpen, "-k", "-l");
            need(o.maxConnections != null, "-m", "-l");
            need(!o.allow.isEmpty(), "--allow", "-l");
            need(!o.allowFiles.isEmpty(), "--allowfile", "-l");
            need(!o.deny.isEmpty(), "--deny", "-l");
            need(!o.denyFiles.isEmpty(), "--denyfile", "-l");
            need(o.broker, "--broker", "-l");
            need(o.chat, "--chat", "-l");
            need(o.brokerConsole, "--broker-console", "-l");
            need(o.echo, "--echo", "-l");
            need(o.discard, "--discard", "-l");
            need(o.chargen, "--chargen", "-l");
            need(o.reply != null, "--reply", "-l");
            need(o.acceptTimeout != null, "--accept-timeout", "-l");
            need(o.exitOnPeerClose, "--exit-on-peer-close", "-l");
        } else {
            never(o.waitForPort, "--wait-for-port", "-l");
            never(o.retries != null, "--retry", "-l");
            never(o.retryInterval != null, "--retry-interval", "-l");
        }
        need(o.randomOrder && !o.scan, "-r", "-z");
        need(o.anyOpen && !o.scan, "--any", "-z");
    }

    private static void values(NetcatOptions o) {
        Endpoints.family(o);
        Endpoints.source(o);
        SocketTuning.of(o);
        if (o.sourcePort != null) {
            PortSpec.port("-p", o.sourcePort, true);
        }
        positive("-w", o.connectTimeout);
        positive("-i", o.idleTimeout);
        positive("--retry-interval", o.retryInterval);
        if (o.retries != null && o.retries < 0) {
            throw new UsageError("--retry " + o.retries + ": out of range (expected: 0 or more)");
        }
        if (o.receiveLimit != null && o.receiveLimit < 1) {
            throw new UsageError("-W " + o.receiveLimit + ": out of range (expected: 1 or more)");
        }
    }

    /**
     * A {@code -U} path that exists must be a socket: connecting to a plain file makes no
     * sense, and listening on it would need it removed.
     */
    private static void unixPath(String path) {
        if (path.isEmpty()) {
            throw new UsageError("-U: empty PATH (expected: a socket's path)");
        }
        Path file;
        try {
            file = Path.of(path);
        } catch (java.nio.file.InvalidPathException e) {
            throw new UsageError("-U \"" + path + "\": not a path (" + e.getReason() + ")");
        }
        int mode;
        try {
            mode = (Integer) Files.getAttribute(file, "unix:mode");
        } catch (IOException missingOrUnreadable) {
            return;
        }
        if ((mode & S_IFMT) != S_IFSOCK) {
            throw new UsageError("-U " + path + ": exists and is not a socket");
        }
    }

    private static void positive(String flag, Duration time) {
        if (time != null && time.isZero()) {
            throw new UsageError(flag + " 0: must be more than zero");
        }
    }

    private static void pair(boolean first, String firstFlag, boolean second, String secondFlag) {
        if (first && second) {
            throw new UsageError(firstFlag + " and " + secondFlag + " exclude each other");
        }
    }

    private static void need(boolean given, String flag, String needed) {
        if (given) {
            throw new UsageError(flag + " needs " + needed);
        }
    }

    private static void never(boolean given, String flag, String mode) {
        if (given) {
            throw new UsageError(flag + " does not go with " + mode);
        }
    }
}
