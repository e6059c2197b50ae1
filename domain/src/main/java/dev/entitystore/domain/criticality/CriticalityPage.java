package dev.entitystore.domain.criticality;

import java.util.List;

/** One page of the criticality list: the records, how many match in all, and the page asked for. */
public record CriticalityPage(List<CriticalityRecord> records, long total, int page, int perPage) {
    public CriticalityPage {
        records = List.copyOf(records);
    }
}
