/**
 * The dependency graph: topological order for creation, reverse for deletion, closure for {@code --target}, the
 * critical path for benchmarks, cycle detection that names the cycle, and a deterministic text form.
 */
package dev.infra.core.graph;
