package dev.infra.core.provider;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates, reads, updates and deletes resources of one type. Implementations live in the providers module
 * (one class per AWS type) and are found through {@link ProviderRegistry}. Every call may be retried after a
 * crash, so each must be safe to repeat: create takes an idempotency token and tags; delete treats "not found"
 * as done.
 */
public interface ResourceProvider {
    /** The resource type this provider serves, e.g. {@code aws.ec2.Vpc}. */
    String type();

    /** Creates the resource; returns its physical id and outputs. */
    Applied create(ResourceRequest request);

    /**
     * After a crash or an "already exists" error: finds a resource created by an earlier attempt of this request
     * (by the tags or the idempotency token it carried), if the tags prove it is ours.
     */
    Optional<Applied> findExisting(ResourceRequest request);

    /** Reads many resources of this type at once (one Describe call where AWS allows). Missing ones are absent. */
    Map<String, Observed> read(List<ResourceHandle> handles);

    /** Updates in place; only called with changes to properties that do not force replacement. */
    Applied update(ResourceHandle current, ResourceRequest desired);

    /**
     * Deletes, saying what it waits for (an RDS cluster or a service drain takes minutes); a resource that is already
     * gone is not an error.
     */
    void delete(ResourceHandle handle, WaitReporter waits);

    /** Deletes without reporting waits (the sweep, tests). */
    default void delete(ResourceHandle handle) {
        delete(handle, WaitReporter.NONE);
    }

    /**
     * Resources of this type that the stage's {@code infra:app} and {@code infra:stage} tags find, for the sweep of
     * {@code remove} (what a lost state no longer lists), each with the tags read from the object itself. Everything
     * the query returned is given back (a filter is a hint): {@link Ownership} decides what is ours. Types that cannot
     * be tagged return nothing.
     */
    default List<Found> findTagged(StageContext stage) {
        return List.of();
    }

    /** What {@link #findTagged} found that its own tags prove is the stage's (any address). */
    default List<ResourceHandle> listTagged(StageContext stage) {
        return Ownership.anyAddress(stage).split(findTagged(stage)).ours().stream().map(f -> f.handle(stage)).toList();
    }

    /**
     * What runs now, for {@code infra status}: one batched read of all the handles (as {@link #read}), a status per
     * address found. Types with nothing to report (networks, roles) return nothing.
     */
    default Map<String, dev.infra.core.status.LiveStatus> status(List<ResourceHandle> handles) {
        return Map.of();
    }

    /**
     * Why this provider cannot create or change anything here and now (e.g. no Docker engine to build with), or empty.
     * Asked before an apply that would create or change this type, so that nothing is changed when it would fail.
     */
    default Optional<String> unavailable() {
        return Optional.empty();
    }
}
