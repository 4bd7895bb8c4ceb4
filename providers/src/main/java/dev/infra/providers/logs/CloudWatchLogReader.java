package dev.infra.providers.logs;

import dev.infra.core.logs.LogLine;
import dev.infra.core.logs.LogReader;
import dev.infra.core.provider.WallClock;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.Pages;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * FilterLogEvents over every page (a page may be empty and still name a next one; within a page, CloudWatch does not
 * promise time order across streams), then sorted by time, stream and event id. A filter text is sent as a quoted
 * term, so it matches literally.
 */
final class CloudWatchLogReader implements LogReader {
    private final Aws aws;

    CloudWatchLogReader(Aws aws) {
        this.aws = aws;
    }

    private CloudWatchLogsClient logs() {
        return aws.client(CloudWatchLogsClient.class, CloudWatchLogsClient::builder);
    }

    @Override
    public List<LogLine> read(String group, String streamPrefix, Instant from, String filter) {
        String pattern = filter == null || filter.isEmpty() ? null : "\"" + filter.replace("\"", "\\\"") + "\"";
        List<FilteredLogEvent> events = Pages.all(aws.retry(), t -> logs().filterLogEvents(b -> b.logGroupName(group)
                .logStreamNamePrefix(streamPrefix).startTime(from.toEpochMilli()).filterPattern(pattern).nextToken(t)),
                FilterLogEventsResponse::nextToken, FilterLogEventsResponse::events);
        return events.stream().map(CloudWatchLogReader::line)
                .sorted(Comparator.comparing(LogLine::time).thenComparing(LogLine::stream).thenComparing(LogLine::id)).toList();
    }

    private static LogLine line(FilteredLogEvent e) {
        String stream = e.logStreamName();
        String message = e.message() == null ? "" : e.message().replaceAll("\\R+$", "");
        return new LogLine(Instant.ofEpochMilli(e.timestamp()), stream, stream.substring(stream.lastIndexOf('/') + 1), message, e.eventId());
    }

    @Override
    public WallClock clock() {
        return aws.clients().clock();
    }
}
