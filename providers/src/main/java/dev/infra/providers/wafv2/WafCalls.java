package dev.infra.providers.wafv2;

import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.Pages;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.wafv2.model.GetWebAclResponse;
import software.amazon.awssdk.services.wafv2.model.ListWebAcLsResponse;
import software.amazon.awssdk.services.wafv2.model.Scope;
import software.amazon.awssdk.services.wafv2.model.WebACLSummary;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The WAFv2 calls both providers share: the client, the region's ACL list, one ACL, its tags, names from ARNs. */
final class WafCalls {
    static final Scope SCOPE = Scope.REGIONAL;
    private static final int PAGE = 100;
    private final Aws aws;

    WafCalls(Aws aws) {
        this.aws = aws;
    }

    Wafv2Client client() {
        return aws.client(Wafv2Client.class, Wafv2Client::builder);
    }

    /** Every REGIONAL web ACL of the region: one paged ListWebACLs. */
    List<WebACLSummary> list() {
        return Pages.all(aws.retry(), m -> client().listWebACLs(b -> b.scope(SCOPE).limit(PAGE).nextMarker(m)),
                ListWebAcLsResponse::nextMarker, ListWebAcLsResponse::webACLs);
    }

    GetWebAclResponse get(String name, String id) {
        return client().getWebACL(b -> b.name(name).id(id).scope(SCOPE));
    }

    Map<String, String> tags(String arn) {
        Map<String, String> m = new HashMap<>();
        var info = aws.call(() -> client().listTagsForResource(b -> b.resourceARN(arn))).tagInfoForResource();
        if (info != null && info.tagList() != null) info.tagList().forEach(t -> m.put(t.key(), t.value()));
        return m;
    }

    /** The ARNs of the resources (load balancers) a web ACL protects. */
    java.util.Set<String> resources(String aclArn) {
        return java.util.Set.copyOf(aws.call(() -> client().listResourcesForWebACL(b -> b.webACLArn(aclArn))).resourceArns());
    }

    /** A web ACL's name and id, from its ARN {@code arn:aws:wafv2:REGION:ACCOUNT:regional/webacl/NAME/ID}. */
    record Name(String name, String id) {
        static Name of(String arn) {
            String[] p = arn.split("/");
            return new Name(p[p.length - 2], p[p.length - 1]);
        }
    }
}
