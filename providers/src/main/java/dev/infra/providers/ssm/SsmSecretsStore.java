package dev.infra.providers.ssm;

import dev.infra.core.component.Tags;
import dev.infra.core.diag.ExitCode;
import dev.infra.core.diag.InfraException;
import dev.infra.core.diag.InvalidInputException;
import dev.infra.core.provider.StageContext;
import dev.infra.core.provider.WaitReporter;
import dev.infra.core.secrets.SecretValue;
import dev.infra.core.secrets.SecretsStore;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.AwsErrors;
import dev.infra.providers.aws.Pages;
import dev.infra.providers.aws.Transient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.DescribeParametersResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.Tag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A stage's secrets as SSM SecureString parameters at the {@code secretsPath} template. Values go only into
 * PutParameter and come back only from decrypting reads; an AWS error about a value is re-thrown with the value
 * scrubbed and without its cause, so not even {@code --verbose} stack traces can show it. Listing uses
 * DescribeParameters by name prefix, which returns no values.
 */
final class SsmSecretsStore implements SecretsStore {
    private static final int GET_BATCH = 10;
    private final Aws aws;
    private final SecretPaths paths;
    private final String kmsKey;
    private final StageContext stage;
    private final dev.infra.providers.aws.BroadRead describeAll;

    SsmSecretsStore(Aws aws, SecretPaths paths, String kmsKey, StageContext stage) {
        this.aws = aws;
        this.paths = paths;
        this.kmsKey = kmsKey;
        this.stage = stage;
        this.describeAll = new dev.infra.providers.aws.BroadRead(aws, "ssm:DescribeParameters", "the secrets' path with ssm:GetParametersByPath");
    }

    private SsmClient ssm() {
        return aws.client(SsmClient.class, SsmClient::builder);
    }

    /** Concurrent updates of one parameter: not in the SDK's throttling list, so waited out here (CloudFormation's handler retries it). */
    private static final Transient TOO_MANY_UPDATES = Transient.busy("parameter %s is taking other updates", Duration.ofMinutes(2), "TooManyUpdates");

    @Override
    public void put(String name, SecretValue value) {
        String path = paths.path(name);
        guarded(value, () -> {
            try {
                aws.settleRun(path, WaitReporter.NONE, () -> ssm().putParameter(b -> keyed(b.name(path).type(ParameterType.SECURE_STRING).value(value.reveal())
                        .tags(tags(name)))), TOO_MANY_UPDATES);
            } catch (RuntimeException e) {
                if (!AwsErrors.isAlreadyExists(e)) throw e;
                aws.settleRun(path, WaitReporter.NONE, () -> ssm().putParameter(b -> keyed(b.name(path).type(ParameterType.SECURE_STRING).value(value.reveal())
                        .overwrite(true))), TOO_MANY_UPDATES);
            }
            return null;
        });
    }

    private software.amazon.awssdk.services.ssm.model.PutParameterRequest.Builder keyed(
            software.amazon.awssdk.services.ssm.model.PutParameterRequest.Builder b) {
        return kmsKey == null || kmsKey.isEmpty() ? b : b.keyId(kmsKey);
    }

    private List<Tag> tags(String name) {
        return List.of(Tag.builder().key(Tags.APP).value(stage.app()).build(),
                Tag.builder().key(Tags.STAGE).value(stage.stage()).build(),
                Tag.builder().key("infra:secret").value(name).build());
    }

    @Override
    public Optional<SecretValue> get(String name) {
        return Optional.ofNullable(getAll(List.of(name)).get(name));
    }

    /** One GetParameters call per ten names, decrypted; names that are not set are absent. */
    @Override
    public Map<String, SecretValue> getAll(Collection<String> names) {
        Map<String, SecretValue> out = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(names);
        for (int i = 0; i < all.size(); i += GET_BATCH) {
            List<String> batch = all.subList(i, Math.min(all.size(), i + GET_BATCH)).stream().map(paths::path).toList();
            List<Parameter> got = guarded(null, () -> aws.call(() -> ssm().getParameters(b -> b.names(batch).withDecryption(true))).parameters());
            for (Parameter p : got) out.put(paths.name(p.name()), new SecretValue(p.value()));
        }
        return out;
    }

    /**
     * The stage's secrets by name: DescribeParameters with a name-prefix filter when the caller may (IAM grants it only
     * on every parameter), else GetParametersByPath of the secrets' folder (granted on that path), values not decrypted.
     */
    @Override
    public List<SecretInfo> list() {
        List<SecretInfo> found = describeAll.read(this::described, this::byPath);
        return found.stream().filter(i -> paths.matches(paths.path(i.name())))
                .sorted(java.util.Comparator.comparing(SecretInfo::name)).toList();
    }

    private List<SecretInfo> described() {
        ParameterStringFilter byPrefix = ParameterStringFilter.builder().key("Name").option("BeginsWith").values(paths.prefix()).build();
        List<ParameterMetadata> found = Pages.all(aws.retry(), t -> ssm().describeParameters(b -> b.parameterFilters(byPrefix)
                .maxResults(50).nextToken(t)), DescribeParametersResponse::nextToken, DescribeParametersResponse::parameters);
        return found.stream().filter(p -> paths.matches(p.name())).map(p -> new SecretInfo(paths.name(p.name()), p.lastModifiedDate())).toList();
    }

    private List<SecretInfo> byPath() {
        String folder = paths.prefix().substring(0, paths.prefix().lastIndexOf('/'));
        String path = folder.isEmpty() ? "/" : folder;
        List<Parameter> found = Pages.all(aws.retry(), t -> ssm().getParametersByPath(b -> b.path(path).recursive(false).withDecryption(false)
                .maxResults(10).nextToken(t)), GetParametersByPathResponse::nextToken, GetParametersByPathResponse::parameters);
        return found.stream().filter(p -> paths.matches(p.name())).map(p -> new SecretInfo(paths.name(p.name()), p.lastModifiedDate())).toList();
    }

    @Override
    public void remove(String name) {
        try {
            aws.run(() -> ssm().deleteParameter(b -> b.name(paths.path(name))));
        } catch (RuntimeException e) {
            if (AwsErrors.isNotFound(e)) throw new InvalidInputException("secret " + name + " is not set for stage " + stage.stage());
            throw e;
        }
    }

    /** Runs an SSM call; an AWS error is re-thrown as one line, with {@code value} (when given) scrubbed, and no cause. */
    private static <T> T guarded(SecretValue value, Supplier<T> call) {
        try {
            return call.get();
        } catch (InfraException e) {
            throw e;
        } catch (RuntimeException e) {
            String m = AwsErrors.message(e);
            if (value != null && !value.reveal().isEmpty()) m = m.replace(value.reveal(), "(sensitive)");
            throw new InfraException(ExitCode.FAILURE, "SSM Parameter Store: " + m);
        }
    }
}
