package dev.infra.providers.aws;

import dev.infra.core.diag.InfraException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OnceCredentialsTest {
    @Test
    void noCredentialsIsAskedOnceAndReportedInOneLine() {
        AtomicInteger asked = new AtomicInteger();
        OnceCredentials c = new OnceCredentials(() -> {
            asked.incrementAndGet();
            throw SdkClientException.create("Unable to load credentials from any of the providers in the chain ... [a page of text]");
        }, "set AWS_PROFILE");
        for (int i = 0; i < 3; i++)
            assertThatThrownBy(c::resolveCredentials).isInstanceOf(InfraException.class).hasMessage("no AWS credentials found: set AWS_PROFILE");
        assertThat(asked).hasValue(1);
    }

    @Test
    void foundCredentialsAreLeftToTheChainToRefresh() {
        AtomicInteger asked = new AtomicInteger();
        OnceCredentials c = new OnceCredentials(() -> AwsBasicCredentials.create("AKID" + asked.incrementAndGet(), "secret"), "hint");
        assertThat(c.resolveCredentials().accessKeyId()).isEqualTo("AKID1");
        assertThat(c.resolveCredentials().accessKeyId()).isEqualTo("AKID2");
    }
}
