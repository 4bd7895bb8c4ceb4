package dev.infra.providers.testing;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.util.function.Consumer;

/** S3 clients for the in-process S3Mock: path-style, plain HTTP, dummy credentials. */
public final class S3MockClients {
    private S3MockClients() { }

    public static String endpoint(S3MockExtension mock) {
        return "http://localhost:" + mock.getHttpPort();
    }

    public static S3Client client(S3MockExtension mock) {
        return client(mock, o -> { });
    }

    public static S3Client client(S3MockExtension mock, Consumer<ClientOverrideConfiguration.Builder> override) {
        return S3Client.builder().region(Region.US_EAST_1).endpointOverride(URI.create(endpoint(mock))).forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create()).overrideConfiguration(override)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
    }
}
