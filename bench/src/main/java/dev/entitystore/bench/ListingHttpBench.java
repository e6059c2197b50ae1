package dev.entitystore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * The listing figures over HTTP, one client on loopback, against a running server whose data directory
 * {@link ListingBench} filled (hosts {@code host:web-0 .. host:web-<N-1>}): KQL term on {@code entity.id}
 * and {@code host.name}, a page of 100 by {@code @timestamp}, the 50th {@code searchAfter} page of 100.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.entitystore.bench.ListingHttpBench http://127.0.0.1:5601 1000000 2000}.
 */
public final class ListingHttpBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIST = "/api/security/entity_store/entities";

    private ListingHttpBench() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:5601";
        int entities = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Random random = new Random(5);
        Latencies.measure("HTTP KQL term entity.id", queries, i -> get(http, base + LIST + "?filter="
                + q("entity.id: \"host:web-" + random.nextInt(entities) + "\"")));
        Latencies.measure("HTTP KQL term host.name", queries, i -> get(http, base + LIST + "?filter=" + q("host.name: web-" + random.nextInt(entities))));
        Latencies.measure("HTTP page of 100 by @timestamp", queries / 4, i -> get(http, base + LIST + "?page=1&per_page=100&sort_field=@timestamp&sort_order=desc"));
        String after = null;
        for (int page = 0; page < 49; page++) {
            JsonNode answer = JSON.readTree(get(http, base + LIST + "?size=100" + (after == null ? "" : "&searchAfter=" + q(after))));
            after = answer.path("nextSearchAfter").toString();
        }
        String cursor = after;
        Latencies.measure("HTTP searchAfter page 50 of 100", queries / 4, i -> get(http, base + LIST + "?size=100&searchAfter=" + q(cursor)));
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String get(HttpClient http, String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
