/**
 * The storage port: what the domain needs from a place that keeps entity records, in domain terms.
 *
 * <p>{@link dev.entitystore.domain.store.EntityStore} is the port; adapters (the embedded one in the
 * {@code store-embedded} module, the OpenSearch one in {@code store-opensearch}) implement it. Outcomes such as "already exists" or "not found"
 * are returned as values, never thrown: the use cases above choose Kibana's wording. Only a failing
 * backend is an exception ({@link dev.entitystore.domain.error.StoreUnavailableException}).
 */
package dev.entitystore.domain.store;
