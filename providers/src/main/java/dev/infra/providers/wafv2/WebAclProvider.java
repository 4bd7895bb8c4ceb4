package dev.infra.providers.wafv2;

import dev.infra.core.provider.AlreadyExistsException;
import dev.infra.core.provider.WaitReporter;
import dev.infra.core.provider.Applied;
import dev.infra.core.provider.Observed;
import dev.infra.core.provider.Found;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.core.provider.StageContext;
import dev.infra.providers.aws.StageNames;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.AwsErrors;
import dev.infra.providers.aws.Owned;
import dev.infra.providers.aws.Props;
import dev.infra.providers.aws.Transient;
import software.amazon.awssdk.services.wafv2.model.DefaultAction;
import software.amazon.awssdk.services.wafv2.model.GetWebAclResponse;
import software.amazon.awssdk.services.wafv2.model.Tag;
import software.amazon.awssdk.services.wafv2.model.WebACL;
import software.amazon.awssdk.services.wafv2.model.WebACLSummary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * aws.wafv2.WebAcl (REGIONAL): default allow, the rate-based and managed-group rules, visibility config. The physical
 * id is the ARN (name and id are read from it). A read is one ListWebACLs for the region plus one GetWebACL per
 * recorded ACL (rules are only in the latter). Updates replace rules and visibility in place under the lock token
 * of a fresh GetWebACL, again if another writer moved it on; delete waits while an ALB is still associated.
 */
final class WebAclProvider implements ResourceProvider {
    /** Another writer (Shield's automatic mitigation, a console edit) changed the ACL since it was read: read it again (TPA: 5 min). */
    private static final Transient STALE_LOCK = Transient.busy("web ACL %s was changed by another writer", Duration.ofMinutes(5),
            "WAFOptimisticLockException");
    private final Aws aws;
    private final WafCalls waf;

    WebAclProvider(Aws aws, WafCalls waf) {
        this.aws = aws;
        this.waf = waf;
    }

    @Override
    public String type() {
        return WafProviders.WEB_ACL.type();
    }

    @Override
    public Applied create(ResourceRequest r) {
        Map<String, Object> in = r.inputs();
        List<Tag> tags = r.tags().entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
        try {
            WebACLSummary s = aws.call(() -> waf.client().createWebACL(b -> b.name(Props.str(in, "name")).scope(WafCalls.SCOPE)
                    .defaultAction(defaultAction(in)).rules(WafRules.toSdk(Props.maps(in, "rules")))
                    .visibilityConfig(WafRules.visibility(Props.map(in, "visibilityConfig"))).tags(tags))).summary();
            return new Applied(s.arn(), outputs(s.arn(), s.id(), s.lockToken()));
        } catch (RuntimeException e) {
            if (AwsErrors.isAlreadyExists(e)) throw new AlreadyExistsException(AwsErrors.message(e));
            throw e;
        }
    }

    private static DefaultAction defaultAction(Map<String, Object> in) {
        return "block".equals(Props.str(in, "defaultAction")) ? DefaultAction.builder().block(b -> { }).build()
                : DefaultAction.builder().allow(b -> { }).build();
    }

    /** Its outputs: the lock token is the one it had when read or written (an update takes a fresh one anyway). */
    private static Map<String, Object> outputs(String arn, String id, String lockToken) {
        return Map.of("arn", arn, "id", id, "lockToken", lockToken == null ? "" : lockToken);
    }

    @Override
    public Optional<Applied> findExisting(ResourceRequest r) {
        String name = Props.str(r.inputs(), "name");
        return waf.list().stream().filter(s -> s.name().equals(name)).filter(s -> Owned.byRequest(waf.tags(s.arn()), r)).findFirst()
                .map(s -> new Applied(s.arn(), outputs(s.arn(), s.id(), s.lockToken())));
    }

    @Override
    public Map<String, Observed> read(List<ResourceHandle> handles) {
        Map<String, WebACLSummary> live = new HashMap<>();
        waf.list().forEach(s -> live.put(s.arn(), s));
        Map<String, Observed> out = new HashMap<>();
        for (ResourceHandle h : handles) {
            WebACLSummary s = live.get(h.physicalId());
            if (s == null) continue;
            WebACL acl = aws.call(() -> waf.get(s.name(), s.id())).webACL();
            Map<String, Object> in = new LinkedHashMap<>();
            in.put("name", acl.name());
            in.put("scope", WafCalls.SCOPE.toString());
            in.put("defaultAction", acl.defaultAction().block() != null ? "block" : "allow");
            in.put("rules", WafRules.fromSdk(acl.rules()));
            in.put("visibilityConfig", WafRules.visibility(acl.visibilityConfig()));
            out.put(h.address(), new Observed(s.arn(), in, outputs(s.arn(), s.id(), s.lockToken())));
        }
        return out;
    }

    @Override
    public Applied update(ResourceHandle current, ResourceRequest r) {
        Map<String, Object> in = r.inputs();
        WafCalls.Name n = WafCalls.Name.of(current.physicalId());
        String[] next = new String[1];
        aws.settleRun(n.name(), r.waits(), () -> {
            GetWebAclResponse now = waf.get(n.name(), n.id());
            next[0] = waf.client().updateWebACL(b -> b.name(n.name()).id(n.id()).scope(WafCalls.SCOPE).lockToken(now.lockToken())
                    .defaultAction(defaultAction(in)).rules(WafRules.toSdk(Props.maps(in, "rules")))
                    .visibilityConfig(WafRules.visibility(Props.map(in, "visibilityConfig")))).nextLockToken();
        }, STALE_LOCK);
        return new Applied(current.physicalId(), outputs(current.physicalId(), n.id(), next[0]));
    }

    @Override
    public void delete(ResourceHandle h, WaitReporter waits) {
        WafCalls.Name n = WafCalls.Name.of(h.physicalId());
        aws.deleteWhenUnused("web ACL " + n.name(), Duration.ofMinutes(5), waits, () -> aws.settleRun(n.name(), waits, () -> {
            GetWebAclResponse now = waf.get(n.name(), n.id());
            waf.client().deleteWebACL(b -> b.name(n.name()).id(n.id()).scope(WafCalls.SCOPE).lockToken(now.lockToken()));
        }, STALE_LOCK));
    }

    /**
     * Web ACLs named with the stage's prefix (ListWebACLs has no name or tag filter): only those have their tags and
     * protected resources read. Each one found is used by the load balancers it protects: their deletion lets go of it,
     * so it goes after them.
     */
    @Override
    public List<Found> findTagged(StageContext stage) {
        String prefix = StageNames.prefix(stage);
        List<Found> out = new ArrayList<>();
        for (WebACLSummary s : waf.list()) {
            if (s.name().startsWith(prefix)) out.add(new Found(type(), s.arn(), waf.tags(s.arn()), outputs(s.arn(), s.id(), s.lockToken())).withUsedBy(waf.resources(s.arn())));
        }
        return out;
    }
}
