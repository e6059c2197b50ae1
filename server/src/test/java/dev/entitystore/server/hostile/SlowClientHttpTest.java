package dev.entitystore.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.RunningServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Slow clients (issue 9) with a 2-second client timeout: a half-sent request head and a half-sent or
 * trickled body are cut off, other clients are served meanwhile, and nothing is written. The bounds
 * asserted are the timeout plus a wide margin (Grizzly checks idle connections once a second), never
 * a speed.
 */
class SlowClientHttpTest {
    private static final int TIMEOUT_SECONDS = 2;
    /** Long enough for a loaded CI machine, far shorter than "forever". */
    private static final int GIVE_UP_MILLIS = 20_000;

    @RegisterExtension
    static RunningServer server = new RunningServer(Map.of("ENTITY_STORE_CLIENT_TIMEOUT_SECONDS", String.valueOf(TIMEOUT_SECONDS)));

    private static RawClient client;

    @BeforeAll
    static void install() {
        client = new RawClient(server.port());
        assertThat(client.write("POST", "/api/security/entity_store/install", "{}").status()).isEqualTo(201);
    }

    private Socket open() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(GIVE_UP_MILLIS);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads until the server closes; a read that times out means the server kept the connection open. */
    private static String readUntilClosed(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept a stalled connection open for " + GIVE_UP_MILLIS + " ms");
        }
    }

    @Test
    void halfSentRequestHeadIsClosedAfterTheTimeoutWhileOthersAreServed() throws IOException {
        try (Socket stalled = open()) {
            send(stalled, "GET /api/security/entity_store/status HTTP/1.1\r\nHost: x\r\n");
            assertThat(client.get("/api/status").status()).isEqualTo(200);
            assertThat(readUntilClosed(stalled)).isEmpty();
        }
    }

    @Test
    void halfSentBodyAnswers408AndClosesWithoutWriting() throws IOException {
        JsonNode before = StoreContent.read(client, List.of("default"));
        try (Socket stalled = open()) {
            send(stalled, "POST /api/security/entity_store/entities/host HTTP/1.1\r\nHost: x\r\nkbn-xsrf: t\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"host\":{\"name\":\"half");
            assertThat(client.get("/api/status").status()).isEqualTo(200);
            String answer = readUntilClosed(stalled);
            assertThat(answer).startsWith("HTTP/1.1 408").contains("\"statusCode\":408")
                    .contains("\"message\":\"Request Time-out\"");
        }
        assertThat(StoreContent.read(client, List.of("default"))).isEqualTo(before);
    }

    @Test
    void tricklingBodyIsCutOffAtTheDeadlineThoughEachByteComesInTime() throws Exception {
        JsonNode before = StoreContent.read(client, List.of("default"));
        String body = "{\"host\":{\"name\":\"" + "t".repeat(200) + "\"}}";
        try (Socket trickler = open()) {
            send(trickler, "POST /api/security/entity_store/entities/host HTTP/1.1\r\nHost: x\r\nkbn-xsrf: t\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n");
            String answer = null;
            // One byte every 300 ms: never idle for the timeout, yet the whole body would take a minute.
            for (int i = 0; i < body.length(); i++) {
                try {
                    send(trickler, body.substring(i, i + 1));
                } catch (IOException closed) {
                    break;
                }
                if (trickler.getInputStream().available() > 0) {
                    break;
                }
                Thread.sleep(300);
            }
            answer = readUntilClosed(trickler);
            assertThat(answer).startsWith("HTTP/1.1 408").contains("\"statusCode\":408");
        }
        assertThat(StoreContent.read(client, List.of("default"))).isEqualTo(before);
    }

    @Test
    void idleKeptAliveConnectionIsClosedAfterTheTimeout() throws IOException {
        try (Socket idle = open()) {
            send(idle, "GET /api/status HTTP/1.1\r\nHost: x\r\n\r\n");
            String answer = readUntilClosed(idle);
            assertThat(answer).startsWith("HTTP/1.1 200");
        }
    }
}
