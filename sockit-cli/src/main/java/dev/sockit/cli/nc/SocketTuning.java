package dev.sockit.cli.nc;

import dev.sockit.addr.AddressFamily;
import dev.sockit.net.SockOpt;
import dev.sockit.net.Socket;
import java.io.IOException;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The socket options of the command line: {@code -I} ({@code SO_RCVBUF}), {@code -O}
 * ({@code SO_SNDBUF}), {@code -T} ({@code IP_TOS}, a number or OpenBSD nc's keywords),
 * {@code -b} ({@code SO_BROADCAST}) and {@code -D} ({@code SO_DEBUG}). An immutable value,
 * checked when made; {@link #apply} sets what was given on a socket.
 *
 * @param receiveBuffer {@code -I}, bytes
 * @param sendBuffer {@code -O}, bytes
 * @param typeOfService {@code -T}, {@code 0..255}
 * @param broadcast {@code -b}
 * @param debug {@code -D}
 */
public record SocketTuning(OptionalInt receiveBuffer, OptionalInt sendBuffer, OptionalInt typeOfService, boolean broadcast,
        boolean debug) {
    private static final Map<String, Integer> TOS_KEYWORDS = Map.ofEntries(
            Map.entry("lowdelay", 0x10), Map.entry("throughput", 0x08), Map.entry("reliability", 0x04),
            Map.entry("lowcost", 0x02), Map.entry("critical", 0xa0), Map.entry("inetcontrol", 0xc0),
            Map.entry("netcontrol", 0xe0), Map.entry("ef", 0xb8),
            Map.entry("af11", 0x28), Map.entry("af12", 0x30), Map.entry("af13", 0x38),
            Map.entry("af21", 0x48), Map.entry("af22", 0x50), Map.entry("af23", 0x58),
            Map.entry("af31", 0x68), Map.entry("af32", 0x70), Map.entry("af33", 0x78),
            Map.entry("af41", 0x88), Map.entry("af42", 0x90), Map.entry("af43", 0x98),
            Map.entry("cs0", 0x00), Map.entry("cs1", 0x20), Map.entry("cs2", 0x40), Map.entry("cs3", 0x60),
            Map.entry("cs4", 0x80), Map.entry("cs5", 0xa0), Map.entry("cs6", 0xc0), Map.entry("cs7", 0xe0));

    /**
     * The options {@code options} give.
     *
     * @throws UsageError for a buffer size that is not a positive number, or a TOS that is
     *     neither {@code 0..255} (decimal or {@code 0x} hex) nor a keyword
     */
    public static SocketTuning of(NetcatOptions options) {
        return new SocketTuning(bytes("-I", options.receiveBuffer), bytes("-O", options.sendBuffer),
                tos(options.typeOfService), options.broadcast, options.socketDebug);
    }

    /**
     * Sets the options given on {@code socket} (of any family and type). Does not block.
     *
     * @throws IOException the {@link dev.sockit.net.SocketError} of the first option the
     *     socket refuses ({@code -D} needs {@code CAP_NET_ADMIN} on Linux, as in nc)
     */
    public void apply(Socket socket) throws IOException {
        if (receiveBuffer.isPresent()) {
            socket.setsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_RCVBUF, receiveBuffer.getAsInt());
        }
        if (sendBuffer.isPresent()) {
            socket.setsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_SNDBUF, sendBuffer.getAsInt());
        }
        if (typeOfService.isPresent() && socket.family() != AddressFamily.AF_UNIX) {
            socket.setsockopt(SockOpt.IPPROTO_IP, SockOpt.IP_TOS, typeOfService.getAsInt());
        }
        if (broadcast) {
            socket.setsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_BROADCAST, 1);
        }
        if (debug) {
            socket.setsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_DEBUG, 1);
        }
    }

    private static OptionalInt bytes(String flag, String text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')
                || Long.parseLong(text) < 1 || Long.parseLong(text) > Integer.MAX_VALUE) {
            throw new UsageError(flag + " \"" + text + "\": not a buffer size (expected: 1-" + Integer.MAX_VALUE + " bytes)");
        }
        return OptionalInt.of(Integer.parseInt(text));
    }

    private static OptionalInt tos(String text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        Integer keyword = TOS_KEYWORDS.get(text.toLowerCase(java.util.Locale.ROOT));
        if (keyword != null) {
            return OptionalInt.of(keyword);
        }
        boolean hex = text.startsWith("0x") || text.startsWith("0X");
        String digits = hex ? text.substring(2) : text;
        if (!digits.isEmpty() && digits.length() <= 3 && digits.chars().allMatch(c -> Character.digit(c, hex ? 16 : 10) >= 0)) {
            int value = Integer.parseInt(digits, hex ? 16 : 10);
            if (value <= 255) {
                return OptionalInt.of(value);
            }
        }
        throw new UsageError("-T \"" + text + "\": not a type of service (expected: 0-255, 0x00-0xff, or a keyword:"
                + " lowdelay, throughput, reliability, lowcost, critical, inetcontrol, netcontrol, ef, af11..af43, cs0..cs7)");
    }
}
