package dev.sockit.net;

import java.util.List;

/**
 * What {@link Select#select} returns, as Python's {@code select.select} returns three lists:
 * the sockets of each list given that are ready, in the order given (a socket given twice
 * appears twice). The lists cannot be modified.
 *
 * @param read the sockets a receive or accept would not block on
 * @param write the sockets a send would not block on
 * @param except the sockets with urgent (out-of-band) data
 */
public record Selected(List<Socket> read, List<Socket> write, List<Socket> except) {
    public Selected {
        read = List.copyOf(read);
        write = List.copyOf(write);
        except = List.copyOf(except);
    }

    /** Whether no socket is ready: the timeout passed. */
    public boolean isEmpty() {
        return read.isEmpty() && write.isEmpty() && except.isEmpty();
    }
}
