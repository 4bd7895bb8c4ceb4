package dev.infra.providers.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Describe calls by id in batches, for the APIs that fail a whole request with "not found" when any one id is gone
 * (ELBv2, ECR): such a batch is split in halves until the missing ids are isolated and dropped, so one deleted
 * resource costs a few extra calls instead of hiding the others.
 */
public final class Batches {
    private Batches() { }

    public static <T> List<T> describe(List<String> ids, int size, Function<List<String>, List<T>> call) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += size) out.addAll(tolerant(ids.subList(i, Math.min(ids.size(), i + size)), call));
        return out;
    }

    private static <T> List<T> tolerant(List<String> batch, Function<List<String>, List<T>> call) {
        try {
            return call.apply(batch);
        } catch (RuntimeException e) {
            if (!AwsErrors.isNotFound(e)) throw e;
            if (batch.size() == 1) return List.of();
            int half = batch.size() / 2;
            List<T> out = new ArrayList<>(tolerant(batch.subList(0, half), call));
            out.addAll(tolerant(batch.subList(half, batch.size()), call));
            return out;
        }
    }
}
