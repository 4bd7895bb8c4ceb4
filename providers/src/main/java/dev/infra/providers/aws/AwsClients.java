package dev.infra.providers.aws;

import dev.infra.core.provider.ProviderConfig;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The one place AWS clients are built: default credential chain or {@code --profile}, region, endpoint override
 * (emulators: S3 then uses path-style addresses), standard retries, the light URL-connection HTTP client. Each
 * client is built on first use, so a command pays only for the services it calls.
 */
public final class AwsClients implements AutoCloseable {
    private final ProviderConfig config;
    private final SdkHttpClient http;
    private final Lazy<S3Client> s3;
    private final Lazy<StsClient> sts;

    public AwsClients(ProviderConfig config) {
        this.config = config;
        this.http = UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(60)).build();
        this.s3 = new Lazy<>(() -> configure(S3Client.builder().forcePathStyle(!endpoint().isEmpty())).build());
        this.sts = new Lazy<>(() -> configure(StsClient.builder()).build());
    }

    public S3Client s3() {
        return s3.get();
    }

    public StsClient sts() {
        return sts.get();
    }

    public String region() {
        return config.region();
    }

    private String endpoint() {
        return config.endpoint() == null ? "" : config.endpoint();
    }

    private <B extends AwsClientBuilder<B, C> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, C>, C> B configure(B b) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD);
        if (config.verbose()) override.addExecutionInterceptor(new CallLogger(System.err));
        b.region(Region.of(config.region())).credentialsProvider(credentials()).httpClient(http).overrideConfiguration(override.build());
        if (!endpoint().isEmpty()) b.endpointOverride(URI.create(endpoint()));
        return b;
    }

    private AwsCredentialsProvider credentials() {
        return config.profile() == null || config.profile().isEmpty() ? DefaultCredentialsProvider.builder().build()
                : ProfileCredentialsProvider.create(config.profile());
    }

    @Override
    public void close() {
        s3.ifBuilt(S3Client::close);
        sts.ifBuilt(StsClient::close);
        http.close();
    }

    /** A value built once, on first use, thread-safely. */
    static final class Lazy<T> {
        private final Supplier<T> make;
        private volatile T value;

        Lazy(Supplier<T> make) {
            this.make = make;
        }

        T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    if (value == null) value = make.get();
                    v = value;
                }
            }
            return v;
        }

        void ifBuilt(java.util.function.Consumer<T> action) {
            if (value != null) action.accept(value);
        }
    }
}
