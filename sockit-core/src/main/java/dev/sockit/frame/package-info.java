/**
 * Framing: cutting a byte stream into the messages it carries, with a bound on each.
 * {@link dev.sockit.frame.LineDecoder} splits at {@code \n} (and {@code \r\n});
 * {@link dev.sockit.frame.LengthFieldDecoder} reads big-endian length-prefixed frames, which
 * {@link dev.sockit.frame.LengthFieldEncoder} writes. A frame over its limit is a
 * {@link dev.sockit.frame.FrameTooLongException}, never an unbounded buffer.
 *
 * <p>Decoders are fed whatever a read returned, in any chunking, and hand out each frame as
 * a buffer valid during the callback only; they copy only the part of a frame that straddles
 * reads. One decoder per stream; not thread-safe. Depends on the JDK only.
 */
package dev.sockit.frame;
