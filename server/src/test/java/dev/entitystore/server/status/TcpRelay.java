package dev.entitystore.server.status;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * A TCP relay to a host and port on loopback: closing it is, for its clients, that service going away;
 * {@link #reopen} is the service coming back on the same port (a node restarted). {@link #cutTheAnswerTo}
 * drops one connection after a request has reached the service, before its answer gets back: the request
 * was applied, and the client cannot know it. {@link #freeze} keeps every connection open and forwards
 * nothing, either way, until {@link #thaw}: a node that hangs (stopped, partitioned) rather than goes away.
 */
final class TcpRelay implements AutoCloseable {
    private final String host;
    private final int upstreamPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;
    private volatile boolean closed;
    private volatile boolean frozen;
    /** A request line containing this, once: its answer never reaches the client. */
    private final AtomicReference<String> cutMarker = new AtomicReference<>();

    TcpRelay(String host, int port) throws IOException {
        this.host = host;
        this.upstreamPort = port;
        listen(0);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Listens again on the port it had before {@link #close}. */
    synchronized void reopen() throws IOException {
        closed = false;
        listen(port());
    }

    private void listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        listener = socket;
        Thread acceptor = new Thread(() -> accept(socket), "tcp-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket upstream = new Socket(host, upstreamPort);
                open.add(client);
                open.add(upstream);
                if (closed) {
                    // accepted while close() ran: close() may have gone over the list before these joined it
                    closeQuietly(client);
                    closeQuietly(upstream);
                    return;
                }
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
    }

    /**
     * The next request whose first bytes contain {@code marker} (e.g. {@code "/_bulk"}) reaches the service, and
     * its connection is dropped before the answer comes back.
     */
    void cutTheAnswerTo(String marker) {
        cutMarker.set(marker);
    }

    /** From now on nothing goes through, in either direction, and no connection is closed. */
    void freeze() {
        frozen = true;
    }

    /** What was held goes through, and everything after it. */
    void thaw() {
        frozen = false;
    }

    /** Copies {@code from} to {@code to} while {@code forward} accepts each chunk; closes both at the end. */
    private void pipe(Socket from, Socket to, Predicate<byte[]> forward) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[8192];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    byte[] chunk = Arrays.copyOf(buffer, n);
                    while (frozen && !closed) {
                        Thread.sleep(5);
                    }
                    if (!forward.test(chunk)) {
                        break;
                    }
                    out.write(chunk);
                    out.flush();
                }
            } catch (IOException ignored) {
                // either side closed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-relay-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops listening and cuts every relayed connection. */
    @Override
    public synchronized void close() {
        closed = true;
        closeQuietly(listener);
        open.forEach(TcpRelay::closeQuietly);
        open.clear();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
