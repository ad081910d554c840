/**
 * Addresses and byte order: IPv4/IPv6 addresses and socket addresses as immutable values,
 * their text forms exactly as glibc reads and writes them ({@link dev.sockit.addr.Inet}),
 * {@code htons} and friends ({@link dev.sockit.addr.NetOrder}), explicit-order integer access
 * ({@link dev.sockit.addr.Bytes}), CIDR blocks ({@link dev.sockit.addr.Cidr}) and name
 * resolution with {@code getaddrinfo}/{@code getnameinfo} semantics
 * ({@link dev.sockit.addr.Resolver}).
 *
 * <p>This package depends on nothing else in sockit; every other package may use it.
 */
package dev.sockit.addr;
