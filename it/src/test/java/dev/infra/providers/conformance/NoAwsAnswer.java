package dev.infra.providers.conformance;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

import java.util.Locale;
import java.util.Optional;

/**
 * An emulator's answer that AWS never gives, turned into HTTP 501 with the error code {@value #CODE} naming the
 * operation: an HTTP 500 whose body is a web page (moto's server answers so when an operation is not implemented, or
 * when it fails on a request). The providers retry a 500 for minutes of real time and never a 501, so an operation the
 * endpoint cannot answer fails at once and says which. An answer the SDK cannot read (moto writes some timestamps in a
 * form the Java SDK rejects), which the providers do not retry, gets the operation into its message. AWS answers every
 * call in its protocol's XML or JSON, so on AWS neither applies. Registered for every SDK client of the {@code it}
 * module in {@code software/amazon/awssdk/global/handlers/execution.interceptors}.
 */
public final class NoAwsAnswer implements ExecutionInterceptor {
    public static final String CODE = "EndpointCannotAnswer";
    private static final String UNREADABLE = "the endpoint's answer to ";

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        Throwable e = context.exception();
        String operation = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + " " + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (e instanceof AwsServiceException a && a.statusCode() == 500 && webPage(context.httpResponse()))
            return notImplemented(a.toBuilder(), a, "the endpoint cannot answer " + operation
                    + " (HTTP 500 with a web page, not an AWS error: not implemented, or the emulator failed on it)", attributes);
        if (e instanceof SdkClientException c && !(e instanceof AwsServiceException) && String.valueOf(c.getMessage()).startsWith("Unable to unmarshall response"))
            return SdkClientException.builder().message(UNREADABLE + operation + " is not in AWS's format (" + c.getMessage() + ")").cause(c).build();
        return e;
    }

    private static Throwable notImplemented(AwsServiceException.Builder b, Throwable cause, String message, ExecutionAttributes attributes) {
        return b.statusCode(501).message(message).cause(cause)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(CODE).errorMessage(message)
                        .serviceName(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)).build())
                .build();
    }

    private static boolean webPage(Optional<SdkHttpResponse> response) {
        return response.flatMap(r -> r.firstMatchingHeader("Content-Type")).map(t -> t.toLowerCase(Locale.ROOT).startsWith("text/html")).orElse(false);
    }

    /**
     * What the endpoint cannot do, if {@code e} or a cause of it is an HTTP 501 (one made here, or an emulator's own
     * "not implemented", as LocalStack answers) or an unreadable answer named here.
     */
    static Optional<String> in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AwsServiceException a && a.statusCode() == 501)
                return Optional.of(a.awsErrorDetails() == null ? String.valueOf(a.getMessage()) : a.awsErrorDetails().errorMessage());
            if (t instanceof SdkClientException c && String.valueOf(c.getMessage()).startsWith(UNREADABLE)) return Optional.of(c.getMessage());
        }
        return Optional.empty();
    }
}
