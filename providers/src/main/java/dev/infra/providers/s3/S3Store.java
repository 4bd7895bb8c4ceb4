package dev.infra.providers.s3;

import dev.infra.core.state.ConditionalStore;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * State objects in S3. The version is the ETag: writes carry {@code If-Match} with the ETag read, or
 * {@code If-None-Match: *} to create; deletes carry {@code If-Match}. A 412 (or a 409 from a concurrent conditional
 * write) is a lost race, reported as {@link PreconditionFailedException}.
 */
public final class S3Store implements ConditionalStore {
    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public S3Store(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    }

    @Override
    public Optional<Versioned> get(String key) {
        try {
            ResponseBytes<GetObjectResponse> r = s3.getObjectAsBytes(b -> b.bucket(bucket).key(prefix + key));
            return Optional.of(new Versioned(r.asString(StandardCharsets.UTF_8), r.response().eTag()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public String put(String key, String content, String expectedVersion) {
        try {
            return s3.putObject(b -> {
                b.bucket(bucket).key(prefix + key).contentType("application/json");
                if (expectedVersion == null) b.ifNoneMatch("*");
                else b.ifMatch(expectedVersion);
            }, RequestBody.fromString(content, StandardCharsets.UTF_8)).eTag();
        } catch (S3Exception e) {
            throw lostRace(key, e);
        }
    }

    @Override
    public void delete(String key, String expectedVersion) {
        try {
            s3.deleteObject(b -> {
                b.bucket(bucket).key(prefix + key);
                if (expectedVersion != null) b.ifMatch(expectedVersion);
            });
        } catch (NoSuchKeyException e) {
            // already gone
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return;
            throw lostRace(key, e);
        }
    }

    /** HEAD: the ETag without the content. */
    @Override
    public Optional<String> version(String key) {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(bucket).key(prefix + key)).eTag());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return Optional.empty();
            throw e;
        }
    }

    /** DeleteObjects, a thousand keys a request; a key that failed to go is reported. */
    @Override
    public void deleteAll(List<String> keys) {
        for (int from = 0; from < keys.size(); from += 1000) {
            List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + 1000)).stream()
                    .map(k -> ObjectIdentifier.builder().key(prefix + k).build()).toList();
            var r = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(batch).quiet(true)));
            if (r.hasErrors() && !r.errors().isEmpty())
                throw new IllegalStateException("could not delete " + r.errors().get(0).key() + ": " + r.errors().get(0).message());
        }
    }

    /** Every page of ListObjectsV2 under the prefix. */
    @Override
    public List<String> keys(String keyPrefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix + keyPrefix)).contents().stream()
                .map(o -> o.key().substring(prefix.length())).sorted().toList();
    }

    private static RuntimeException lostRace(String key, S3Exception e) {
        if (e.statusCode() == 412 || e.statusCode() == 409) return new PreconditionFailedException(key);
        return e;
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + prefix;
    }
}
