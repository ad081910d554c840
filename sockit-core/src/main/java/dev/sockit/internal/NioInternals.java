package dev.sockit.internal;

import java.io.FileDescriptor;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.channels.Channel;
import java.util.Optional;

/**
 * The two things sockit needs from the JDK's channel implementation that no public API gives:
 * a channel's file descriptor number ({@code fileno}) and a raw integer {@code setsockopt} /
 * {@code getsockopt} (for {@code IPV6_V6ONLY}, which the JDK sets to 0 on every IPv6 socket and
 * offers no option for).
 *
 * <p>Both reach into {@code sun.nio.ch} by reflection, which works only when the JVM runs with
 * {@code --add-opens java.base/sun.nio.ch=dev.sockit} ({@code =ALL-UNNAMED} on the class path).
 * Without it {@link #fileno} gives -1 and {@link #setIntOption} reports that it cannot.
 *
 * <p>Public only so that the socket API ({@code dev.sockit.net}) and the server engine
 * ({@code dev.sockit.server}) share it: the package is not exported, so it is no API.
 */
public final class NioInternals {
    /** The flag that opens the way, for messages. */
    public static final String ADD_OPENS = "--add-opens java.base/sun.nio.ch=dev.sockit (or =ALL-UNNAMED on the class path)";

    private static final Optional<Method> GET_FD_VAL = method("sun.nio.ch.SelChImpl", "getFDVal");
    private static final Optional<Method> GET_FD = method("sun.nio.ch.SelChImpl", "getFD");
    private static final Optional<Method> SET_INT_OPTION = method("sun.nio.ch.Net", "setIntOption0",
            FileDescriptor.class, boolean.class, int.class, int.class, int.class, boolean.class);
    private static final Optional<Method> GET_INT_OPTION = method("sun.nio.ch.Net", "getIntOption0",
            FileDescriptor.class, boolean.class, int.class, int.class);

    private NioInternals() {
    }

    /** The kernel file descriptor of {@code channel}, or -1 when it cannot be known. */
    public static int fileno(Channel channel) {
        if (GET_FD_VAL.isEmpty() || !channel.isOpen()) {
            return -1;
        }
        try {
            return (int) GET_FD_VAL.get().invoke(channel);
        } catch (IllegalAccessException | InvocationTargetException | ClassCastException | IllegalArgumentException e) {
            return -1;
        }
    }

    /** Whether {@link #setIntOption} and {@link #getIntOption} can work. */
    public static boolean rawOptionsAvailable() {
        return GET_FD.isPresent() && SET_INT_OPTION.isPresent() && GET_INT_OPTION.isPresent();
    }

    /**
     * {@code setsockopt(fd, level, name, &value, sizeof(int))} on {@code channel}'s socket.
     *
     * @throws IOException the JDK's exception for a failed call (its message is strerror)
     * @throws UnsupportedOperationException if {@link #rawOptionsAvailable} is false
     */
    public static void setIntOption(Channel channel, int level, int name, int value) throws IOException {
        call(SET_INT_OPTION, null, fd(channel), false, level, name, value, false);
    }

    /** {@code getsockopt(fd, level, name, &value, sizeof(int))} on {@code channel}'s socket. */
    public static int getIntOption(Channel channel, int level, int name) throws IOException {
        return (int) call(GET_INT_OPTION, null, fd(channel), false, level, name);
    }

    private static FileDescriptor fd(Channel channel) throws IOException {
        return (FileDescriptor) call(GET_FD, channel);
    }

    private static Object call(Optional<Method> method, Object target, Object... args) throws IOException {
        Method reflected = method.orElseThrow(() -> new UnsupportedOperationException("needs " + ADD_OPENS));
        try {
            return reflected.invoke(target, args);
        } catch (IllegalAccessException e) {
            throw new UnsupportedOperationException("needs " + ADD_OPENS, e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("sun.nio.ch." + reflected.getName() + " failed", e.getCause());
        }
    }

    private static Optional<Method> method(String className, String name, Class<?>... parameters) {
        try {
            Method method = Class.forName(className).getDeclaredMethod(name, parameters);
            method.setAccessible(true);
            return Optional.of(method);
        } catch (ReflectiveOperationException | RuntimeException unavailable) {
            return Optional.empty();
        }
    }

    // select/poll support

    private static final Optional<Method> POLL = method("sun.nio.ch.Net", "poll",
            FileDescriptor.class, int.class, long.class);

    /** Whether {@link #pollNow} can work. */
    public static boolean pollAvailable() {
        return GET_FD.isPresent() && POLL.isPresent();
    }

    /**
     * {@code poll} of {@code channel}'s socket alone for {@code events}, with timeout 0: the
     * {@code revents} Linux gives, {@code POLLERR} and {@code POLLHUP} included.
     *
     * @throws IOException the JDK's exception for a failed call
     * @throws UnsupportedOperationException if {@link #pollAvailable} is false
     */
    public static int pollNow(Channel channel, int events) throws IOException {
        return (int) call(POLL, null, fd(channel), events, 0L);
    }
}
