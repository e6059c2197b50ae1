/**
 * Whether the service can serve: each backend component reports through {@link
 * dev.entitystore.domain.health.HealthCheck}, {@link dev.entitystore.domain.health.ServiceHealth} sums
 * them up for the status route, and {@link dev.entitystore.domain.health.HealthGuardedStore} refuses
 * writes while a component says none can be made durable.
 */
package dev.entitystore.domain.health;
