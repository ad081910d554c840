package dev.sockit.addr;

/**
 * A socket address, C's {@code struct sockaddr}: what {@code bind}, {@code connect},
 * {@code accept}, {@code getsockname} and {@code getpeername} take and give. Immutable.
 */
public sealed interface SockAddr permits InetSockAddr {

    /** The address family, C's {@code sa_family}. */
    AddressFamily family();
}
