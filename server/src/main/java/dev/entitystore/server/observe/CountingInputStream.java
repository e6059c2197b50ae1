package dev.entitystore.server.observe;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the request body bytes read, for the access log. Bytes read again after a {@code reset} (Jersey
 * peeks at a body to see whether there is one) count once.
 */
final class CountingInputStream extends FilterInputStream {
    private long count;
    private long marked;

    CountingInputStream(InputStream in) {
        super(in);
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count += Math.max(0, skipped);
        return skipped;
    }

    @Override
    public synchronized void mark(int readLimit) {
        super.mark(readLimit);
        marked = count;
    }

    @Override
    public synchronized void reset() throws IOException {
        super.reset();
        count = marked;
    }
}
