/**
 * What runs now, as {@code infra status} reports it: each provider that has something to say about its type (ECS
 * services, Aurora clusters) reads all resources of that type at once and returns a {@link LiveStatus} per resource,
 * with the problems that keep it from being steady and healthy; none means steady and healthy.
 */
package dev.infra.core.status;
