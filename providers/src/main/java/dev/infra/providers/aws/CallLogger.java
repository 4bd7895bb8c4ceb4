package dev.infra.providers.aws;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.io.PrintStream;
import java.time.Instant;

/**
 * {@code --verbose}: one line per AWS call with service, operation, HTTP status, request id and duration. Logs
 * no request or response body, so no secret value can reach the log.
 */
final class CallLogger implements ExecutionInterceptor {
    private static final software.amazon.awssdk.core.interceptor.ExecutionAttribute<Long> START =
            new software.amazon.awssdk.core.interceptor.ExecutionAttribute<>("infra.start");
    private final PrintStream err;

    CallLogger(PrintStream err) {
        this.err = err;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attrs) {
        attrs.putAttribute(START, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attrs) {
        String id = context.httpResponse().firstMatchingHeader("x-amzn-RequestId")
                .or(() -> context.httpResponse().firstMatchingHeader("x-amz-request-id")).orElse("-");
        log(attrs, String.valueOf(context.httpResponse().statusCode()), id);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attrs) {
        String status = context.httpResponse().map(r -> String.valueOf(r.statusCode())).orElse("no response");
        log(attrs, status + " " + context.exception().getClass().getSimpleName(), "-");
    }

    private void log(ExecutionAttributes attrs, String status, String requestId) {
        Long start = attrs.getAttribute(START);
        long ms = start == null ? -1 : (System.nanoTime() - start) / 1_000_000;
        err.println(Instant.now() + " aws " + attrs.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attrs.getAttribute(SdkExecutionAttribute.OPERATION_NAME) + " " + status + " request-id " + requestId + " " + ms + "ms");
    }
}
