package dev.infra.providers.wafv2;

import dev.infra.core.provider.Applied;
import dev.infra.core.provider.WaitReporter;
import dev.infra.core.provider.Observed;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.Props;
import dev.infra.providers.aws.Transient;
import dev.infra.providers.aws.AwsErrors;
import software.amazon.awssdk.services.wafv2.model.WebACL;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * aws.wafv2.Association of a web ACL with an ALB; physical id {@code webAclArn|resourceArn}. Both inputs force
 * replacement. Associating is idempotent, so a retried create just associates again. A read is one
 * GetWebACLForResource per association (ListResourcesForWebACL would be one per ACL, but AWS-compatible emulators
 * such as moto lack it, and apps have few associations). Associations carry no tags: the sweep leaves them to their ACL and ALB.
 */
final class AssociationProvider implements ResourceProvider {
    private final Aws aws;
    private final WafCalls waf;

    AssociationProvider(Aws aws, WafCalls waf) {
        this.aws = aws;
        this.waf = waf;
    }

    @Override
    public String type() {
        return WafProviders.ASSOCIATION.type();
    }

    /** WAF does not see a load balancer made minutes ago (TPA: association create timeout 10 min). */
    private static final Transient NEW_BALANCER = Transient.propagation("WAF cannot see %s yet", Duration.ofMinutes(10),
            "WAFUnavailableEntityException");

    /** "load balancer carbon-dev-api" from its ARN ({@code ...:loadbalancer/app/carbon-dev-api/0123}). */
    private static String balancer(String arn) {
        String[] parts = arn.split("/");
        return parts.length >= 3 ? "load balancer " + parts[parts.length - 2] : arn;
    }

    @Override
    public Applied create(ResourceRequest r) {
        String acl = Props.str(r.inputs(), "webAclArn");
        String alb = Props.str(r.inputs(), "resourceArn");
        aws.settleRun(balancer(alb), r.waits(), () -> waf.client().associateWebACL(b -> b.webACLArn(acl).resourceArn(alb)), NEW_BALANCER);
        return new Applied(acl + "|" + alb, Map.of("id", acl + "|" + alb));
    }

    @Override
    public Optional<Applied> findExisting(ResourceRequest r) {
        return Optional.empty();
    }

    @Override
    public Map<String, Observed> read(List<ResourceHandle> handles) {
        Map<String, Observed> out = new HashMap<>();
        for (ResourceHandle h : handles) {
            String[] p = h.physicalId().split("\\|");
            if (!p[0].equals(aclOf(p[1]))) continue;
            Map<String, Object> in = new LinkedHashMap<>();
            in.put("webAclArn", p[0]);
            in.put("resourceArn", p[1]);
            out.put(h.address(), new Observed(h.physicalId(), in, Map.of("id", h.physicalId())));
        }
        return out;
    }

    /** The ARN of the web ACL associated with this load balancer, or null (none, or the load balancer is gone). */
    private String aclOf(String resourceArn) {
        try {
            WebACL acl = aws.call(() -> waf.client().getWebACLForResource(b -> b.resourceArn(resourceArn))).webACL();
            return acl == null ? null : acl.arn();
        } catch (RuntimeException e) {
            if (AwsErrors.isNotFound(e)) return null;
            throw e;
        }
    }

    @Override
    public Applied update(ResourceHandle current, ResourceRequest desired) {
        throw new IllegalStateException("a web ACL association has nothing to update in place; its inputs force replacement");
    }

    @Override
    public void delete(ResourceHandle h, WaitReporter waits) {
        String alb = h.physicalId().split("\\|")[1];
        aws.ignoringNotFound(() -> waf.client().disassociateWebACL(b -> b.resourceArn(alb)));
    }
}
