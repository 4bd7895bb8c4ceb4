package dev.infra.providers.ecs;

import dev.infra.core.component.ResourceSchema;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.providers.aws.Aws;

import java.util.List;

import static dev.infra.core.component.ReplaceOrder.CREATE_FIRST;

/** The ECS resource types. */
public final class EcsProviders {
    public static final ResourceSchema CLUSTER = ResourceSchema.of("aws.ecs.Cluster")
            .takesInputs("name:string", "containerInsights:string").forceNew("name").outputs("arn", "name").named("name");
    public static final ResourceSchema TASK_DEFINITION = ResourceSchema.of("aws.ecs.TaskDefinition")
            .takesInputs("family:string", "cpu:string", "memory:string", "networkMode:string", "requiresCompatibilities:list",
            "executionRoleArn:string", "taskRoleArn:string", "containerDefinitions:list").forceNew("family", "cpu", "memory", "containerDefinitions", "executionRoleArn",
            "taskRoleArn", "networkMode", "requiresCompatibilities").outputs("arn", "revision").replacing(CREATE_FIRST).named("family");
    public static final ResourceSchema SERVICE = ResourceSchema.of("aws.ecs.Service")
            .takesInputs("serviceName:string", "cluster:string", "taskDefinition:string", "desiredCount:number", "launchType:string",
            "subnets:list", "securityGroups:list", "assignPublicIp:boolean", "deploymentController:string", "codeDeploy:object?",
            "deploymentCircuitBreaker:object?", "healthCheckGracePeriodSeconds:number?", "loadBalancers:list").forceNew("serviceName", "cluster", "launchType", "deploymentController", "loadBalancers")
            .outputs("arn", "name").named("serviceName").takes(240)
            .notesUpdates(BlueGreenNote::of);

    private EcsProviders() { }

    /** The schemas of this package's types. */
    public static List<ResourceSchema> schemas() {
        return List.of(CLUSTER, TASK_DEFINITION, SERVICE);
    }

    public static List<ResourceProvider> all(Aws aws) {
        return List.of(new ClusterProvider(aws), new TaskDefinitionProvider(aws), new ServiceProvider(aws));
    }
}
