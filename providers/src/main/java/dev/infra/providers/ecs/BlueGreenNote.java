package dev.infra.providers.ecs;

import java.util.Map;
import java.util.Set;

/**
 * The plan's note on an update of a blue/green service: its new task definition or network goes out as a CodeDeploy
 * deployment that shifts traffic, not as an ECS rolling update.
 */
final class BlueGreenNote {
    private static final Set<String> SHIPPED = Set.of("taskDefinition", "subnets", "securityGroups", "assignPublicIp");

    private BlueGreenNote() { }

    static String of(Map<String, Object> after, Set<String> changedKeys) {
        boolean codeDeploy = "CODE_DEPLOY".equals(after.get("deploymentController"));
        boolean ships = changedKeys.stream().anyMatch(SHIPPED::contains);
        return codeDeploy && ships ? "blue/green: a CodeDeploy deployment shifts traffic to the new tasks" : "";
    }
}
