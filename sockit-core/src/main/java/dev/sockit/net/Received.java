package dev.sockit.net;

import dev.sockit.addr.SockAddr;

/**
 * What one receive did: the count stored in the caller's buffer, how long the datagram was
 * (the count again on a stream), and who sent it.
 */
record Received(int stored, int length, SockAddr source) {
}
