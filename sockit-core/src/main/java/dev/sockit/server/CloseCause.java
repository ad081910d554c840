package dev.sockit.server;

import java.util.Objects;
import java.util.Optional;

/**
 * Why a connection (or UDP peer) was closed, and the exception behind it if there was one.
 *
 * @param reason what closed it
 * @param error the exception that closed it, for {@link Reason#IO_ERROR} and
 *     {@link Reason#HANDLER_FAILED}
 */
public record CloseCause(Reason reason, Optional<Throwable> error) {

    /** What closed a connection. */
    public enum Reason {
        /** The handler (or any thread) called {@link Connection#close()}. */
        LOCAL_CLOSE,
        /** The peer closed its side and the default {@link ConnectionHandler#onInputClosed} closed ours. */
        PEER_CLOSED,
        /** An I/O error, usually the peer's doing (reset, broken pipe). */
        IO_ERROR,
        /** No traffic for the configured idle timeout. */
        IDLE_TIMEOUT,
        /** A handler callback threw. */
        HANDLER_FAILED,
        /** More bytes were queued than {@link ServerConfig#writeQueueLimit()}. */
        WRITE_OVERFLOW,
        /** The server stopped and its grace period ran out, or the handler chose to close on stop. */
        SERVER_STOPPED
    }

    public CloseCause {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(error, "error");
    }

    static final CloseCause LOCAL = new CloseCause(Reason.LOCAL_CLOSE, Optional.empty());
    static final CloseCause PEER = new CloseCause(Reason.PEER_CLOSED, Optional.empty());
    static final CloseCause IDLE = new CloseCause(Reason.IDLE_TIMEOUT, Optional.empty());
    static final CloseCause OVERFLOW = new CloseCause(Reason.WRITE_OVERFLOW, Optional.empty());
    static final CloseCause STOPPED = new CloseCause(Reason.SERVER_STOPPED, Optional.empty());

    static CloseCause of(Reason reason, Throwable error) {
        return new CloseCause(reason, Optional.of(error));
    }
}
