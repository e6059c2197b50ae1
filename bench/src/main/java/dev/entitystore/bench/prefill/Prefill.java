package dev.entitystore.bench.prefill;

import dev.entitystore.bench.cli.Options;
import dev.entitystore.bench.http.EntityStoreClient;
import dev.entitystore.bench.records.Population;
import java.nio.file.Path;

/**
 * Pre-fills N entities of the kit's records (default space, engines of their types installed).
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.entitystore.bench.prefill.Prefill store DIR --entities N [--types host|all|...]
 * java -cp bench/target/benchmarks.jar dev.entitystore.bench.prefill.Prefill http URL --entities N [--types ...] [--clients 8]
 * </pre>
 * {@code store} writes an embedded data directory directly (server stopped); {@code http} creates through
 * a running server of either backend.
 */
public final class Prefill {
    private Prefill() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        String mode = options.positional(0, "mode (store | http)");
        Population population = Population.of(options.text("types", "host"), options.integer("entities", 1_000_000));
        switch (mode) {
            case "store" -> StorePrefill.run(Path.of(options.positional(1, "data directory")), population);
            case "http" -> HttpPrefill.run(EntityStoreClient.of(options.positional(1, "server URL (or several, comma-separated)")),
                    population, options.integer("clients", 8));
            default -> throw new IllegalArgumentException("mode: store | http");
        }
    }
}
