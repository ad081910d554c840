package dev.sockit.addr;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * One question for {@code src/test/c/inet6_oracle.c}: {@code inet_pton} of a text or
 * {@code inet_ntop} of 16 bytes, with the request line glibc answers and sockit's answer in
 * the same format. A text reaches C as its UTF-8 bytes.
 */
record GlibcQuery(String function, String text, byte[] address) {
    private static final HexFormat HEX = HexFormat.of();

    static GlibcQuery pton4(String text) {
        return new GlibcQuery("pton4", text, null);
    }

    static GlibcQuery pton6(String text) {
        return new GlibcQuery("pton6", text, null);
    }

    static GlibcQuery ntop6(byte[] address) {
        return new GlibcQuery("ntop6", null, address.clone());
    }

    /** The line to send to the oracle. */
    String request() {
        byte[] input = text != null ? text.getBytes(StandardCharsets.UTF_8) : address;
        return function + " " + HEX.formatHex(input);
    }

    /** What sockit answers, as the oracle would print it. */
    String sockitAnswer() {
        return switch (function) {
            case "pton4" -> InetText.pton4(text).map(a -> "1 " + HEX.formatHex(a.bytes())).orElse("0");
            case "pton6" -> InetText.pton6(text).map(a -> "1 " + HEX.formatHex(a.bytes())).orElse("0");
            case "ntop6" -> InetText.format6(address);
            default -> throw new IllegalStateException(function);
        };
    }

    @Override
    public String toString() {
        String argument = text != null ? quote(text) : HEX.formatHex(address);
        return function + "(" + argument + ")";
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c >= ' ' && c < 0x7f && c != '"' && c != '\\') {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.append('"').toString();
    }
}
