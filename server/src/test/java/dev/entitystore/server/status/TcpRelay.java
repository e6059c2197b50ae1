package dev.entitystore.server.status;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP relay to a host and port on loopback: closing it is, for its clients, that service going away.
 * {@link #cutTheAnswerTo} drops one connection after a request has reached the service, before its
 * answer gets back: the request was applied, and the client cannot know it.
 */
final class TcpRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    /** A request line containing this, once: its answer never reaches the client. */
    private final AtomicReference<String> cutMarker = new AtomicReference<>();

    TcpRelay(String host, int port) throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    Socket upstream = new Socket(host, port);
                    open.add(client);
                    open.add(upstream);
                    AtomicBoolean cutting = new AtomicBoolean();
                    pipe(client, upstream, bytes -> {
                        String marker = cutMarker.get();
                        if (marker != null && new String(bytes, StandardCharsets.ISO_8859_1).contains(marker)
                                && cutMarker.compareAndSet(marker, null)) {
                            cutting.set(true);
                        }
                        return true;
                    });
                    pipe(upstream, client, bytes -> !cutting.get());
                } catch (IOException e) {
                    return; // closed
                }
            }
        }, "tcp-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The next request containing {@code marker} is delivered; its connection is closed when its answer comes. */
    void cutTheAnswerTo(String marker) {
        cutMarker.set(marker);
    }

    /** Copies {@code from} to {@code to} while {@code forward} accepts each chunk; closes both at the end. */
    private void pipe(Socket from, Socket to, java.util.function.Predicate<byte[]> forward) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[8192];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    byte[] chunk = java.util.Arrays.copyOf(buffer, n);
                    if (!forward.test(chunk)) {
                        break;
                    }
                    out.write(chunk);
                    out.flush();
                }
            } catch (IOException ignored) {
                // either side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-relay-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        closeQuietly(listener);
        open.forEach(TcpRelay::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
