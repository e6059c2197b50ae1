package dev.entitystore.server.status;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay to a host and port on loopback: closing it is, for its clients, that service going away;
 * {@link #reopen} is the service coming back on the same port (a node restarted).
 */
final class TcpRelay implements AutoCloseable {
    private final String host;
    private final int upstreamPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;
    private volatile boolean closed;

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
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
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
