package dev.entitystore.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entitystore.bench.http.EntityStoreClient;
import dev.entitystore.bench.http.EntityStoreClient.Answer;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * A follower of the change feed beside a figure's load (issue 18: the feed keeps up with {@code bulk}, lag
 * under 1 s): it long-polls the default space's feed from where it stood when started, and each change's
 * lag is the time from the change's own {@code @timestamp} (taken by the server as it wrote it, so at or
 * before the write's answer) to the moment the page holding it reached the follower.
 */
public final class FeedLag implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 1_000;

    private final EntityStoreClient client;
    private final ChangeLags lags = new ChangeLags();
    private final Thread follower;
    private volatile boolean stopping;
    private volatile long failures;

    /** Starts following after the feed's current end. */
    public FeedLag(EntityStoreClient client) {
        this.client = client;
        String start = end();
        this.follower = new Thread(() -> follow(start), "feed-lag");
        follower.setDaemon(true);
        follower.start();
    }

    /** Keeps following until the feed has nothing new for a poll, then prints the lags. */
    @Override
    public void close() throws InterruptedException {
        stopping = true;
        follower.join(TimeUnit.MINUTES.toMillis(2));
        System.out.printf("change feed lag (long poll, one follower): %s  (failed polls %d)%n", lags.summary(), failures);
    }

    private void follow(String since) {
        String cursor = since;
        while (true) {
            Answer answer = client.getPath(EntityStoreClient.API + "/changes?size=" + PAGE + "&wait=2&since="
                    + EntityStoreClient.encode(cursor));
            long received = System.currentTimeMillis() * 1_000;
            if (answer.status() != 200) {
                failures++;
                if (stopping) {
                    return;
                }
                pause();
                continue;
            }
            JsonNode page = json(answer.body());
            lags.record(page, received);
            cursor = page.path("next").asText();
            if (stopping && page.path("changes").isEmpty()) {
                return;
            }
        }
    }

    /** A failed poll is retried after a moment, not at once (a refusing server is not polled in a tight loop). */
    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The cursor of the feed's end now: pages through without waiting. */
    private String end() {
        String cursor = null;
        while (true) {
            Answer answer = client.getPath(EntityStoreClient.API + "/changes?size=" + PAGE
                    + (cursor == null ? "" : "&since=" + EntityStoreClient.encode(cursor)));
            if (answer.status() != 200) {
                throw new IllegalStateException("the change feed answered " + answer.status() + ": " + answer.body());
            }
            JsonNode page = json(answer.body());
            cursor = page.path("next").asText();
            if (page.path("changes").isEmpty()) {
                return cursor;
            }
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
