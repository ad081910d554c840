/**
 * sockit: the BSD socket API for Java.
 *
 * <p>{@code dev.sockit.addr} holds addresses as values, their text forms exactly as glibc
 * reads and writes them, byte order, CIDR blocks and name resolution with
 * {@code getaddrinfo} semantics. The module depends on nothing beyond the JDK.
 *
 * <p>{@code dev.sockit.net} holds the socket API: {@code Socket}, with Linux's semantics and
 * {@code errno} values. It reads TCP keep-alive options through {@code jdk.net}, and reads
 * descriptor numbers from {@code sun.nio.ch} when the JVM opens it ({@code --add-opens
 * java.base/sun.nio.ch=dev.sockit}).
 */
module dev.sockit {
    requires jdk.net;

    exports dev.sockit.addr;
    exports dev.sockit.net;
    exports dev.sockit.frame;
    exports dev.sockit.server;
}
