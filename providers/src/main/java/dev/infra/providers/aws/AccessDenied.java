package dev.infra.providers.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS refused a call the caller's policy does not allow, said in one line: the action, the resource and the missing
 * permission (as AWS names them in its message), and where to find the whole policy. Not retried; a step that hits it
 * fails like any failed step (state saved, a rerun resumes).
 */
public final class AccessDenied extends RuntimeException {
    private static final Pattern WHAT = Pattern.compile("perform: ([\\w-]+:\\w+) on resource: (\\S+?)(?: because|$|\\s)");

    public AccessDenied(AwsServiceException cause) {
        super(line(cause), cause);
    }

    static String line(AwsServiceException e) {
        String m = e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null ? e.awsErrorDetails().errorMessage()
                : String.valueOf(e.getMessage());
        Matcher w = WHAT.matcher(m);
        String hint = "; 'infra policy' prints the IAM policy this stage needs";
        if (w.find()) return "access denied: " + w.group(1) + " on " + w.group(2) + "; missing permission " + w.group(1) + hint;
        String service = e.awsErrorDetails() == null ? "" : " (" + e.awsErrorDetails().serviceName() + ")";
        return "access denied" + service + ": " + m.lines().findFirst().orElse("") + hint;
    }
}
