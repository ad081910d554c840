package dev.sockit.addr;

/** Flags of {@code getnameinfo(3)} ({@code NI_*} in {@code <netdb.h>}), with glibc's values. */
public enum NiFlag {
    /** {@code NI_NUMERICHOST} (1): the address as text; no reverse lookup. */
    NI_NUMERICHOST(1),
    /** {@code NI_NUMERICSERV} (2): the port as a decimal number; no service lookup. */
    NI_NUMERICSERV(2),
    /** {@code NI_NOFQDN} (4): a name in this host's domain without the domain part. */
    NI_NOFQDN(4),
    /** {@code NI_NAMEREQD} (8): fail with {@code EAI_NONAME} rather than return the address as text. */
    NI_NAMEREQD(8),
    /** {@code NI_DGRAM} (16): the service is looked up for UDP rather than TCP. */
    NI_DGRAM(16);

    private final int value;

    NiFlag(int value) {
        this.value = value;
    }

    /** The flag's bit, as glibc defines it. */
    public int value() {
        return value;
    }
}
