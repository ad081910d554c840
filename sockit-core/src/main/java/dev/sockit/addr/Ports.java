package dev.sockit.addr;

/** Port numbers in text: the one parser every address type uses. */
final class Ports {
    private Ports() {
    }

    /**
     * Parses a decimal port, {@code 0..65535}, with no sign, space or leading {@code +}.
     *
     * @param input the whole text being parsed, for the error message
     * @param port the port part of it
     * @throws AddressFormatException if {@code port} is not such a number
     */
    static int parse(String input, String port) {
        if (port.isEmpty() || port.length() > 5) {
            throw new AddressFormatException(input, "port \"" + port + "\" (expected: 0-65535)");
        }
        int value = 0;
        for (int i = 0; i < port.length(); i++) {
            char c = port.charAt(i);
            if (c < '0' || c > '9') {
                throw new AddressFormatException(input, "port \"" + port + "\" (expected: 0-65535)");
            }
            value = value * 10 + (c - '0');
        }
        if (value > 65535) {
            throw new AddressFormatException(input, "port " + value + " (expected: 0-65535)");
        }
        return value;
    }
}
