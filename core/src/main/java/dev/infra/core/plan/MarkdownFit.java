package dev.infra.core.plan;

import dev.infra.core.plan.MarkdownBlock.Detail;
import dev.infra.core.plan.MarkdownBlock.Rendered;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits the component blocks of a markdown plan into a budget of characters. The blocks come most important first;
 * detail is taken from the last ones first: the property tables of creates, then all property tables, then resource
 * lines (the block that crosses the limit keeps as many as fit), then whole blocks. What was left out is counted for
 * the note.
 */
final class MarkdownFit {
    private final List<MarkdownBlock> blocks;
    private final Rendered[] rendered;
    private int total;
    private int droppedBlocks;
    private int droppedResources;

    private MarkdownFit(List<MarkdownBlock> blocks) {
        this.blocks = blocks;
        this.rendered = new Rendered[blocks.size()];
        for (int i = 0; i < blocks.size(); i++) set(i, blocks.get(i).render(Detail.FULL, Integer.MAX_VALUE));
    }

    static MarkdownFit of(List<MarkdownBlock> blocks, int budget) {
        MarkdownFit f = new MarkdownFit(blocks);
        for (Detail d : List.of(Detail.CHANGES, Detail.LINES))
            for (int i = blocks.size() - 1; i >= 0 && f.total > budget; i--) f.set(i, blocks.get(i).render(d, Integer.MAX_VALUE));
        for (int i = blocks.size() - 1; i >= 0 && f.total > budget; i--) f.shorten(i, budget);
        for (int i = blocks.size() - 1; i >= 0 && f.total > budget; i--) f.drop(i);
        return f;
    }

    /** Lists only as many of block i's resources as fit (none, if even its counts alone do not). */
    private void shorten(int i, int budget) {
        MarkdownBlock b = blocks.get(i);
        int lo = 0;
        int hi = b.size();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (total - rendered[i].text().length() + b.render(Detail.LINES, mid).text().length() <= budget) lo = mid;
            else hi = mid - 1;
        }
        set(i, b.render(Detail.LINES, lo));
    }

    private void drop(int i) {
        droppedBlocks++;
        droppedResources += blocks.get(i).size();
        set(i, new Rendered("", 0, 0));
    }

    private void set(int i, Rendered r) {
        if (rendered[i] != null) total -= rendered[i].text().length();
        rendered[i] = r;
        total += r.text().length();
    }

    List<String> texts() {
        List<String> out = new ArrayList<>();
        for (Rendered r : rendered) if (!r.text().isEmpty()) out.add(r.text());
        return out;
    }

    /** Empty when nothing was left out; else one paragraph that counts what was. */
    String note(int limit) {
        int tables = 0;
        int unlisted = 0;
        for (Rendered r : rendered) {
            tables += r.tablesLeftOut();
            unlisted += r.resourcesLeftOut();
        }
        List<String> parts = new ArrayList<>();
        if (tables > 0) parts.add("the properties of " + MarkdownBlock.count(tables, "resource"));
        if (unlisted > 0) parts.add("the lines of " + MarkdownBlock.count(unlisted, "resource") + " (counted in their components)");
        if (droppedBlocks > 0) parts.add(MarkdownBlock.count(droppedBlocks, "whole component") + " ("
                + MarkdownBlock.count(droppedResources, "resource") + ")");
        if (parts.isEmpty()) return "";
        return "_Left out to stay under " + String.format("%,d", limit) + " characters (a comment's limit): "
                + String.join("; ", parts) + ". `infra diff` prints the whole plan, and `--out` saves it._\n\n";
    }
}
