package dev.infra.providers.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Walks a paginated AWS list or describe call to the end, each page fetched through the retry policy. */
public final class Pages {
    private Pages() { }

    /**
     * @param fetch the call for a page, given the previous page's token (null for the first)
     * @param next  the token of the next page, null or empty at the end
     * @param items the page's items
     */
    public static <R, X> List<X> all(Retrying retry, Function<String, R> fetch, Function<R, String> next, Function<R, List<X>> items) {
        List<X> out = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            R page = retry.call(() -> fetch.apply(t));
            out.addAll(items.apply(page));
            token = next.apply(page);
        } while (token != null && !token.isEmpty());
        return out;
    }
}
