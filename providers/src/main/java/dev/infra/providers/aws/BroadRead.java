package dev.infra.providers.aws;

import java.util.function.Supplier;

/**
 * A read that reaches beyond the stage (IAM's GetAccountAuthorizationDetails reads every role and policy of the
 * account; SSM's DescribeParameters is granted only on every parameter) and the narrow read of only the stage's
 * resources that does the same job. The broad read is tried first; when it is denied or the endpoint does not support
 * it, the narrow one is used from then on, and the choice is noted once per run on stderr, not as an error.
 */
public final class BroadRead {
    private final Aws aws;
    private final String action;
    private final String instead;
    private volatile boolean narrow;

    /** {@code action} as IAM names it; {@code instead} says what is read in its place ("the stage's roles one by one"). */
    public BroadRead(Aws aws, String action, String instead) {
        this.aws = aws;
        this.action = action;
        this.instead = instead;
    }

    public <T> T read(Supplier<T> broad, Supplier<T> narrowRead) {
        if (!narrow) {
            try {
                return broad.get();
            } catch (RuntimeException e) {
                if (!deniedOrUnsupported(e)) throw e;
                narrow = true;
                aws.noteOnce(action, "note: " + action + " is not available here (" + firstLine(e) + "); reading " + instead + " instead");
            }
        }
        return narrowRead.get();
    }

    /** AccessDenied (any spelling), or an operation the endpoint does not implement (by code or, failing that, message). */
    public static boolean deniedOrUnsupported(RuntimeException e) {
        String c = AwsErrors.code(e);
        return AwsErrors.isAccessDenied(e) || c.equals("InvalidAction") || c.equals("NotImplemented") || c.equals("UnsupportedOperation")
                || c.equals("UnknownOperationException") || String.valueOf(e.getMessage()).contains("is not supported");
    }

    private static String firstLine(Throwable e) {
        return String.valueOf(e instanceof AccessDenied ? e.getMessage() : AwsErrors.message(e)).lines().findFirst().orElse("");
    }
}
