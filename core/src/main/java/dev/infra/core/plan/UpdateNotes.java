package dev.infra.core.plan;

import java.util.List;
import java.util.Map;

/**
 * What an in-place update will do beyond setting properties, when that matters to the person reading the plan:
 * a blue/green service's new task definition or network goes out as a CodeDeploy deployment that shifts traffic.
 */
final class UpdateNotes {
    private UpdateNotes() { }

    static String of(String type, Map<String, Object> after, List<PropertyDiff> diffs) {
        boolean codeDeploy = type.equals("aws.ecs.Service") && "CODE_DEPLOY".equals(after.get("deploymentController"));
        boolean ships = diffs.stream().map(PropertyDiff::topLevel)
                .anyMatch(p -> p.equals("taskDefinition") || p.equals("subnets") || p.equals("securityGroups") || p.equals("assignPublicIp"));
        return codeDeploy && ships ? "blue/green: a CodeDeploy deployment shifts traffic to the new tasks" : "";
    }
}
