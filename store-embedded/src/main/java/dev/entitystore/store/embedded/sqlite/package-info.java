/**
 * The embedded storage adapter: one SQLite file (xerial sqlite-jdbc) in WAL mode with
 * {@code synchronous=FULL}, written by one thread that commits queued requests in groups, read through a
 * small pool of connections. Start with {@link dev.entitystore.store.embedded.sqlite.SqliteEntityStore#open}.
 */
package dev.entitystore.store.embedded.sqlite;
