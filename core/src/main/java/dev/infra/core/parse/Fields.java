package dev.infra.core.parse;

import java.util.Map;

import static dev.infra.core.parse.Field.Kind.BOOL;
import static dev.infra.core.parse.Field.Kind.DURATION;
import static dev.infra.core.parse.Field.Kind.IMAGE;
import static dev.infra.core.parse.Field.Kind.INT;
import static dev.infra.core.parse.Field.Kind.NUMBER;
import static dev.infra.core.parse.Field.Kind.STRING;
import static dev.infra.core.parse.Field.Kind.STRING_LIST;
import static dev.infra.core.parse.Field.Kind.STRING_MAP;
import static dev.infra.core.parse.Field.enumOf;
import static dev.infra.core.parse.Field.object;
import static dev.infra.core.parse.Field.of;

/** The field table of infra.yaml, version 1: keys, kinds, defaults, allowed values, descriptions. */
public final class Fields {
    private Fields() { }

    public static final Map<String, Field> TOP = Field.index(
            of("app", STRING, "app name, [a-z][a-z0-9-]{1,30}").req(),
            of("region", STRING, "default AWS region for every stage").req(),
            of("state", STRING, "state backend: s3://bucket/prefix or file://dir; empty: the default bucket").def("\"\""),
            of("stages", Field.Kind.NAMED_MAP, "stages by name or glob (preview-*)"),
            of("secrets", STRING_LIST, "secret names; values live per stage in SSM Parameter Store").def("[]"),
            of("secretsPath", STRING, "SSM path template of a secret").def("/{app}/{stage}/{name}"),
            of("kmsKey", STRING, "KMS key for secrets; empty: the AWS managed key").def("\"\""),
            of("resources", Field.Kind.NAMED_MAP, "the app's components by name").req());

    public static final Map<String, Field> STAGE = Field.index(
            of("region", STRING, "region of this stage"),
            of("protect", BOOL, "retain data on remove; remove needs --confirm <stage>").def("false"),
            of("overrides", Field.Kind.ANY_MAP, "per-resource values deep-merged over resources:"));

    /** {@code image:} as a build: {context, dockerfile}. */
    public static final Map<String, Field> IMAGE_BUILD = Field.index(
            of("context", STRING, "build context directory, relative to infra.yaml").req(),
            of("dockerfile", STRING, "Dockerfile path inside the context").def("Dockerfile"));

    private static final Field TYPE = of("type", STRING, "component type").req();

    public static final Map<String, Map<String, Field>> COMPONENTS = Map.of(
            "vpc", Field.index(TYPE,
                    of("azs", INT, "availability zones, one public and one private subnet each").def("2"),
                    of("cidr", STRING, "IPv4 CIDR of the VPC, /16 to /24").def("10.0.0.0/16"),
                    enumOf("nat", "egress for private subnets", "managed", "ec2", "none").def("none"),
                    of("bastion", BOOL, "an SSM-reachable bastion instance").def("false")),
            "cluster", Field.index(TYPE,
                    of("vpc", STRING, "the vpc resource").req(),
                    of("containerInsights", BOOL, "CloudWatch Container Insights").def("false")),
            "aurora", Field.index(TYPE,
                    of("vpc", STRING, "the vpc resource").req(),
                    enumOf("engine", "database engine", "postgres", "mysql").def("postgres"),
                    of("version", STRING, "engine version; default 17.4 (postgres) or 8.0.mysql_aurora.3.08.0 (mysql)"),
                    of("database", STRING, "initial database name; default: the app name with - as _"),
                    object("scaling", "Serverless v2 capacity in ACUs",
                            of("min", NUMBER, "minimum ACUs, 0 pauses when idle (" + AwsRules.autoPauseVersionsShort() + ")").def("0"),
                            of("max", NUMBER, "maximum ACUs").def("4"),
                            of("pauseAfter", DURATION, "idle time before pausing when min is 0, 5m to 24h").def("5m")).def("{}"),
                    of("replicas", INT, "reader instances").def("0"),
                    of("proxy", BOOL, "an RDS Proxy in front of the cluster").def("false")),
            "service", Field.index(TYPE,
                    of("cluster", STRING, "the cluster resource").req(),
                    of("image", IMAGE, "an image URI, or {context, dockerfile} to build").req(),
                    of("cpu", INT, "Fargate CPU units").def("256"),
                    of("memory", INT, "Fargate memory in MiB").def("512"),
                    of("port", INT, "container port").def("80"),
                    object("loadBalancer", "an Application Load Balancer in front of the service",
                            of("listen", STRING_LIST, "listeners, PORT/PROTOCOL (http or https)").def("[80/http]"),
                            object("health", "target group health check",
                                    of("path", STRING, "health check path").def("/"),
                                    of("interval", DURATION, "time between checks").def("30s"),
                                    of("timeout", DURATION, "check timeout").def("5s"),
                                    of("healthy", INT, "successes before healthy").def("2"),
                                    of("unhealthy", INT, "failures before unhealthy").def("3")).def("{}"),
                            Field.objectList("rules", "path rules routed to this service", of("path", STRING, "path pattern").req()),
                            of("domain", STRING, "domain name (needed for 443/https)"),
                            of("certificate", STRING, "ACM certificate ARN (needed for 443/https without domain)")),
                    object("scaling", "application auto scaling on CPU",
                            of("min", INT, "minimum tasks").def("1"),
                            of("max", INT, "maximum tasks").def("1"),
                            of("cpu", INT, "target CPU utilisation, percent").def("70")),
                    of("environment", STRING_MAP, "plaintext environment; may read ${resource.attr}").def("{}"),
                    of("secrets", STRING_LIST, "secret names injected with valueFrom").def("[]"),
                    of("link", STRING_LIST, "resources whose connection details are injected").def("[]"),
                    object("deployment", "how new versions roll out",
                            enumOf("strategy", "rolling (circuit breaker + rollback) or blue-green (CodeDeploy)", "rolling", "blue-green").def("rolling"),
                            of("terminationWait", DURATION, "blue-green: time before the old tasks stop").def("5m")).def("{}")),
            "waf", Field.index(TYPE,
                    of("protect", STRING_LIST, "services whose load balancers the web ACL protects").req(),
                    of("rateLimit", INT, "requests per IP per window, then block").def("2000"),
                    of("rateWindow", DURATION, "rate window: 1m, 2m, 5m or 10m").def("5m"),
                    of("managedRules", STRING_LIST, "AWS managed rule groups").def("[]"),
                    of("metrics", BOOL, "CloudWatch metrics and sampled requests").def("true")));
}
