package dev.infra.core.status;

import java.util.List;

/**
 * An Aurora cluster as it runs now.
 *
 * @param writer  the writer instance, empty when none is
 * @param readers the reader instances
 * @param paused  whether its Serverless v2 capacity is at zero; null when that cannot be told
 */
public record DatabaseStatus(String address, String cluster, String status, String writer, List<String> readers,
                             Boolean paused, List<String> problems) implements LiveStatus {
    public DatabaseStatus {
        readers = List.copyOf(readers);
        problems = List.copyOf(problems);
    }
}
