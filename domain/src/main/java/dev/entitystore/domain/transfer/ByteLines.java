package dev.entitystore.domain.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a stream as bytes, without decoding them: each line, its {@code \n} (and a {@code \r} before
 * it) left off, is {@code bytes()[0, length())} until the next call. The buffer grows to the longest line.
 */
final class ByteLines {
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    /** The unread bytes are {@code buffer[start, end)}. */
    private int start;
    private int end;
    private boolean ended;
    private byte[] line = new byte[1 << 12];
    private int length;

    ByteLines(InputStream in) {
        this.in = in;
    }

    /** Reads the next line; {@code false} at the end of the stream. */
    boolean next() throws IOException {
        length = 0;
        boolean any = false;
        while (true) {
            for (int i = start; i < end; i++) {
                if (buffer[i] == '\n') {
                    append(start, i);
                    start = i + 1;
                    if (length > 0 && line[length - 1] == '\r') {
                        length--;
                    }
                    return true;
                }
            }
            if (end > start) {
                any = true;
                append(start, end);
            }
            start = 0;
            end = 0;
            if (ended || !fill()) {
                return any; // a last line without its newline
            }
        }
    }

    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    /** Whether the line is empty or only ASCII whitespace. */
    boolean isBlank() {
        for (int i = 0; i < length; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\f' && b != 0x0B) {
                return false;
            }
        }
        return true;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
            ended = true;
            return false;
        }
        end = n;
        return true;
    }

    private void append(int from, int to) {
        int count = to - from;
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
        }
        System.arraycopy(buffer, from, line, length, count);
        length += count;
    }
}
