package dev.sockit.addr;

import java.io.Serial;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * {@code getaddrinfo(3)} or {@code getnameinfo(3)} failed: the {@link EaiError} C returns, and
 * the call that failed.
 *
 * <p>It extends {@link UnknownHostException} so that Java callers can catch what they already
 * know. The message is one line: the call with its arguments, the code's name and number, and
 * {@code gai_strerror}'s text, for example
 * {@code getaddrinfo("nosuchhost.invalid", "http"): EAI_NONAME (-2): Name or service not known}.
 */
public final class GaiException extends UnknownHostException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final EaiError error;

    /**
     * @param error the error code
     * @param call the failed call as it reads in C, for example {@code getaddrinfo("vm", null)}
     */
    GaiException(EaiError error, String call) {
        super(call + ": " + error + " (" + error.number() + "): " + error.text());
        this.error = Objects.requireNonNull(error, "error");
    }

    /** The {@code EAI_*} code, as C's {@code getaddrinfo} or {@code getnameinfo} returns it. */
    public EaiError error() {
        return error;
    }
}
