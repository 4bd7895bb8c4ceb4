package dev.infra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.infra.fixtures.aws.Authorization;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Evaluates an IAM policy document (Allow statements only) against recorded calls as IAM does for one identity
 * policy: a call is allowed when, for each resource it acts on, some statement names its action, a Resource pattern
 * matches the resource's ARN ({@code *} and {@code ?} wildcards) and every condition holds. Conditions understood:
 * {@code StringEquals} on {@code aws:ResourceTag/K} (the resource's own tags; a resource being created has none) and
 * {@code aws:RequestTag/K} (the tags the request gives what it creates); any other operator or key fails the check.
 */
final class PolicyCheck {
    private final JsonNode policy;

    PolicyCheck(JsonNode policy) {
        this.policy = policy;
    }

    /** Each call's denied resources, named as {@code action on ARN}: empty when the policy allows every call. */
    List<String> denied(List<Authorization> calls) {
        List<String> out = new ArrayList<>();
        for (Authorization call : calls) {
            if (call.action().equals("sts:GetCallerIdentity")) continue;
            for (Authorization.Resource r : call.resources())
                if (!allowed(call, r)) out.add(call.action() + " on " + r.arn() + (r.created() ? " (created)" : "") + " tags " + r.tags());
        }
        return out.stream().distinct().toList();
    }

    private boolean allowed(Authorization call, Authorization.Resource r) {
        if (r.arn().startsWith("?")) return false;
        for (JsonNode s : policy.get("Statement")) {
            if (!s.get("Effect").asText().equals("Allow")) throw new IllegalArgumentException("only Allow statements are evaluated: " + s);
            if (strings(s.get("Action")).stream().noneMatch(a -> wildcard(a, true).matcher(call.action()).matches())) continue;
            if (strings(s.get("Resource")).stream().noneMatch(p -> wildcard(p, false).matcher(r.arn()).matches())) continue;
            if (conditionsHold(s.get("Condition"), call, r)) return true;
        }
        return false;
    }

    private static boolean conditionsHold(JsonNode condition, Authorization call, Authorization.Resource r) {
        if (condition == null) return true;
        for (Iterator<Map.Entry<String, JsonNode>> ops = condition.fields(); ops.hasNext(); ) {
            Map.Entry<String, JsonNode> op = ops.next();
            if (!op.getKey().equals("StringEquals")) throw new IllegalArgumentException("condition operator not evaluated: " + op.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields(); keys.hasNext(); ) {
                Map.Entry<String, JsonNode> key = keys.next();
                String value = valueOf(key.getKey(), call, r);
                if (value == null || !strings(key.getValue()).contains(value)) return false;
            }
        }
        return true;
    }

    private static String valueOf(String key, Authorization call, Authorization.Resource r) {
        if (key.startsWith("aws:ResourceTag/")) return r.created() ? null : r.tags().get(key.substring("aws:ResourceTag/".length()));
        if (key.startsWith("aws:RequestTag/")) return call.requestTags().get(key.substring("aws:RequestTag/".length()));
        throw new IllegalArgumentException("condition key not evaluated: " + key);
    }

    static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null) return out;
        if (n.isArray()) n.forEach(x -> out.add(x.asText()));
        else out.add(n.asText());
        return out;
    }

    /** An IAM pattern: {@code *} any run of characters, {@code ?} one; actions compare without case. */
    private static Pattern wildcard(String p, boolean ignoreCase) {
        StringBuilder re = new StringBuilder();
        for (char c : p.toCharArray()) re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        return Pattern.compile(re.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
    }
}
