package dev.infra.core.logs;

import java.time.Instant;

/**
 * One log event.
 *
 * @param task the task that wrote it: the last segment of its log stream ({@code prefix/container/TASKID})
 * @param id   the event's id, unique in its log group
 */
public record LogLine(Instant time, String stream, String task, String message, String id) {
    /** The first 8 characters of the task id, as people tell tasks apart. */
    public String shortTask() {
        return task.length() > 8 ? task.substring(0, 8) : task;
    }
}
