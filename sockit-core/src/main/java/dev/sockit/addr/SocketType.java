package dev.sockit.addr;

/**
 * Socket types, with the numbers Linux gives them ({@code SOCK_*} in {@code <sys/socket.h>}).
 */
public enum SocketType {
    /** {@code SOCK_STREAM}: a reliable byte stream (TCP, UNIX stream). */
    SOCK_STREAM(1),
    /** {@code SOCK_DGRAM}: datagrams (UDP, UNIX datagram). */
    SOCK_DGRAM(2),
    /** {@code SOCK_RAW}: raw protocol access. */
    SOCK_RAW(3),
    /** {@code SOCK_SEQPACKET}: reliable, ordered datagrams. */
    SOCK_SEQPACKET(5);

    private final int value;

    SocketType(int value) {
        this.value = value;
    }

    /** The number Linux uses for this type. */
    public int value() {
        return value;
    }

    /**
     * The type with the given Linux number.
     *
     * @throws IllegalArgumentException if sockit knows no such type
     */
    public static SocketType of(int value) {
        for (SocketType type : values()) {
            if (type.value == value) {
                return type;
            }
        }
        throw new IllegalArgumentException("socket type: " + value + " (expected: 1, 2, 3 or 5)");
    }
}
