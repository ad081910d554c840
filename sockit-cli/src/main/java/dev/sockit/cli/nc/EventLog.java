package dev.sockit.cli.nc;

import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.Ipv6Address;
import dev.sockit.addr.SockAddr;
import dev.sockit.addr.UnixSockAddr;
import dev.sockit.cli.Json;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the netcat reports on stderr: nothing by default; with {@code -v} one line per event
 * ({@code sockit: connected to 127.0.0.1:8080 (tcp)}); with {@code --json} one JSON object per
 * line for every event, with {@code event}, {@code ts} (ISO-8601 wall clock) and the peer.
 * While {@code --json} is on, every line this log writes is JSON. Safe to call from any
 * thread: each event is written whole.
 *
 * <p>Events: {@code listening}, {@code connected}, {@code accepted}, {@code denied},
 * {@code limit}, {@code closed} (with {@code bytes_sent}, {@code bytes_received},
 * {@code duration_ms}), {@code scan}, {@code error} (with the exit status).
 * Addresses of IPv4 clients on dual-stack sockets print as IPv4.
 */
public final class EventLog {
    private final PrintStream err;
    private final int verbosity;
    private final boolean json;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();

    /**
     * @param err where events go (the process's stderr)
     * @param verbosity the number of {@code -v} flags; 0 prints only errors
     * @param json one JSON object per event instead of text
     */
    public EventLog(PrintStream err, int verbosity, boolean json, Clock clock) {
        this.err = err;
        this.verbosity = verbosity;
        this.json = json;
        this.clock = clock;
    }

    /** Whether {@code --json} is on. */
    public boolean json() {
        return json;
    }

    /** The number of {@code -v} flags. */
    public int verbosity() {
        return verbosity;
    }

    /** A socket listens on {@code local}. */
    public void listening(SockAddr local, String proto) {
        event("listening", local, proto, "listening on " + text(local) + " (" + proto + ")", null);
    }

    /** A client connection to {@code peer} is made. */
    public void connected(SockAddr peer, String proto) {
        event("connected", peer, proto, "connected to " + text(peer) + " (" + proto + ")", null);
    }

    /** A listener accepted {@code peer} (for UDP: the first datagram of a new peer). */
    public void accepted(SockAddr peer, String proto) {
        event("accepted", peer, proto, "connection from " + text(peer) + " (" + proto + ")", null);
    }

    /** Access control refused {@code peer}; {@code why} names the rule. */
    public void denied(SockAddr peer, String proto, String why) {
        event("denied", peer, proto, "denied " + text(peer) + " (" + proto + "): " + why, Json.object().put("reason", why));
    }

    /** {@code peer} was accepted and closed because {@code max} connections are open. */
    public void limit(SockAddr peer, String proto, int max) {
        event("limit", peer, proto, "refused " + text(peer) + " (" + proto + "): " + max + " connections open (-m)", Json.object().put("max_conns", max));
    }

    /** The session with {@code peer} ended; {@code reason} says how ({@code "eof"}, {@code "reset"}, {@code "idle"}, ...). */
    public void closed(SockAddr peer, String proto, long bytesSent, long bytesReceived, Duration duration, String reason) {
        String line = "closed " + text(peer) + " (" + proto + ", " + reason + "): " + totals(bytesSent, bytesReceived, duration);
        event("closed", peer, proto, line, Json.object()
                .put("bytes_sent", bytesSent)
                .put("bytes_received", bytesReceived)
                .put("duration_ms", duration.toMillis())
                .put("reason", reason));
    }

    /** A scanned port's state; for {@code -v} and {@code --json} only (the stdout line is the scanner's). */
    public void scan(String host, int port, String proto, String state) {
        if (json) {
            write(base("scan").put("host", host).put("port", port).put("proto", proto).put("state", state).toString());
        } else if (verbosity > 0) {
            write("sockit: " + host + " " + port + " (" + proto + ") " + state);
        }
    }

    /** The end summary of {@code -v}: {@code N bytes sent, M bytes received in T seconds}. */
    public void summary(long bytesSent, long bytesReceived, Duration duration) {
        if (!json && verbosity > 0) {
            write("sockit: " + totals(bytesSent, bytesReceived, duration));
        }
    }

    /** A free-text note for {@code -v} at {@code level} or more; nothing in JSON mode. */
    public void note(int level, String text) {
        if (!json && verbosity >= level) {
            write("sockit: " + text);
        }
    }

    /** An error ends the command with {@code exitStatus}; always printed, as one line. */
    public void error(String message, int exitStatus) {
        if (json) {
            write(base("error").put("message", message).put("exit_status", exitStatus).toString());
        } else {
            write("sockit: " + message);
        }
    }

    /** How sockit prints a peer: {@code 127.0.0.1:80}, {@code [::1]:80}, a UNIX path; IPv4-mapped IPv6 as IPv4. */
    public static String text(SockAddr address) {
        return switch (address) {
            case InetSockAddr inet -> plain(inet).toString();
            case UnixSockAddr unix -> unix.isUnnamed() ? "(unnamed)" : unix.path();
        };
    }

    /** {@code address} with an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) given as IPv4. */
    public static InetSockAddr plain(InetSockAddr address) {
        return address.address() instanceof Ipv6Address v6 && v6.isIpv4Mapped()
                ? InetSockAddr.of(v6.unmapped(), address.port())
                : address;
    }

    private static String totals(long sent, long received, Duration duration) {
        return sent + " bytes sent, " + received + " bytes received in " + String.format(Locale.ROOT, "%.2f", duration.toNanos() / 1e9) + " seconds";
    }

    private void event(String name, SockAddr peer, String proto, String line, Json extra) {
        if (json) {
            Json object = base(name).put("proto", proto);
            switch (peer) {
                case InetSockAddr inet -> object.put("addr", plain(inet).address().toString()).put("port", inet.port());
                case UnixSockAddr unix -> object.put("path", unix.path());
            }
            String text = object.toString();
            if (extra != null) {
                String more = extra.toString();
                text = text.substring(0, text.length() - 1) + "," + more.substring(1);
            }
            write(text);
        } else if (verbosity > 0) {
            write("sockit: " + line);
        }
    }

    private Json base(String name) {
        return Json.object().put("event", name).put("ts", Instant.now(clock).toString());
    }

    private void write(String line) {
        lock.lock();
        try {
            err.println(line);
            err.flush();
        } finally {
            lock.unlock();
        }
    }
}
