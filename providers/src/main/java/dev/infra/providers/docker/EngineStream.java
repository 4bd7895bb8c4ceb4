package dev.infra.providers.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.ResponseItem;
import dev.infra.core.diag.ExitCode;
import dev.infra.core.diag.InfraException;
import dev.infra.core.provider.WaitReporter;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the engine streams back during a build or a push: each item that reads as progress ({@link ProgressLines})
 * goes to the step's wait reporter (one line each in CI, the status line on a terminal), the last output lines and
 * the first error are kept, and {@link #awaitSuccess} fails with the error and those lines.
 */
final class EngineStream<T extends ResponseItem> extends ResultCallback.Adapter<T> {
    private static final int KEPT = 8;
    private final String what;
    private final WaitReporter waits;
    private final Function<T, Optional<String>> progress;
    private final Deque<String> last = new ArrayDeque<>();
    private String error;

    EngineStream(String what, WaitReporter waits, Function<T, Optional<String>> progress) {
        this.what = what;
        this.waits = waits;
        this.progress = progress;
    }

    @Override
    public void onNext(T item) {
        synchronized (this) {
            if (item.getStream() != null) item.getStream().lines().map(String::stripTrailing).filter(l -> !l.isBlank()).forEach(this::keep);
            if (item.isErrorIndicated() && error == null)
                error = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null ? item.getErrorDetail().getMessage() : item.getError();
        }
        progress.apply(item).ifPresent(line -> waits.waiting(what + ": " + line));
    }

    private void keep(String line) {
        last.addLast(line);
        if (last.size() > KEPT) last.removeFirst();
    }

    /** Waits for the end of the stream; an error the engine reported fails with it and the output lines before it. */
    void awaitSuccess(String target) throws InterruptedException {
        awaitCompletion();
        synchronized (this) {
            if (error == null) return;
            StringBuilder message = new StringBuilder(what + " of " + target + " failed: " + error.strip());
            last.stream().filter(l -> !l.strip().equals(error.strip())).forEach(l -> message.append("\n  | ").append(l));
            throw new Failed(message.toString());
        }
    }

    /** The engine's own words from an HTTP error ({@code Status 400: {"message":"..."}}), else the whole message. */
    static String message(RuntimeException e) {
        String m = String.valueOf(e.getMessage()).strip();
        Matcher json = Pattern.compile("\\{\"message\":\"((?:[^\"\\\\]|\\\\.)*)\"\\}").matcher(m);
        return json.find() ? json.group(1).replace("\\n", " ").replace("\\\"", "\"") : m;
    }

    /** The engine refused the build or the push. */
    static final class Failed extends InfraException {
        Failed(String message) {
            super(ExitCode.FAILURE, message);
        }
    }
}
