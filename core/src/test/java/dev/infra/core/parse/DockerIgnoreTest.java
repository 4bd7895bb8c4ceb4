package dev.infra.core.parse;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Docker's own matcher tables (moby/patternmatcher's patternmatcher_test.go and ignorefile_test.go), ported as data:
 * the same patterns and paths must give the same answers here.
 */
class DockerIgnoreTest {
    /** pattern, path, and "exact" (the path itself matches), "inexact" (only a parent does) or "fail". */
    private static final String[][] MATCHES = {
            {"**", "file", "exact"}, {"**", "file/", "exact"}, {"**/", "file", "exact"}, {"**/", "file/", "exact"},
            {"**", "/", "exact"}, {"**/", "/", "exact"}, {"**", "dir/file", "exact"}, {"**/", "dir/file", "exact"},
            {"**", "dir/file/", "exact"}, {"**/", "dir/file/", "exact"}, {"**/**", "dir/file", "exact"},
            {"**/**", "dir/file/", "exact"}, {"dir/**", "dir/file", "exact"}, {"dir/**", "dir/file/", "exact"},
            {"dir/**", "dir/dir2/file", "exact"}, {"dir/**", "dir/dir2/file/", "exact"}, {"**/dir", "dir", "exact"},
            {"**/dir", "dir/file", "inexact"}, {"**/dir2/*", "dir/dir2/file", "exact"},
            {"**/dir2/*", "dir/dir2/file/", "inexact"}, {"**/dir2/**", "dir/dir2/dir3/file", "exact"},
            {"**/dir2/**", "dir/dir2/dir3/file/", "exact"}, {"**file", "file", "exact"}, {"**file", "dir/file", "exact"},
            {"**/file", "dir/file", "exact"}, {"**file", "dir/dir/file", "exact"}, {"**/file", "dir/dir/file", "exact"},
            {"**/file*", "dir/dir/file", "exact"}, {"**/file*", "dir/dir/file.txt", "exact"},
            {"**/file*txt", "dir/dir/file.txt", "exact"}, {"**/file*.txt", "dir/dir/file.txt", "exact"},
            {"**/file*.txt*", "dir/dir/file.txt", "exact"}, {"**/**/*.txt", "dir/dir/file.txt", "exact"},
            {"**/**/*.txt2", "dir/dir/file.txt", "fail"}, {"**/*.txt", "file.txt", "exact"},
            {"**/**/*.txt", "file.txt", "exact"}, {"a**/*.txt", "a/file.txt", "exact"},
            {"a**/*.txt", "a/dir/file.txt", "exact"}, {"a**/*.txt", "a/dir/dir/file.txt", "exact"},
            {"a/*.txt", "a/dir/file.txt", "fail"}, {"a/*.txt", "a/file.txt", "exact"}, {"a/*.txt**", "a/file.txt", "exact"},
            {"a[b-d]e", "ae", "fail"}, {"a[b-d]e", "ace", "exact"}, {"a[b-d]e", "aae", "fail"},
            {"a[^b-d]e", "aze", "exact"}, {".*", ".foo", "exact"}, {".*", "foo", "fail"}, {"abc.def", "abcdef", "fail"},
            {"abc.def", "abc.def", "exact"}, {"abc.def", "abcZdef", "fail"}, {"abc?def", "abcZdef", "exact"},
            {"abc?def", "abcdef", "fail"}, {"**/foo/bar", "foo/bar", "exact"}, {"**/foo/bar", "dir/foo/bar", "exact"},
            {"**/foo/bar", "dir/dir2/foo/bar", "exact"}, {"abc/**", "abc", "fail"}, {"abc/**", "abc/def", "exact"},
            {"abc/**", "abc/def/ghi", "exact"}, {"**/.foo", ".foo", "exact"}, {"**/.foo", "bar.foo", "fail"},
            {"a(b)c/def", "a(b)c/def", "exact"}, {"a(b)c/def", "a(b)c/xyz", "fail"},
            {"a.|)$(}+{bc", "a.|)$(}+{bc", "exact"},
            {"dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", "exact"},
            {"dist/*.whl", "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", "exact"},
            {"a\\\\", "a\\", "exact"}, {"a\\*b", "a*b", "exact"},
    };

    /** patterns (all but the last two cells), path, "exact" or "fail". */
    private static final String[][] MULTI = {
            {"**", "!util/docker/web", "util/docker/web/foo", "fail"},
            {"**", "!util/docker/web", "util/docker/web/foo", "util/docker/web/foo", "exact"},
            {"**", "!dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", "fail"},
            {"**", "!dist/*.whl", "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", "fail"},
    };

    /** Go's filepath.Match table as moby runs it through its matcher: pattern, path, match, or "bad" (a syntax error). */
    private static final String[][] GLOBS = {
            {"abc", "abc", "true"}, {"*", "abc", "true"}, {"*c", "abc", "true"}, {"a*", "a", "true"}, {"a*", "abc", "true"},
            {"a*", "ab/c", "true"}, {"a*/b", "abc/b", "true"}, {"a*/b", "a/c/b", "false"},
            {"a*b*c*d*e*/f", "axbxcxdxe/f", "true"}, {"a*b*c*d*e*/f", "axbxcxdxexxx/f", "true"},
            {"a*b*c*d*e*/f", "axbxcxdxe/xxx/f", "false"}, {"a*b*c*d*e*/f", "axbxcxdxexxx/fff", "false"},
            {"a*b?c*x", "abxbbxdbxebxczzx", "true"}, {"a*b?c*x", "abxbbxdbxebxczzy", "false"}, {"ab[c]", "abc", "true"},
            {"ab[b-d]", "abc", "true"}, {"ab[e-g]", "abc", "false"}, {"ab[^c]", "abc", "false"}, {"ab[^b-d]", "abc", "false"},
            {"ab[^e-g]", "abc", "true"}, {"a\\*b", "a*b", "true"}, {"a\\*b", "ab", "false"}, {"a?b", "a☺b", "true"},
            {"a[^a]b", "a☺b", "true"}, {"a???b", "a☺b", "false"}, {"a[^a][^a][^a]b", "a☺b", "false"},
            {"[a-ζ]*", "α", "true"}, {"*[a-ζ]", "A", "false"}, {"a?b", "a/b", "false"}, {"a*b", "a/b", "false"},
            {"[\\]a]", "]", "true"}, {"[\\-]", "-", "true"}, {"[x\\-]", "x", "true"}, {"[x\\-]", "-", "true"},
            {"[x\\-]", "z", "false"}, {"[\\-x]", "x", "true"}, {"[\\-x]", "-", "true"}, {"[\\-x]", "a", "false"},
            {"[]a]", "]", "bad"}, {"[-]", "-", "bad"}, {"[x-]", "x", "bad"}, {"[x-]", "-", "bad"}, {"[x-]", "z", "bad"},
            {"[-x]", "x", "bad"}, {"[-x]", "-", "bad"}, {"[-x]", "a", "bad"}, {"\\", "a", "bad"}, {"[a-b-c]", "a", "bad"},
            {"[", "a", "bad"}, {"[^", "a", "bad"}, {"[^bc", "a", "bad"}, {"a[", "a", "bad"}, {"a[", "ab", "bad"},
            {"*x", "xxx", "true"},
    };

    /** moby's compile table: pattern, how it is matched and the regular expression. */
    private static final String[][] COMPILED = {
            {"*", "REGEXP ^[^/]*$"}, {"file*", "REGEXP ^file[^/]*$"}, {"*file", "REGEXP ^[^/]*file$"},
            {"a*/b", "REGEXP ^a[^/]*/b$"}, {"**", "SUFFIX"}, {"**/**", "REGEXP ^(.*/)?.*$"}, {"dir/**", "PREFIX"},
            {"**/dir", "SUFFIX"}, {"**/dir2/*", "REGEXP ^(.*/)?dir2/[^/]*$"}, {"**/dir2/**", "REGEXP ^(.*/)?dir2/.*$"},
            {"**file", "SUFFIX"}, {"**/file*txt", "REGEXP ^(.*/)?file[^/]*txt$"},
            {"**/**/*.txt", "REGEXP ^(.*/)?(.*/)?[^/]*\\.txt$"}, {"a[b-d]e", "REGEXP ^a[b-d]e$"}, {".*", "REGEXP ^\\.[^/]*$"},
            {"abc.def", "EXACT"}, {"abc?def", "REGEXP ^abc[^/]def$"}, {"**/foo/bar", "SUFFIX"}, {"a(b)c/def", "EXACT"},
            {"a.|)$(}+{bc", "EXACT"}, {"dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", "EXACT"},
    };

    private static DockerIgnore matcher(String... patterns) {
        return DockerIgnore.patterns(List.of(patterns));
    }

    /** moby's top-level Matches: the path cleaned, "." never matched. */
    private static boolean matches(String file, String... patterns) {
        String clean = CleanPath.of(file);
        return !clean.equals(".") && matcher(patterns).matchesOrParentMatches(clean);
    }

    /** MatchesUsingParentResults, fed each parent directory's result in turn as a walk would. */
    private static boolean matchesWalking(DockerIgnore m, String path) {
        int slash = path.lastIndexOf('/');
        String parent = CleanPath.of(path.substring(0, slash + 1));
        DockerIgnore.Match match = DockerIgnore.Match.ROOT;
        if (!parent.equals(".")) {
            String[] dirs = parent.split("/", -1);
            for (int i = 0; i < dirs.length; i++) match = m.matchUnder(String.join("/", List.of(dirs).subList(0, i + 1)), match);
        }
        return m.matchUnder(path, match).excluded();
    }

    @Test
    void mobysMatchTable() {
        for (String[] t : MATCHES) {
            String why = "pattern " + t[0] + " path " + t[1];
            assertThat(IgnorePattern.of(t[0]).matches(t[1])).as("exact: " + why).isEqualTo(t[2].equals("exact"));
            assertThat(matcher(t[0]).matchesOrParentMatches(t[1])).as("or parent: " + why).isEqualTo(!t[2].equals("fail"));
            assertThat(matchesWalking(matcher(t[0]), t[1])).as("walking: " + why).isEqualTo(!t[2].equals("fail"));
        }
    }

    @Test
    void mobysMultiPatternTable() {
        for (String[] t : MULTI) {
            DockerIgnore m = matcher(List.of(t).subList(0, t.length - 2).toArray(String[]::new));
            String path = t[t.length - 2];
            boolean expected = !t[t.length - 1].equals("fail");
            assertThat(m.matchesOrParentMatches(path)).as("or parent: " + String.join(" ", t)).isEqualTo(expected);
            assertThat(matchesWalking(m, path)).as("walking: " + String.join(" ", t)).isEqualTo(expected);
        }
    }

    @Test
    void gosGlobTableThroughTheMatcher() {
        for (String[] t : GLOBS) {
            if (t[2].equals("bad")) assertThatThrownBy(() -> matches(t[1], t[0])).as(t[0]).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("syntax error in pattern " + t[0]);
            else assertThat(matches(t[1], t[0])).as("pattern " + t[0] + " path " + t[1]).isEqualTo(Boolean.parseBoolean(t[2]));
        }
    }

    @Test
    void mobysCompileTable() {
        for (String[] t : COMPILED) assertThat(IgnorePattern.of(t[0]).compiled()).as(t[0]).isEqualTo(t[1]);
    }

    @Test
    void mobysSingleCases() {
        assertThat(matches("fileutils.go", "*")).isTrue();
        assertThat(matches("fileutils.go", "*.go")).isTrue();
        assertThat(matches("fileutils.go", "!fileutils.go", "*.go")).isTrue();
        assertThat(matches("docs/README.md", "docs", "!docs/README.md")).isFalse();
        assertThat(matches("docs/README.md", "docs/", "!docs/README.md")).isFalse();
        assertThat(matches("docs/README.md", "docs/*", "!docs/README.md")).isFalse();
        assertThat(matches("fileutils.go", "*.go", "!fileutils.go")).isFalse();
        assertThat(matches(".", "*.go")).isFalse();
        assertThat(matches("/any/path/there")).isFalse();
        assertThatThrownBy(() -> matches("fileutils.go", "!")).hasMessage("illegal exclusion pattern: \"!\"");
        assertThatThrownBy(() -> matches("/any/path/there", "[")).hasMessage("syntax error in pattern [");
        assertThat(matcher("docs", "  !docs/README.md").exceptions()).as("leading space trimmed").isTrue();
        assertThat(matcher("docs", "!docs/README.md  ").exceptions()).as("trailing space trimmed").isTrue();
        assertThat(matcher("docs", "config", "").list()).as("blank patterns dropped").hasSize(2);
        assertThatThrownBy(() -> IgnorePattern.of("[Local-Only]/")).as("a reversed range fails as in Docker").hasMessageContaining("syntax error");
    }

    @Test
    void mobysIgnoreFileReader() {
        List<String> lines = new ArrayList<>(List.of("test1", "/test2", "/a/file/here", "", "lastfile", "# this is a comment",
                "! /inverted/abs/path", "!", "! "));
        assertThat(DockerIgnore.lines(lines)).containsExactly("test1", "test2", "a/file/here", "lastfile", "!inverted/abs/path", "!", "!");
        assertThat(DockerIgnore.lines(List.of(" # not a comment: only a line starting with # is", "\uFEFFx"))).containsExactly("# not a comment: only a line starting with # is", "\uFEFFx");
        assertThat(DockerIgnore.lines(List.of("\uFEFF#bom then comment", "a//b/../c/"))).containsExactly("a/c");
    }
}
