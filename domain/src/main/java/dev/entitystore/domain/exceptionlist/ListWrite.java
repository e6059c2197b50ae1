package dev.entitystore.domain.exceptionlist;

/** What a conditional replace of a stored list object came to. */
public sealed interface ListWrite {
    /** Written: the object as stored, with its new version. */
    record Written(StoredListObject stored) implements ListWrite {}

    /** Not written: the stored object is at another version than the one required. */
    record Conflict(ListObjectVersion current) implements ListWrite {}

    /** Not written: no object has that id. */
    record Missing() implements ListWrite {}
}
