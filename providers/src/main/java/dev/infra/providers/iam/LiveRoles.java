package dev.infra.providers.iam;

import dev.infra.providers.aws.Json;
import dev.infra.providers.aws.Props;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.RoleDetail;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A role as IAM's authorization details describe it, in the shape of its inputs: the trusted service, the managed
 * policies (in recorded order) and the inline policy "infra" as a document, so a policy widened or detached by hand
 * shows as drift. IAM returns documents URL-encoded; emulators may not.
 */
final class LiveRoles {
    private LiveRoles() { }

    static Map<String, Object> inputs(RoleDetail role, Map<String, Object> recorded) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("name", role.roleName());
        if (recorded.containsKey("assumeRoleService")) in.put("assumeRoleService", trustedService(role.assumeRolePolicyDocument()));
        List<String> attached = role.attachedManagedPolicies().stream().map(AttachedPolicy::policyArn).toList();
        if (recorded.containsKey("managedPolicyArns") || !attached.isEmpty())
            in.put("managedPolicyArns", Props.inRecordedOrder(attached, recorded, "managedPolicyArns"));
        Map<String, Object> inline = role.rolePolicyList().stream().filter(p -> p.policyName().equals(RolePolicies.INLINE))
                .findFirst().map(PolicyDetail::policyDocument).map(LiveRoles::document).orElse(Map.of());
        if (recorded.containsKey("inlinePolicy") || !inline.isEmpty()) in.put("inlinePolicy", inline);
        if (recorded.containsKey("createInstanceProfile")) in.put("createInstanceProfile", !role.instanceProfileList().isEmpty());
        return in;
    }

    static Map<String, Object> document(String encoded) {
        if (encoded == null || encoded.isBlank()) return Map.of();
        String json = encoded.stripLeading().startsWith("{") ? encoded : URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        return Json.read(json);
    }

    /** The service of the trust policy's first statement (infra's roles trust exactly one), or null. */
    private static Object trustedService(String encoded) {
        List<Map<String, Object>> statements = Props.maps(document(encoded), "Statement");
        if (statements.isEmpty()) return null;
        Object service = Props.map(statements.get(0), "Principal").get("Service");
        return service instanceof List<?> l && l.size() == 1 ? l.get(0) : service;
    }
}
