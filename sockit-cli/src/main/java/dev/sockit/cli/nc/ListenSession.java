package dev.sockit.cli.nc;

import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.SockAddr;
import dev.sockit.server.CloseCause;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The life of one {@code sockit -l}: who is let in (access rules, {@code -6}, {@code -m}, and
 * without {@code -k} one client only) and when the listener ends, with which exit status.
 *
 * <p>Without {@code -k} the first client admitted is the session: the listener stops accepting
 * (later clients are refused, as with ncat) and ends when that client's connection (UDP: peer)
 * ends. With {@code -k} the listener runs until it is killed. {@code --accept-timeout} ends it
 * with status 3 if no client was admitted in time. Thread-safe: called from event loops.
 */
final class ListenSession {
    private final EventLog events;
    private final String proto;
    private final AccessRules rules;
    private final boolean keepOpen;
    private final int maxClients;
    private final AtomicInteger live = new AtomicInteger();
    private final AtomicBoolean taken = new AtomicBoolean();
    private final AtomicBoolean admittedOnce = new AtomicBoolean();
    private final AtomicReference<Runnable> stopAccepting = new AtomicReference<>(() -> { });
    private final AtomicReference<InetSockAddr> local = new AtomicReference<>();
    private final CompletableFuture<Integer> end = new CompletableFuture<>();

    ListenSession(EventLog events, String proto, AccessRules rules, boolean keepOpen, int maxClients) {
        this.events = events;
        this.proto = proto;
        this.rules = rules;
        this.keepOpen = keepOpen;
        this.maxClients = maxClients;
    }

    /** What stops the listener accepting (without {@code -k}, once the one client came). */
    void onFirstClient(Runnable stop) {
        stopAccepting.set(stop);
    }

    /** The address listened on first, once bound (what a UDP program's {@code SOCKIT_LOCAL_*} names); empty until bound. */
    Optional<InetSockAddr> local() {
        return Optional.ofNullable(local.get());
    }

    /** Records the address listened on. */
    void bound(InetSockAddr address) {
        local.compareAndSet(null, address);
    }

    /** The event log. */
    EventLog events() {
        return events;
    }

    /**
     * Decides whether {@code peer} is served, and logs the decision ({@code accepted},
     * {@code denied}, {@code limit}). A client admitted holds a slot until {@link #ended}.
     * Without {@code -k}, a client after the first is turned away silently.
     */
    boolean admit(SockAddr peer) {
        Optional<String> refusal = peer instanceof InetSockAddr inet ? rules.refusal(inet) : Optional.empty();
        if (refusal.isPresent()) {
            events.denied(peer, proto, refusal.get());
            return false;
        }
        if (!keepOpen) {
            if (!taken.compareAndSet(false, true)) {
                return false;
            }
            stopAccepting.get().run();
        }
        if (live.incrementAndGet() > maxClients) {
            live.decrementAndGet();
            events.limit(peer, proto, maxClients);
            return false;
        }
        admittedOnce.set(true);
        events.accepted(peer, proto);
        return true;
    }

    /**
     * An admitted client's session ended: logs {@code closed}; without {@code -k} the listener
     * ends, with 4 after an idle timeout, 1 after a reset before the client had finished
     * sending, else 0.
     *
     * @param inputDone whether the client had finished sending (its FIN was read)
     */
    void ended(SockAddr peer, long sent, long received, Duration duration, CloseCause cause, boolean inputDone) {
        live.decrementAndGet();
        events.closed(peer, proto, sent, received, duration, reason(cause));
        if (keepOpen) {
            return;
        }
        int status = switch (cause.reason()) {
            case IDLE_TIMEOUT -> ExitStatus.IDLE_TIMEOUT;
            case IO_ERROR, HANDLER_FAILED, WRITE_OVERFLOW -> inputDone && cause.reason() == CloseCause.Reason.IO_ERROR ? ExitStatus.OK : ExitStatus.NETWORK;
            default -> ExitStatus.OK;
        };
        if (status == ExitStatus.NETWORK) {
            events.error("connection with " + EventLog.text(peer) + ": " + cause.error().map(ListenSession::message).orElse(reason(cause)), status);
        } else if (status == ExitStatus.IDLE_TIMEOUT) {
            events.error("connection with " + EventLog.text(peer) + ": idle timeout (-i)", status);
        }
        end.complete(status);
    }

    /** Ends the listener now with {@code status} (accept timeout, a fatal stdout error); the first end wins. */
    void finish(int status) {
        end.complete(status);
    }

    /** Ends the listener with status 3 if no client was admitted within {@code timeout}. */
    void acceptTimeout(Duration timeout) {
        CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (!admittedOnce.get() && !end.isDone()) {
                events.error("no client came within " + timeout.toMillis() + " ms (--accept-timeout)", ExitStatus.CONNECT_TIMEOUT);
                end.complete(ExitStatus.CONNECT_TIMEOUT);
            }
        });
    }

    /** Blocks until the listener ends; its exit status. */
    int awaitEnd() {
        return end.join();
    }

    static String reason(CloseCause cause) {
        return switch (cause.reason()) {
            case LOCAL_CLOSE -> "done";
            case PEER_CLOSED -> "eof";
            case IO_ERROR -> "reset";
            case IDLE_TIMEOUT -> "idle";
            case HANDLER_FAILED -> "failed";
            case WRITE_OVERFLOW -> "overflow";
            case SERVER_STOPPED -> "stopped";
        };
    }

    private static String message(Throwable error) {
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }
}
