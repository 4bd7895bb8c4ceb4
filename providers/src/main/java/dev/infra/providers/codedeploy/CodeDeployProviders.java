package dev.infra.providers.codedeploy;

import dev.infra.core.component.ResourceSchema;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.providers.aws.Aws;

import java.util.List;

/** The CodeDeploy resource types of a blue/green service. Its deployments are made by the ECS service provider. */
public final class CodeDeployProviders {
    public static final ResourceSchema APPLICATION = ResourceSchema.of("aws.codedeploy.Application")
            .takesInputs("applicationName:string", "computePlatform:string").forceNew("applicationName", "computePlatform").outputs("name", "id").named("applicationName");
    public static final ResourceSchema DEPLOYMENT_GROUP = ResourceSchema.of("aws.codedeploy.DeploymentGroup")
            .takesInputs("applicationName:string", "deploymentGroupName:string", "serviceRoleArn:string",
            "deploymentConfigName:string", "ecsService:object", "terminationWaitMinutes:number", "autoRollbackEvents:list",
            "targetGroupNames:list", "prodListenerArns:list", "testListenerArns:list").forceNew("applicationName", "deploymentGroupName").outputs("id", "name")
            .named("deploymentGroupName").takes(10);

    private CodeDeployProviders() { }

    /** The schemas of this package's types. */
    public static List<ResourceSchema> schemas() {
        return List.of(APPLICATION, DEPLOYMENT_GROUP);
    }

    public static List<ResourceProvider> all(Aws aws) {
        CodeDeploy cd = new CodeDeploy(aws);
        return List.of(new ApplicationProvider(cd), new DeploymentGroupProvider(cd));
    }
}
