package dev.entitystore.domain.census;

/** How many entities of one type a space holds. */
public record EntityCount(String space, String type, long count) {
}
