/**
 * sockit: the BSD socket API for Java.
 *
 * <p>{@code dev.sockit.addr} holds addresses as values, their text forms exactly as glibc
 * reads and writes them, byte order, CIDR blocks and name resolution with
 * {@code getaddrinfo} semantics. The module has no dependency beyond {@code java.base}.
 */
module dev.sockit {
    exports dev.sockit.addr;
}
