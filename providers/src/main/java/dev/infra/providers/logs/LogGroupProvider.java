package dev.infra.providers.logs;

import dev.infra.core.component.Naming;
import dev.infra.core.provider.AlreadyExistsException;
import dev.infra.core.provider.WaitReporter;
import dev.infra.core.provider.Applied;
import dev.infra.core.provider.Observed;
import dev.infra.core.provider.Found;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.core.provider.StageContext;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.AwsErrors;
import dev.infra.providers.aws.Owned;
import dev.infra.providers.aws.Pages;
import dev.infra.providers.aws.Props;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * aws.logs.LogGroup with its retention. Groups of a stage share the prefix {@code /infra/APP/STAGE/}, so reading all
 * of them is one DescribeLogGroups per prefix.
 */
final class LogGroupProvider implements ResourceProvider {
    private final Aws aws;

    LogGroupProvider(Aws aws) {
        this.aws = aws;
    }

    private CloudWatchLogsClient logs() {
        return aws.client(CloudWatchLogsClient.class, CloudWatchLogsClient::builder);
    }

    @Override
    public String type() {
        return LogsProviders.LOG_GROUP.type();
    }

    @Override
    public Applied create(ResourceRequest r) {
        String name = Props.str(r.inputs(), "logGroupName");
        try {
            aws.run(() -> logs().createLogGroup(b -> b.logGroupName(name).tags(r.tags())));
        } catch (RuntimeException e) {
            if (AwsErrors.isAlreadyExists(e)) throw new AlreadyExistsException(AwsErrors.message(e));
            throw e;
        }
        return finish(name, r);
    }

    private Applied finish(String name, ResourceRequest r) {
        Integer days = Props.integer(r.inputs(), "retentionInDays");
        if (days != null) aws.run(() -> logs().putRetentionPolicy(b -> b.logGroupName(name).retentionInDays(days)));
        LogGroup g = byPrefix(name).stream().filter(x -> x.logGroupName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("log group " + name + " vanished right after creation"));
        return new Applied(name, outputs(g));
    }

    private static Map<String, Object> outputs(LogGroup g) {
        return Map.of("name", g.logGroupName(), "arn", arn(g));
    }

    /** The ARN without the {@code :*} suffix; older APIs and emulators only return the suffixed {@code arn}. */
    private static String arn(LogGroup g) {
        if (g.logGroupArn() != null) return g.logGroupArn();
        return g.arn().endsWith(":*") ? g.arn().substring(0, g.arn().length() - 2) : g.arn();
    }

    private List<LogGroup> byPrefix(String prefix) {
        return Pages.all(aws.retry(), t -> logs().describeLogGroups(b -> b.logGroupNamePrefix(prefix).nextToken(t)),
                DescribeLogGroupsResponse::nextToken, DescribeLogGroupsResponse::logGroups);
    }

    private Map<String, String> tags(LogGroup g) {
        return aws.call(() -> logs().listTagsForResource(b -> b.resourceArn(arn(g)))).tags();
    }

    @Override
    public Optional<Applied> findExisting(ResourceRequest r) {
        String name = Props.str(r.inputs(), "logGroupName");
        return byPrefix(name).stream().filter(g -> g.logGroupName().equals(name) && Owned.byRequest(tags(g), r))
                .findFirst().map(g -> finish(name, r));
    }

    private static String parent(String name) {
        return name.substring(0, name.lastIndexOf('/') + 1);
    }

    @Override
    public Map<String, Observed> read(List<ResourceHandle> handles) {
        Map<String, LogGroup> live = new HashMap<>();
        handles.stream().map(h -> parent(h.physicalId())).distinct()
                .forEach(p -> byPrefix(p).forEach(g -> live.put(g.logGroupName(), g)));
        Map<String, Observed> out = new HashMap<>();
        for (ResourceHandle h : handles) {
            LogGroup g = live.get(h.physicalId());
            if (g == null) continue;
            Map<String, Object> in = new HashMap<>();
            in.put("logGroupName", g.logGroupName());
            if (g.retentionInDays() != null) in.put("retentionInDays", g.retentionInDays());
            out.put(h.address(), new Observed(g.logGroupName(), in, outputs(g)));
        }
        return out;
    }

    @Override
    public Applied update(ResourceHandle current, ResourceRequest r) {
        return finish(current.physicalId(), r);
    }

    @Override
    public void delete(ResourceHandle h, WaitReporter waits) {
        aws.ignoringNotFound(() -> logs().deleteLogGroup(b -> b.logGroupName(h.physicalId())));
    }

    @Override
    public List<Found> findTagged(StageContext stage) {
        List<Found> out = new ArrayList<>();
        for (LogGroup g : byPrefix(Naming.stagePath(stage.app(), stage.stage())))
            out.add(new Found(type(), g.logGroupName(), tags(g), outputs(g)));
        return out;
    }
}
