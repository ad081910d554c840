package dev.sockit.addr;

/**
 * C's reading of text, for the parsers that must agree with glibc byte for byte: {@code isspace}
 * and {@code strtoul} in the C locale. A Java {@code char} outside ASCII is neither a digit nor
 * white space, as a byte of UTF-8 above 0x7f is neither in the C locale.
 */
final class CText {
    private static final long ULONG_MAX = -1L;

    private CText() {
    }

    /** The result of {@link #strtoul}: the value (an unsigned 64-bit {@code unsigned long}) and where parsing stopped. */
    record Strtoul(long value, int end) {
    }

    /** {@code isspace} in the C locale: space, {@code \t}, {@code \n}, {@code \v}, {@code \f}, {@code \r}. */
    static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** {@code isdigit} in the C locale. */
    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether {@code text} holds a character {@link #isSpace} accepts. */
    static boolean containsSpace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isSpace(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code strtoul(text + from, &end, 10)} as glibc computes it: leading white space, an
     * optional sign, decimal digits; a {@code -} negates modulo 2<sup>64</sup>; a value past
     * {@code ULONG_MAX} gives {@code ULONG_MAX} whatever the sign. With no digits nothing is
     * consumed: {@code end} is {@code from}, as C sets {@code end} to the start.
     */
    static Strtoul strtoul(String text, int from) {
        int i = from;
        int length = text.length();
        while (i < length && isSpace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int digits = i;
        long value = 0;
        boolean overflow = false;
        long limit = Long.divideUnsigned(ULONG_MAX, 10);
        long lastDigit = Long.remainderUnsigned(ULONG_MAX, 10);
        while (i < length && isDigit(text.charAt(i))) {
            int digit = text.charAt(i) - '0';
            if (Long.compareUnsigned(value, limit) > 0 || (value == limit && digit > lastDigit)) {
                overflow = true;
            } else {
                value = value * 10 + digit;
            }
            i++;
        }
        if (i == digits) {
            return new Strtoul(0, from);
        }
        if (overflow) {
            return new Strtoul(ULONG_MAX, i);
        }
        return new Strtoul(negative ? -value : value, i);
    }

    /**
     * {@code text} as a Java string literal for a one-line message: quoted, with {@code "},
     * {@code \} and control and line-separator characters escaped; {@code null} as {@code null}.
     */
    static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
