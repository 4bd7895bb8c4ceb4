package dev.infra.providers.aws;

import dev.infra.core.provider.ClientOverride;
import dev.infra.core.provider.ProviderConfig;
import dev.infra.core.provider.WallClock;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The one place AWS clients are built: default credential chain or {@code --profile}, region, endpoint override
 * (emulators: S3 then uses path-style addresses), the light URL-connection HTTP client. Each client is built on
 * first use, so a command pays only for the services it calls. S3 and STS keep the SDK's standard retries; the
 * resource clients retry nothing themselves, because every provider call goes through {@link Retrying}, one policy
 * for real and fake AWS alike. A {@link ClientOverride} on the class path may supply the clients instead.
 */
public final class AwsClients implements AutoCloseable {
    private final ProviderConfig config;
    private final List<ClientOverride> overrides;
    private final Map<Class<?>, Object> built = new ConcurrentHashMap<>();
    private volatile SdkHttpClient http;
    private AwsCredentialsProvider credentials;

    /** Where notes and the call log go (the command's error stream). */
    public java.io.PrintStream stderr() {
        return config.stderr();
    }

    public AwsClients(ProviderConfig config) {
        this.config = config;
        this.overrides = ServiceLoader.load(ClientOverride.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    /**
     * S3 for the state. With an endpoint (an emulator or another S3-compatible store) it uses path-style addressing
     * and sends checksums only where S3 requires them: the SDK's default aws-chunked uploads with trailing checksums
     * are stored verbatim, framing and all, by some of them (moto 5.1.9 did, corrupting the state).
     */
    public S3Client s3() {
        return client(S3Client.class, () -> {
            S3ClientBuilder b = S3Client.builder();
            if (!endpoint().isEmpty()) b.forcePathStyle(true).requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
            return configure(b, true);
        });
    }

    public StsClient sts() {
        return client(StsClient.class, () -> configure(StsClient.builder(), true));
    }

    /** A resource client, e.g. {@code clients.get(Ec2Client.class, Ec2Client::builder)}. */
    public <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C get(Class<C> type, Supplier<B> builder) {
        return client(type, () -> configure(builder.get(), false));
    }

    /** A client of something other than AWS (the Docker engine), from an override if one supplies it, else made once. */
    public <T> T other(Class<T> type, Supplier<T> make) {
        return client(type, make);
    }

    /** The directory relative paths in inputs resolve against. */
    public java.nio.file.Path baseDir() {
        return config.baseDir();
    }

    /** The clock retries and waits use: the system's, unless an override supplies one. */
    public WallClock clock() {
        return override(WallClock.class).orElse(WallClock.SYSTEM);
    }

    public String region() {
        return config.region();
    }

    private <C> C client(Class<C> type, Supplier<C> make) {
        return type.cast(built.computeIfAbsent(type, t -> override(type).orElseGet(make)));
    }

    private <T> Optional<T> override(Class<T> type) {
        for (ClientOverride o : overrides) {
            Optional<T> found = o.find(type, config);
            if (found.isPresent()) return found;
        }
        return Optional.empty();
    }

    private String endpoint() {
        return config.endpoint() == null ? "" : config.endpoint();
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configure(B b, boolean sdkRetries) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .retryStrategy(sdkRetries ? AwsRetryStrategy.forRetryMode(RetryMode.STANDARD) : AwsRetryStrategy.doNotRetry());
        if (config.verbose()) override.addExecutionInterceptor(new CallLogger(config.stderr()));
        b.region(Region.of(config.region())).credentialsProvider(credentials()).httpClient(http()).overrideConfiguration(override.build());
        if (!endpoint().isEmpty()) b.endpointOverride(URI.create(endpoint()));
        return b.build();
    }

    private synchronized SdkHttpClient http() {
        if (http == null) http = UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(60)).build();
        return http;
    }

    private synchronized AwsCredentialsProvider credentials() {
        if (credentials == null) credentials = config.profile() == null || config.profile().isEmpty()
                ? new OnceCredentials(DefaultCredentialsProvider.builder().build(),
                        "set AWS_PROFILE (or --profile), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run with an instance or container role")
                : new OnceCredentials(ProfileCredentialsProvider.create(config.profile()),
                        "profile '" + config.profile() + "' has none (check ~/.aws/credentials and ~/.aws/config, or run aws sso login)");
        return credentials;
    }

    @Override
    public void close() {
        built.values().forEach(c -> {
            if (c instanceof AutoCloseable a) {
                try {
                    a.close();
                } catch (Exception ignored) {
                    // closing is best effort
                }
            }
        });
        if (http != null) http.close();
    }
}
