package dev.infra.providers.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Reading AWS error codes the same way for every service. */
public final class AwsErrors {
    private AwsErrors() { }

    public static String code(Throwable e) {
        if (e instanceof AccessDenied d) e = d.getCause();
        if (e instanceof AwsServiceException a && a.awsErrorDetails() != null && a.awsErrorDetails().errorCode() != null)
            return a.awsErrorDetails().errorCode();
        return "";
    }

    /** "Not found" in any service's spelling: {@code InvalidVpcID.NotFound}, {@code NoSuchEntity}, {@code ClusterNotFoundException}... */
    public static boolean isNotFound(Throwable e) {
        String c = code(e);
        return c.contains("NotFound") || c.equals("NoSuchEntity") || c.equals("ResourceNotFoundException")
                || c.equals("WAFNonexistentItemException") || c.endsWith("DoesNotExistException");
    }

    /** Still in use by something else: deletion must wait for the dependents to go. */
    public static boolean isInUse(Throwable e) {
        String c = code(e);
        return c.equals("DependencyViolation") || c.equals("ResourceInUse") || c.equals("ResourceInUseException")
                || c.equals("DeleteConflict") || c.equals("InvalidIPAddress.InUse")
                || c.equals("ClusterContainsServicesException") || c.equals("ClusterContainsTasksException")
                || c.equals("WAFAssociatedItemException") || c.equals("InvalidDBSubnetGroupStateFault")
                || c.equals("InvalidDBClusterStateFault") || c.equals("InvalidDBInstanceState");
    }

    /** The caller's policy does not allow the call: {@code AccessDenied}, {@code AccessDeniedException}, EC2's {@code UnauthorizedOperation}. */
    public static boolean isAccessDenied(Throwable e) {
        String c = code(e);
        return c.equals("AccessDenied") || c.equals("AccessDeniedException") || c.equals("UnauthorizedOperation")
                || c.equals("AuthorizationError") || c.equals("WAFAccessDeniedException");
    }

    public static boolean isAlreadyExists(Throwable e) {
        String c = code(e);
        return c.contains("AlreadyExists") || c.contains("Duplicate") || c.equals("EntityAlreadyExists");
    }

    /** The error's message without the SDK's "(Service: ..., Request ID: ...)" suffix. */
    public static String message(Throwable e) {
        String m = e instanceof AwsServiceException a && a.awsErrorDetails() != null && a.awsErrorDetails().errorMessage() != null
                ? a.awsErrorDetails().errorMessage() : String.valueOf(e.getMessage());
        String c = code(e);
        return c.isEmpty() ? m : c + ": " + m;
    }
}
