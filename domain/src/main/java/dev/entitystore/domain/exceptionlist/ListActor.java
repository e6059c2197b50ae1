package dev.entitystore.domain.exceptionlist;

/**
 * Who writes and from where: the user name Kibana records as {@code created_by}/{@code updated_by}
 * ({@code elastic} when the server runs without credentials, as Kibana's lists do without security), and
 * the space the request came through.
 */
public record ListActor(String user, String space) {
}
