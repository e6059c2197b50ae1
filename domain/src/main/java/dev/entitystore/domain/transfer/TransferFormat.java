package dev.entitystore.domain.transfer;

/** The line formats of export and import: NDJSON v2 bulk items, or CSV of flattened fields. */
public enum TransferFormat {
    NDJSON, CSV
}
