package dev.infra.core.model;

import java.util.List;
import java.util.Map;

/**
 * infra.yaml resolved for one stage: stage overrides already deep-merged, defaults applied.
 *
 * @param app         app name, {@code [a-z][a-z0-9-]{1,30}}
 * @param stage       the stage name (concrete, never a glob)
 * @param region      the stage's region (stage region, else app region)
 * @param protect     whether the stage is protected (retain data on remove, confirm required)
 * @param state       state URL ({@code file://...} or {@code s3://bucket/prefix}); empty = default bucket
 * @param secrets     declared secret names
 * @param secretsPath SSM path template with {app}, {stage}, {name}
 * @param kmsKey      optional KMS key for secrets (empty = AWS managed key)
 * @param resources   resource definitions by name, in file order
 * @param sources     positions of every YAML path, for diagnostics after parsing
 */
public record AppConfig(String app, String stage, String region, boolean protect, String state,
                        List<String> secrets, String secretsPath, String kmsKey,
                        Map<String, ResourceDef> resources, SourceMap sources) {
    public AppConfig {
        secrets = List.copyOf(secrets);
        resources = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(resources));
    }
}
