package dev.infra.providers.codedeploy;

import dev.infra.core.provider.ResourceProvider;
import dev.infra.providers.aws.Aws;

import java.util.List;

/** The CodeDeploy resource types of a blue/green service. Its deployments are made by the ECS service provider. */
public final class CodeDeployProviders {
    private CodeDeployProviders() { }

    public static List<ResourceProvider> all(Aws aws) {
        CodeDeploy cd = new CodeDeploy(aws);
        return List.of(new ApplicationProvider(cd), new DeploymentGroupProvider(cd));
    }
}
