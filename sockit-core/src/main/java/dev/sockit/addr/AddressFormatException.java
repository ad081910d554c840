package dev.sockit.addr;

import java.io.Serial;

/**
 * Text that should name an address, a socket address, a port or a CIDR block does not.
 *
 * <p>The message names the input and the problem in one line, for example
 * {@code "10.0.0.0/33": prefix length 33 is out of range (expected: 0-32)}.
 */
public final class AddressFormatException extends IllegalArgumentException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String input;
    private final String problem;

    /**
     * @param input the text that was parsed
     * @param problem what is wrong with it, in a few words
     */
    public AddressFormatException(String input, String problem) {
        super('"' + input + "\": " + problem);
        this.input = input;
        this.problem = problem;
    }

    /** The text that was parsed. */
    public String input() {
        return input;
    }

    /** What is wrong with it, without the input. */
    public String problem() {
        return problem;
    }
}
