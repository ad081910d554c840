/**
 * sockit: the BSD socket API for Java.
 *
 * <p>{@code dev.sockit.addr} holds addresses as values, their text forms exactly as glibc
 * reads and writes them, byte order, CIDR blocks and name resolution with
 * {@code getaddrinfo} semantics. The module has no dependency beyond {@code java.base}.
 *
 * <p>{@code dev.sockit.net} holds the socket API, starting with Linux's {@code errno} values
 * and their {@code strerror} texts.
 */
module dev.sockit {
    exports dev.sockit.addr;
    exports dev.sockit.net;
}
