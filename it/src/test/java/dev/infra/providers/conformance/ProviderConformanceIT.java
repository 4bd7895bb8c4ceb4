package dev.infra.providers.conformance;

import dev.infra.core.component.ResourceTypes;
import dev.infra.core.provider.ProviderConfig;
import dev.infra.core.provider.WallClock;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The provider conformance suite ({@link ProviderConformance}) against the AWS-compatible emulator named by
 * {@code INFRA_IT_ENDPOINT}, so that a fake kinder than the endpoint shows up as a failing case. Skipped without one,
 * and for real AWS ({@code aws}), where each type's dependencies (a VPC with a NAT instance, a database) would be
 * paid for. Each type's case runs in a stage of its own and removes what it stood on when it ends. A step that needs
 * an operation the endpoint does not implement is reported as skipped, naming the operation ({@link NoAwsAnswer}).
 */
class ProviderConformanceIT extends ProviderConformance {
    private static final String RUN = "c" + UUID.randomUUID().toString().substring(0, 5);
    private static final List<String> TYPES = List.copyOf(ResourceTypes.all().keySet());
    private static String url;

    @BeforeAll
    static void endpoint() {
        url = System.getenv("INFRA_IT_ENDPOINT");
        boolean emulator = url != null && !url.isBlank() && !url.equals("aws");
        if (!emulator) System.out.println("SKIPPED provider conformance: no emulator INFRA_IT_ENDPOINT");
        Assumptions.assumeTrue(emulator, "needs an emulator INFRA_IT_ENDPOINT");
        if (System.getenv("AWS_ACCESS_KEY_ID") == null) {
            System.setProperty("aws.accessKeyId", "test");
            System.setProperty("aws.secretAccessKey", "test");
        }
    }

    /** An operation the endpoint does not implement ({@link NoAwsAnswer}) skips the step, saying which. */
    @Override
    protected Optional<String> unsupported(Throwable failure) {
        return NoAwsAnswer.in(failure);
    }

    /**
     * A stage per type and run: the endpoint is one account for every case, and what one case could not remove (an
     * operation the endpoint lacks) must not stand in the way of the next, as FakeAws's fresh account per case ensures.
     */
    @Override
    protected String stage(String type) {
        return String.format("%s%02d", RUN, TYPES.indexOf(type));
    }

    @Override
    protected Account account(String type) {
        ProviderConfig config = new ProviderConfig("", "us-east-1", url, false);
        return new Account() {
            @Override
            public ProviderConfig config() {
                return config;
            }

            // real time: an endpoint's resources become ready in real time, which the providers' waits poll
            @Override
            public WallClock clock() {
                return WallClock.SYSTEM;
            }

            @Override
            public boolean removesDependencies() {
                return true;
            }

            @Override
            public void close() {
            }
        };
    }
}
