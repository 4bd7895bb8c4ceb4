package dev.infra.providers.rds;

import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.VpcSecurityGroupMembership;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A live cluster in the shape of its inputs; {@code finalSnapshot} (a delete-time choice, not a setting) is kept as recorded. */
final class ClusterInputs {
    private ClusterInputs() { }

    static Map<String, Object> live(DBCluster c, Map<String, Object> recorded) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("dbClusterIdentifier", c.dbClusterIdentifier());
        in.put("engine", c.engine());
        in.put("engineVersion", c.engineVersion());
        in.put("databaseName", c.databaseName());
        in.put("masterUsername", c.masterUsername());
        in.put("manageMasterUserPassword", c.masterUserSecret() != null);
        in.put("storageEncrypted", c.storageEncrypted());
        in.put("dbSubnetGroupName", c.dbSubnetGroup());
        List<String> groups = c.vpcSecurityGroups().stream().map(VpcSecurityGroupMembership::vpcSecurityGroupId).toList();
        in.put("vpcSecurityGroupIds", groups);
        in.put("port", c.port());
        var s = c.serverlessV2ScalingConfiguration();
        Map<String, Object> scaling = new LinkedHashMap<>();
        scaling.put("minCapacity", s == null ? null : s.minCapacity());
        scaling.put("maxCapacity", s == null ? null : s.maxCapacity());
        scaling.put("secondsUntilAutoPause", s == null || s.minCapacity() == null || s.minCapacity() > 0 ? null : s.secondsUntilAutoPause());
        in.put("serverlessV2ScalingConfiguration", scaling);
        in.put("deletionProtection", c.deletionProtection());
        in.put("backupRetentionPeriod", c.backupRetentionPeriod());
        in.put("copyTagsToSnapshot", c.copyTagsToSnapshot());
        in.put("finalSnapshot", recorded.get("finalSnapshot"));
        return in;
    }
}
