package dev.infra.providers.aws;

import dev.infra.core.component.ResourceSchema;
import dev.infra.core.provider.ProviderConfig;
import dev.infra.core.provider.ProviderPlugin;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.providers.appautoscaling.AutoScalingProviders;
import dev.infra.providers.codedeploy.CodeDeployProviders;
import dev.infra.providers.docker.DockerProviders;
import dev.infra.providers.ec2.Ec2Providers;
import dev.infra.providers.ecr.EcrProviders;
import dev.infra.providers.ecs.EcsProviders;
import dev.infra.providers.elbv2.ElbProviders;
import dev.infra.providers.logs.LogsProviders;
import dev.infra.providers.iam.IamProviders;
import dev.infra.providers.rds.RdsProviders;
import dev.infra.providers.sts.AccountProvider;
import dev.infra.providers.wafv2.WafProviders;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The AWS providers, one list per service package. Builds no client here (they are made on first use). Inactive
 * for the engine's test endpoint {@code fakecloud://}, which has fake providers of its own.
 */
public final class AwsProviderPlugin implements ProviderPlugin {
    @Override
    public Collection<ResourceSchema> schemas() {
        List<ResourceSchema> all = new ArrayList<>();
        all.add(AccountProvider.SCHEMA);
        all.addAll(Ec2Providers.schemas());
        all.addAll(IamProviders.schemas());
        all.addAll(EcsProviders.schemas());
        all.addAll(LogsProviders.schemas());
        all.addAll(AutoScalingProviders.schemas());
        all.addAll(ElbProviders.schemas());
        all.addAll(EcrProviders.schemas());
        all.addAll(DockerProviders.schemas());
        all.addAll(WafProviders.schemas());
        all.addAll(RdsProviders.schemas());
        all.addAll(CodeDeployProviders.schemas());
        return all;
    }

    @Override
    public Collection<ResourceProvider> providers(ProviderConfig config) {
        if (config.endpoint() != null && config.endpoint().startsWith("fakecloud://")) return List.of();
        Aws aws = new Aws(new AwsClients(config));
        List<ResourceProvider> all = new ArrayList<>();
        all.add(new AccountProvider(aws));
        all.addAll(Ec2Providers.all(aws));
        all.addAll(IamProviders.all(aws));
        all.addAll(EcsProviders.all(aws));
        all.addAll(LogsProviders.all(aws));
        all.addAll(AutoScalingProviders.all(aws));
        all.addAll(ElbProviders.all(aws));
        all.addAll(EcrProviders.all(aws));
        all.addAll(DockerProviders.all(aws));
        all.addAll(WafProviders.all(aws));
        all.addAll(RdsProviders.all(aws));
        all.addAll(CodeDeployProviders.all(aws));
        return all;
    }
}
