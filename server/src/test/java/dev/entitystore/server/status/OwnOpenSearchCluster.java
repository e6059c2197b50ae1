package dev.entitystore.server.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Three OpenSearch nodes of a test's own forming one cluster on loopback (each its own ports, directory
 * and a 384 MB heap), for tests that take one node away; every call here goes to a node the test names.
 */
final class OwnOpenSearchCluster implements AutoCloseable {
    static final List<String> NAMES = List.of("node-1", "node-2", "node-3");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, OwnOpenSearchNode> nodes = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private OwnOpenSearchCluster() {
    }

    /** Starts the three nodes and waits until they have formed a cluster (minutes on a loaded machine). */
    static OwnOpenSearchCluster start() throws IOException, InterruptedException {
        List<Integer> transport = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            transport.add(OwnOpenSearchNode.freePort());
        }
        String seeds = transport.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
        OwnOpenSearchCluster cluster = new OwnOpenSearchCluster();
        try {
            for (int i = 0; i < NAMES.size(); i++) {
                cluster.nodes.put(NAMES.get(i), OwnOpenSearchNode.startMember(NAMES.get(i), OwnOpenSearchNode.freePort(),
                        transport.get(i), String.join(",", NAMES), seeds));
            }
            cluster.awaitHealth(NAMES.get(0), "green", Duration.ofMinutes(8));
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    OwnOpenSearchNode node(String name) {
        return nodes.get(name);
    }

    /** Waits until the cluster, asked through {@code via}, has all three nodes and {@code status}. */
    void awaitHealth(String via, String status, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode health = call(via, "GET", "/_cluster/health?wait_for_nodes=" + NAMES.size() + "&wait_for_status=" + status
                    + "&timeout=10s", null);
            if (health != null && !health.path("timed_out").asBoolean(true)) {
                return;
            }
            Thread.sleep(1_000);
        }
        throw new IllegalStateException("the cluster did not reach " + NAMES.size() + " nodes and " + status + " within " + within
                + ": " + call(via, "GET", "/_cluster/health", null));
    }

    /** The node holding the primary of {@code index}'s (only) shard. */
    String primaryNode(String via, String index) {
        for (JsonNode shard : call(via, "GET", "/_cat/shards/" + index + "?format=json&h=prirep,node,state", null)) {
            if ("p".equals(shard.path("prirep").asText()) && "STARTED".equals(shard.path("state").asText())) {
                return shard.path("node").asText();
            }
        }
        throw new IllegalStateException("no started primary of " + index);
    }

    /** The answer's JSON, or null when the node gave none (down, or not yet part of a cluster). */
    JsonNode call(String via, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(nodes.get(via).url() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (OwnOpenSearchNode node : nodes.values()) {
            try {
                node.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
