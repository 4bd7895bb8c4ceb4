package dev.infra.providers.rds;

import dev.infra.core.provider.WaitReporter;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.AwsErrors;
import dev.infra.providers.aws.Pages;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.Filter;
import software.amazon.awssdk.services.rds.model.Tag;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the RDS providers share: the client, tags both ways, id filters, and the waits RDS needs (minutes, with
 * progress): until a status is {@code available}, and until a resource is gone. RDS keeps a deleted cluster or
 * instance in Describe as {@code deleting} for minutes, refusing a second delete and a create of the same identifier
 * meanwhile: both wait for it to be gone instead ({@link #unlessDeleting}, {@link #createAfterDeleting}).
 */
final class Rds {
    static final Duration CREATE_TIMEOUT = Duration.ofMinutes(60);
    static final int FILTER_MAX = 100;
    private final Aws aws;

    Rds(Aws aws) {
        this.aws = aws;
    }

    Aws aws() {
        return aws;
    }

    RdsClient client() {
        return aws.client(RdsClient.class, RdsClient::builder);
    }

    static List<Tag> tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }

    static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> m = new HashMap<>();
        if (tags != null) tags.forEach(t -> m.put(t.key(), t.value()));
        return m;
    }

    static Filter filter(String name, List<String> values) {
        return Filter.builder().name(name).values(values).build();
    }

    /** A Describe filtered by ids ({@code db-cluster-id}, {@code db-instance-id}), 100 ids per call, all pages. */
    <R, T> List<T> byIds(String filter, List<String> ids, BiFunction<Filter, String, R> page, Function<R, String> marker,
                         Function<R, List<T>> items) {
        List<T> out = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i += FILTER_MAX) {
            Filter f = filter(filter, ids.subList(i, Math.min(ids.size(), i + FILTER_MAX)));
            out.addAll(Pages.all(aws.retry(), m -> page.apply(f, m), marker, items));
        }
        return out;
    }

    Map<String, String> tagsOf(String arn) {
        return tags(aws.call(() -> client().listTagsForResource(b -> b.resourceName(arn))).tagList());
    }

    /** Waits until {@code status} (null when gone) reads available; a gone resource or a failed state is an error. */
    void awaitAvailable(String what, WaitReporter waits, Supplier<String> status) {
        aws.poller().await(what + " to become available", CREATE_TIMEOUT, waits, () -> {
            String s = status.get();
            if (s == null) throw new IllegalStateException(what + " disappeared while being created or changed");
            if (s.equals("failed") || s.startsWith("incompatible") || s.equals("inaccessible-encryption-credentials")
                    || s.equals("insufficient-resource-limits"))
                throw new IllegalStateException(what + " is " + s);
            return s.equals("available") ? Optional.of(s) : Optional.empty();
        });
    }

    /**
     * {@code delete}, except that a refusal ({@code InvalidDBClusterStateFault}, {@code InvalidDBInstanceState}) while
     * {@code status} reads {@code deleting} means the deletion is already under way (a retry after a lost response, a
     * sweep finding one a previous run started): nothing is left to ask, the caller awaits it gone.
     */
    static Runnable unlessDeleting(Runnable delete, Supplier<String> status) {
        return () -> {
            try {
                delete.run();
            } catch (RuntimeException e) {
                if (!AwsErrors.isInUse(e) || !"deleting".equals(status.get())) throw e;
            }
        };
    }

    /** Runs {@code create}; refused because a namesake is still {@code deleting}, waits until it is gone and runs it once more. */
    void createAfterDeleting(String what, WaitReporter waits, Runnable create, Supplier<String> status) {
        try {
            aws.run(create);
        } catch (RuntimeException e) {
            if (!AwsErrors.isAlreadyExists(e) || !"deleting".equals(status.get())) throw e;
            awaitGone("the deleting " + what, waits, status);
            aws.run(create);
        }
    }

    /** Waits until {@code status} reads null (the resource no longer exists). */
    void awaitGone(String what, WaitReporter waits, Supplier<String> status) {
        aws.poller().await(what + " to be deleted", CREATE_TIMEOUT, waits, () -> status.get() == null ? Optional.of(true) : Optional.empty());
    }
}
