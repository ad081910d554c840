package dev.sockit.cli;

/**
 * One JSON object, written as one line: what {@code --json} prints, an object per event.
 * Keys keep the order they were put in. Strings are escaped as RFC 8259 requires; numbers
 * that are not finite are written as {@code null}.
 */
public final class Json {
    private final StringBuilder text = new StringBuilder(128).append('{');

    private Json() {
    }

    /** A new, empty object. */
    public static Json object() {
        return new Json();
    }

    /** Adds {@code key: value}; a {@code null} value is written as {@code null}. */
    public Json put(String key, String value) {
        key(key);
        if (value == null) {
            text.append("null");
        } else {
            quote(value);
        }
        return this;
    }

    /** Adds {@code key: value}. */
    public Json put(String key, long value) {
        key(key);
        text.append(value);
        return this;
    }

    /** Adds {@code key: value}; NaN and infinities are written as {@code null}. */
    public Json put(String key, double value) {
        key(key);
        text.append(Double.isFinite(value) ? Double.toString(value) : "null");
        return this;
    }

    /** Adds {@code key: value}. */
    public Json put(String key, boolean value) {
        key(key);
        text.append(value);
        return this;
    }

    /** Adds {@code key: value} with {@code value} already JSON (an object or an array), unchanged. */
    public Json putRaw(String key, String json) {
        key(key);
        text.append(json);
        return this;
    }

    /** The object's text, one line. */
    @Override
    public String toString() {
        return text + "}";
    }

    private void key(String key) {
        if (text.length() > 1) {
            text.append(',');
        }
        quote(key);
        text.append(':');
    }

    private void quote(String value) {
        text.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        text.append(String.format("\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        text.append('"');
    }
}
