package dev.infra.core.exec;

import dev.infra.core.provider.Applied;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.core.provider.ResponseLostException;
import dev.infra.core.provider.WallClock;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A create whose answer was lost ({@link ResponseLostException}) is tried again only after a look for what it may have
 * made: the adoption path of a crashed run ({@code findExisting}, by the request's tags, proven ours), run within this
 * run. A fresh resource may be missing from AWS's lists for a few seconds, so the look is repeated over
 * {@link #LOOKS} before the create is made again; when the look finds it, it is adopted, so a retry never makes a second
 * copy. After {@value #ATTEMPTS} lost answers in a row the last one is the error.
 */
final class LostCreates {
    static final int ATTEMPTS = 5;
    /** The pauses before each look after a lost answer: about 15 s in all, the time a new resource takes to be listed. */
    static final List<Duration> LOOKS = List.of(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(4), Duration.ofSeconds(8));
    private final WallClock clock;

    LostCreates(WallClock clock) {
        this.clock = clock;
    }

    /**
     * Runs {@code create}; after a lost answer, looks for what it made with {@code find} (already filtered to what is
     * not another address's) and hands that to {@code adopt}, else creates again.
     */
    Applied create(ResourceProvider p, ResourceRequest request, Supplier<Applied> create,
                   Function<Optional<Applied>, Optional<Applied>> unclaimed, Function<Applied, Applied> adopt) {
        for (int attempt = 1; ; attempt++) {
            ResponseLostException lost;
            try {
                return create.get();
            } catch (ResponseLostException e) {
                lost = e;
            }
            if (attempt >= ATTEMPTS) throw lost;
            Optional<Applied> found = look(p, request, unclaimed);
            if (found.isPresent()) return adopt.apply(found.get());
        }
    }

    private Optional<Applied> look(ResourceProvider p, ResourceRequest request, Function<Optional<Applied>, Optional<Applied>> unclaimed) {
        for (Duration pause : LOOKS) {
            sleep(pause);
            try {
                Optional<Applied> found = unclaimed.apply(p.findExisting(request));
                if (found.isPresent()) return found;
            } catch (ResponseLostException e) {
                // finishing what was found lost an answer too: look again
            }
        }
        return Optional.empty();
    }

    private void sleep(Duration d) {
        if (!d.isZero()) clock.pause(d, "looking for what a create made");
    }
}
