package dev.entitystore.bench.figure;

import java.util.Map;

/**
 * One product rules §8 figure: the population it needs (pre-filled once per data directory and reused) and the
 * scenario that measures it, with its bounded default run.
 */
record FigureSpec(String name, String types, int entities, String what) {

    static final Map<String, FigureSpec> ALL = Map.ofEntries(
            Map.entry("bulk", new FigureSpec("bulk", "host", 1_000_000,
                    "v2 bulk updates, 1,000-item batches of ~1 KB, 2 clients, 100 batches, into 1M stored (target >= 10,000 entities/s)")),
            Map.entry("single", new FigureSpec("single", "host", 1_000_000,
                    "v2 single updates at 500/s for 30 s, open loop (target p99 <= 5 ms)")),
            Map.entry("same-id", new FigureSpec("same-id", "host", 1_000_000,
                    "1,000 updates of one entity vs 1,000 of distinct entities, 16 clients; bulks likewise (target <= 2x)")),
            Map.entry("list", new FigureSpec("list", "host", 1_000_000,
                    "KQL term on entity.id and host.name (target p99 <= 5 ms), page of 100 by @timestamp and searchAfter page 50 (p99 <= 15 ms), on 1M")),
            Map.entry("history", new FigureSpec("history", "host", 1_000,
                    "history of one entity updated 10,000 times (--versions): first page, filtered pages, as_of oldest/middle/newest, 200 each (target p99 <= 10 ms, as_of <= 20 ms)")),
            Map.entry("visible", new FigureSpec("visible", "host", 1_000_000,
                    "write-to-visible: 300 updates, each followed by KQL lists until the list finds it (target: visible on return)")),
            Map.entry("link", new FigureSpec("link", "host", 1_000_000,
                    "resolution: a link of 1,000 ids into one target on 1M stored, then its unlink, 2 warm-up rounds (--warm-up) and 20 counted (--rounds) (target <= 1 s per link)")),
            Map.entry("mixed", new FigureSpec("mixed", "all", 100_000,
                    "mixed read/write at 200/s for 60 s over 100k entities of the four types")),
            Map.entry("soak", new FigureSpec("soak", "all", 100_000,
                    "10-minute soak: mixed read/write at 100/s, server sampled every 10 s (memory flat, no errors, p99 stable)")),
            Map.entry("export", new FigureSpec("export", "host", 1_000_000,
                    "streamed export of every record, NDJSON (--format csv), 1M hosts (target >= 50,000 entities/s, RSS <= 512 MB)")),
            Map.entry("import", new FigureSpec("import", "host", 1_000_000,
                    "streamed import of one NDJSON body, a ~1 KB update line per host, into 1M hosts (target >= the bulk figure, RSS <= 512 MB)")),
            Map.entry("group", new FigureSpec("group", "host", 1_000_000,
                    "resolution: one group of 100,000 aliases (--members) built by links of 1,000, read whole, walked in pages (--page), then unlinked")));
}
