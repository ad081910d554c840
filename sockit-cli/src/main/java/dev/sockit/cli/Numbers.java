package dev.sockit.cli;

/** Unsigned numbers on the command line: decimal, or hex with {@code 0x}. */
final class Numbers {
    /** The largest unsigned 16-bit value. */
    static final long U16_MAX = 0xffffL;
    /** The largest unsigned 32-bit value. */
    static final long U32_MAX = 0xffffffffL;

    private Numbers() {
    }

    /**
     * Parses {@code text} as a decimal or {@code 0x} hex number in {@code 0..max}.
     *
     * @param what the name of the value, for the error message
     * @throws InvalidInputException naming {@code what}, the text and the range
     */
    static long parseUnsigned(String what, String text, long max) {
        boolean hex = text.length() > 2 && text.charAt(0) == '0' && (text.charAt(1) == 'x' || text.charAt(1) == 'X');
        String digits = hex ? text.substring(2) : text;
        int radix = hex ? 16 : 10;
        if (digits.isEmpty() || digits.length() > 20) {
            throw invalid(what, text, max);
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = asciiDigit(digits.charAt(i), radix);
            if (digit < 0) {
                throw invalid(what, text, max);
            }
            value = value * radix + digit;
            if (value > max) {
                throw new InvalidInputException(what + " \"" + text + "\": out of range (expected: 0-" + max + " or 0x0-0x" + Long.toHexString(max) + ")");
            }
        }
        return value;
    }

    private static int asciiDigit(char c, int radix) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char lower = (char) (c | 0x20);
        return radix == 16 && lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }

    private static InvalidInputException invalid(String what, String text, long max) {
        return new InvalidInputException(what + " \"" + text + "\": not a number (expected: 0-" + max + " or 0x0-0x" + Long.toHexString(max) + ")");
    }
}
