package dev.infra.providers.rds;

import dev.infra.providers.aws.Aws;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether Aurora Serverless v2 instances are paused: RDS reports it only through CloudWatch, as the instance's
 * {@code ServerlessDatabaseCapacity} at zero. One GetMetricData for all the instances asked about (a query each, up
 * to 500 a call), over the last {@value #WINDOW_MINUTES} minutes, newest first, each instance judged by its latest
 * datapoint (a series may come split over several results and pages: the first one seen is the newest); an
 * instance with no datapoint in that window is left out (unknown), since metrics arrive a minute or more late.
 */
final class ServerlessCapacity {
    private static final int WINDOW_MINUTES = 10;
    private static final int MAX_QUERIES = 500;
    private final Aws aws;

    ServerlessCapacity(Aws aws) {
        this.aws = aws;
    }

    private CloudWatchClient cloudWatch() {
        return aws.client(CloudWatchClient.class, CloudWatchClient::builder);
    }

    /** For each instance id with a recent datapoint: true when its capacity is zero (paused). */
    Map<String, Boolean> paused(List<String> instanceIds) {
        Map<String, Boolean> out = new HashMap<>();
        Instant end = aws.clients().clock().now();
        for (int from = 0; from < instanceIds.size(); from += MAX_QUERIES) {
            List<String> batch = instanceIds.subList(from, Math.min(instanceIds.size(), from + MAX_QUERIES));
            List<MetricDataQuery> queries = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) queries.add(query("q" + i, batch.get(i)));
            for (MetricDataResult r : results(queries, end.minus(Duration.ofMinutes(WINDOW_MINUTES)), end)) {
                if (r.values().isEmpty()) continue;
                out.putIfAbsent(batch.get(Integer.parseInt(r.id().substring(1))), r.values().get(0) == 0.0);
            }
        }
        return out;
    }

    private List<MetricDataResult> results(List<MetricDataQuery> queries, Instant start, Instant end) {
        List<MetricDataResult> all = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            GetMetricDataResponse page = aws.call(() -> cloudWatch().getMetricData(b -> b.metricDataQueries(queries)
                    .startTime(start).endTime(end).scanBy("TimestampDescending").nextToken(t)));
            all.addAll(page.metricDataResults());
            token = page.nextToken();
        } while (token != null);
        return all;
    }

    private static MetricDataQuery query(String id, String instance) {
        return MetricDataQuery.builder().id(id).returnData(true).metricStat(s -> s.period(60).stat("Minimum")
                .metric(m -> m.namespace("AWS/RDS").metricName("ServerlessDatabaseCapacity")
                        .dimensions(d -> d.name("DBInstanceIdentifier").value(instance)))).build();
    }
}
