package dev.infra.providers.ecs;

import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.Pages;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.Task;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Why a service's tasks of one revision stopped: the containers' reasons and the tasks' stopped reasons, read from
 * every page of ListTasks and DescribeTasks in batches of 100. ECS keeps stopped tasks listed for a while, and most
 * stop for benign reasons (replaced by a newer deployment), so only the revision in question counts.
 */
final class StoppedTasks {
    private static final int DESCRIBE_BATCH = 100;
    private final Aws aws;

    StoppedTasks(Aws aws) {
        this.aws = aws;
    }

    private EcsClient ecs() {
        return aws.client(EcsClient.class, EcsClient::builder);
    }

    List<String> reasons(String cluster, String service, String taskDefinition) {
        List<String> arns = Pages.all(aws.retry(), t -> ecs().listTasks(b -> b.cluster(cluster).serviceName(service)
                .desiredStatus(DesiredStatus.STOPPED).nextToken(t)), ListTasksResponse::nextToken, ListTasksResponse::taskArns);
        Set<String> reasons = new LinkedHashSet<>();
        for (int i = 0; i < arns.size(); i += DESCRIBE_BATCH) {
            List<String> batch = new ArrayList<>(arns.subList(i, Math.min(arns.size(), i + DESCRIBE_BATCH)));
            for (Task t : aws.call(() -> ecs().describeTasks(b -> b.cluster(cluster).tasks(batch))).tasks()) {
                if (taskDefinition != null && !taskDefinition.equals(t.taskDefinitionArn())) continue;
                t.containers().stream().filter(c -> c.reason() != null).forEach(c -> reasons.add(c.reason()));
                if (t.stoppedReason() != null) reasons.add(t.stoppedReason());
            }
        }
        return List.copyOf(reasons);
    }
}
