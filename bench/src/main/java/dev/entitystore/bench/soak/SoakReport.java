package dev.entitystore.bench.soak;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The soak's time series: printed as a table while it runs, summarised at the end, optionally as CSV. */
public final class SoakReport {
    private static final String HEADER = String.format("%6s %8s %8s %8s %8s %9s %6s %5s %8s %8s %7s %5s %5s %7s %7s %6s",
            "t(s)", "answers", "rate/s", "p50 ms", "p99 ms", "max ms", "fail", "5xx", "heap MB", "old MB", "RSS MB", "fds", "files",
            "threads", "data MB", "WAL MB");
    private final List<SoakRow> rows = new ArrayList<>();
    private final PrintStream out;
    private long unanswered;

    public SoakReport(PrintStream out) {
        this.out = out;
        out.println(HEADER);
    }

    synchronized void add(SoakRow row) {
        rows.add(row);
        ProcessSample p = row.process();
        out.printf("%6d %8d %8.1f %8.2f %8.2f %9.2f %6d %5d %8d %8d %7d %5d %5d %7d %7d %6d%n", row.atSecond(), row.answers(),
                row.perSecond(), row.p50Ms(), row.p99Ms(), row.maxMs(), row.failures(), row.serverErrors(),
                p.heapMb(), p.oldGenMb(), p.rssMb(), p.fds(), p.fileFds(), p.threads(), p.dataMb(), p.walMb());
    }

    public synchronized List<SoakRow> rows() {
        return List.copyOf(rows);
    }

    /** Requests still unanswered a minute after the last send: counted as failures. */
    synchronized void unanswered(long count) {
        unanswered = count;
        if (count > 0) {
            out.println("soak: " + count + " requests were not answered within 60 s of the last send");
        }
    }

    /** Failed answers, and requests never answered. */
    public synchronized long failures() {
        return rows.stream().mapToLong(SoakRow::failures).sum() + unanswered;
    }

    public long serverErrors() {
        return rows().stream().mapToLong(SoakRow::serverErrors).sum();
    }

    /** First and last interval side by side, and the spread of p99 over the run. */
    public void printSummary() {
        List<SoakRow> all = rows();
        if (all.isEmpty()) {
            return;
        }
        SoakRow first = all.get(0);
        SoakRow last = all.get(all.size() - 1);
        out.printf("soak: %d intervals, %d failures (%d 5xx); p99 per interval %.2f..%.2f ms; RSS %d -> %d MB;"
                        + " heap %d -> %d MB (old gen %d -> %d MB); fds %d -> %d (files %d -> %d); threads %d -> %d%n",
                all.size(), failures(), serverErrors(),
                all.stream().mapToDouble(SoakRow::p99Ms).min().orElse(0), all.stream().mapToDouble(SoakRow::p99Ms).max().orElse(0),
                first.process().rssMb(), last.process().rssMb(), first.process().heapMb(), last.process().heapMb(),
                first.process().oldGenMb(), last.process().oldGenMb(), first.process().fds(), last.process().fds(),
                first.process().fileFds(), last.process().fileFds(), first.process().threads(), last.process().threads());
    }

    public void writeCsv(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("t_s,answers,rate_per_s,p50_ms,p99_ms,max_ms,failures,server_errors,heap_mb,old_gen_mb,rss_mb,fds,file_fds,threads,data_mb,wal_mb");
        for (SoakRow r : rows()) {
            ProcessSample p = r.process();
            lines.add(String.join(",", String.valueOf(r.atSecond()), String.valueOf(r.answers()), fmt(r.perSecond()),
                    fmt(r.p50Ms()), fmt(r.p99Ms()), fmt(r.maxMs()), String.valueOf(r.failures()), String.valueOf(r.serverErrors()),
                    String.valueOf(p.heapMb()), String.valueOf(p.oldGenMb()), String.valueOf(p.rssMb()), String.valueOf(p.fds()),
                    String.valueOf(p.fileFds()), String.valueOf(p.threads()), String.valueOf(p.dataMb()), String.valueOf(p.walMb())));
        }
        Files.write(file, lines);
    }

    private static String fmt(double value) {
        return String.format(java.util.Locale.ROOT, "%.2f", value);
    }
}
