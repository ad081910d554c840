package dev.sockit.addr;

/**
 * The error codes of {@code getaddrinfo(3)} and {@code getnameinfo(3)} ({@code EAI_*} in
 * {@code <netdb.h>}), with glibc's numbers and the text glibc's {@code gai_strerror(3)} gives
 * each, word for word. glibc has no text of its own for {@code EAI_OVERFLOW}: its
 * {@code gai_strerror} says {@code "Unknown error"}, and so does {@link #text()}.
 *
 * <p>The codes from {@code EAI_INPROGRESS} on belong to glibc's asynchronous
 * {@code getaddrinfo_a} and its IDN support; {@link Resolver} never raises them.
 */
public enum EaiError {
    /** {@code EAI_BADFLAGS}: bad {@code ai_flags} (for example {@code AI_CANONNAME} with no host). */
    EAI_BADFLAGS(-1, "Bad value for ai_flags"),
    /** {@code EAI_NONAME}: the host or the service is not known, or neither was given. */
    EAI_NONAME(-2, "Name or service not known"),
    /** {@code EAI_AGAIN}: a temporary failure; try again later. */
    EAI_AGAIN(-3, "Temporary failure in name resolution"),
    /** {@code EAI_FAIL}: a permanent failure of the name server. */
    EAI_FAIL(-4, "Non-recoverable failure in name resolution"),
    /** {@code EAI_NODATA}: the host is known but has no address (of the family asked for). */
    EAI_NODATA(-5, "No address associated with hostname"),
    /** {@code EAI_FAMILY}: the family is not {@code AF_UNSPEC}, {@code AF_INET} or {@code AF_INET6}. */
    EAI_FAMILY(-6, "ai_family not supported"),
    /** {@code EAI_SOCKTYPE}: the socket type is not supported, or not with the protocol asked for. */
    EAI_SOCKTYPE(-7, "ai_socktype not supported"),
    /** {@code EAI_SERVICE}: the service is not known for the socket type (or the type takes no service). */
    EAI_SERVICE(-8, "Servname not supported for ai_socktype"),
    /** {@code EAI_ADDRFAMILY}: the numeric host is of another family than the one asked for. */
    EAI_ADDRFAMILY(-9, "Address family for hostname not supported"),
    /** {@code EAI_MEMORY}: out of memory. */
    EAI_MEMORY(-10, "Memory allocation failure"),
    /** {@code EAI_SYSTEM}: a system error, in C reported by {@code errno}. */
    EAI_SYSTEM(-11, "System error"),
    /** {@code EAI_OVERFLOW}: a result did not fit the caller's buffer; glibc gives it no text of its own. */
    EAI_OVERFLOW(-12, "Unknown error"),
    /** {@code EAI_INPROGRESS} ({@code getaddrinfo_a}). */
    EAI_INPROGRESS(-100, "Processing request in progress"),
    /** {@code EAI_CANCELED} ({@code getaddrinfo_a}). */
    EAI_CANCELED(-101, "Request canceled"),
    /** {@code EAI_NOTCANCELED} ({@code getaddrinfo_a}). */
    EAI_NOTCANCELED(-102, "Request not canceled"),
    /** {@code EAI_ALLDONE} ({@code getaddrinfo_a}). */
    EAI_ALLDONE(-103, "All requests done"),
    /** {@code EAI_INTR} ({@code getaddrinfo_a}). */
    EAI_INTR(-104, "Interrupted by a signal"),
    /** {@code EAI_IDN_ENCODE}: a name could not be IDN-encoded. */
    EAI_IDN_ENCODE(-105, "Parameter string not correctly encoded");

    private final int number;
    private final String text;

    EaiError(int number, String text) {
        this.number = number;
        this.text = text;
    }

    /** glibc's number for this error (negative). */
    public int number() {
        return number;
    }

    /** What glibc's {@code gai_strerror} says for this error. */
    public String text() {
        return text;
    }

    /**
     * The error with glibc's number {@code number}.
     *
     * @throws IllegalArgumentException if glibc has no such {@code EAI_*} code
     */
    public static EaiError of(int number) {
        for (EaiError error : values()) {
            if (error.number == number) {
                return error;
            }
        }
        throw new IllegalArgumentException("EAI error number: " + number + " (expected: -1 to -12 or -100 to -105)");
    }
}
