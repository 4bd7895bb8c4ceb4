package dev.infra.providers.sts;

import dev.infra.core.component.ResourceSchema;
import dev.infra.core.component.ResourceTypes;
import dev.infra.core.provider.Applied;
import dev.infra.core.provider.WaitReporter;
import dev.infra.core.provider.Observed;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.providers.aws.Aws;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** aws.sts.Account: the account and partition the credentials belong to (GetCallerIdentity); nothing to create or delete. */
public final class AccountProvider implements ResourceProvider {
    public static final ResourceSchema SCHEMA = ResourceSchema.of(ResourceTypes.ACCOUNT_TYPE).outputs("accountId", "partition");
    private final Aws aws;

    public AccountProvider(Aws aws) {
        this.aws = aws;
    }

    @Override
    public String type() {
        return SCHEMA.type();
    }

    private Applied identity() {
        GetCallerIdentityResponse id = aws.call(() -> aws.clients().sts().getCallerIdentity());
        String partition = id.arn().split(":")[1];
        return new Applied(id.account(), Map.of("accountId", id.account(), "partition", partition));
    }

    @Override
    public Applied create(ResourceRequest request) {
        return identity();
    }

    @Override
    public Optional<Applied> findExisting(ResourceRequest request) {
        return Optional.of(identity());
    }

    @Override
    public Map<String, Observed> read(List<ResourceHandle> handles) {
        Map<String, Observed> out = new HashMap<>();
        if (handles.isEmpty()) return out;
        Applied a = identity();
        for (ResourceHandle h : handles) out.put(h.address(), new Observed(a.physicalId(), Map.of(), a.outputs()));
        return out;
    }

    @Override
    public Applied update(ResourceHandle current, ResourceRequest desired) {
        return identity();
    }

    @Override
    public void delete(ResourceHandle handle, WaitReporter waits) {
        // nothing was created
    }
}
