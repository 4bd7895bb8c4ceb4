package dev.infra.providers.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.PushResponseItem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the engine streams during builds and pushes, read as progress lines and errors. */
class EngineOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static <T> T item(String json, Class<T> type) throws Exception {
        return JSON.readValue(json.replace('\'', '"'), type);
    }

    @Test
    void aBuildReportsItsStepsOnly() throws Exception {
        assertThat(ProgressLines.build(item("{'stream':'Step 2/3 : COPY . /app/\\n'}", BuildResponseItem.class))).contains("Step 2/3 : COPY . /app/");
        assertThat(ProgressLines.build(item("{'stream':' ---> 3f1c0a\\n'}", BuildResponseItem.class))).isEmpty();
        assertThat(ProgressLines.build(item("{'aux':{'Digest':'sha256:1'}}", BuildResponseItem.class))).isEmpty();
    }

    @Test
    void aPushReportsEachLayersStateOnceAndItsBytesInQuarters() throws Exception {
        Function<PushResponseItem, Optional<String>> push = ProgressLines.push();
        List<String> lines = new ArrayList<>();
        for (String json : List.of("{'status':'The push refers to repository [r/web]'}", "{'status':'Preparing','id':'a1'}",
                "{'status':'Preparing','id':'b2'}", "{'status':'Pushing','id':'a1','progressDetail':{'current':100,'total':4194304}}",
                "{'status':'Pushing','id':'a1','progressDetail':{'current':200,'total':4194304}}",
                "{'status':'Pushing','id':'a1','progressDetail':{'current':2097152,'total':4194304}}", "{'status':'Pushed','id':'a1'}",
                "{'status':'Layer already exists','id':'b2'}", "{'status':'src-1: digest: sha256:9 size: 528'}"))
            push.apply(item(json, PushResponseItem.class)).ifPresent(lines::add);
        assertThat(lines).containsExactly("The push refers to repository [r/web]", "layer a1 preparing", "layer b2 preparing",
                "layer a1 pushing 0% of 4.0 MiB", "layer a1 pushing 50% of 4.0 MiB", "layer a1 pushed", "layer b2 layer already exists",
                "src-1: digest: sha256:9 size: 528");
    }

    @Test
    void progressGoesToTheStepsWaitReporter() throws Exception {
        List<String> waits = new ArrayList<>();
        EngineStream<BuildResponseItem> stream = new EngineStream<>("docker build", waits::add, ProgressLines::build);
        stream.onNext(item("{'stream':'Step 1/1 : FROM scratch\\n'}", BuildResponseItem.class));
        stream.onComplete();
        stream.awaitSuccess("r/web:1");
        assertThat(waits).containsExactly("docker build: Step 1/1 : FROM scratch");
    }

    @Test
    void anEngineErrorFailsWithItsWordsAndTheOutputBeforeIt() throws Exception {
        EngineStream<BuildResponseItem> stream = new EngineStream<>("docker build", w -> { }, ProgressLines::build);
        stream.onNext(item("{'stream':'Step 1/2 : FROM scratch\\n'}", BuildResponseItem.class));
        stream.onNext(item("{'stream':' ---> \\n'}", BuildResponseItem.class));
        stream.onNext(item("{'stream':'Step 2/2 : COPY missing.txt /app/\\n'}", BuildResponseItem.class));
        stream.onNext(item("{'errorDetail':{'message':'COPY failed: stat missing.txt: file does not exist'},'error':'COPY failed: stat missing.txt: file does not exist'}",
                BuildResponseItem.class));
        stream.onComplete();
        assertThatThrownBy(() -> stream.awaitSuccess("r/web:2")).isInstanceOf(EngineStream.Failed.class)
                .hasMessage("docker build of r/web:2 failed: COPY failed: stat missing.txt: file does not exist\n"
                        + "  | Step 1/2 : FROM scratch\n  |  --->\n  | Step 2/2 : COPY missing.txt /app/");
    }

    @Test
    void anHttpErrorIsReducedToTheEnginesMessage() {
        assertThat(EngineStream.message(new RuntimeException("Status 400: {\"message\":\"dockerfile parse error line 1: unknown instruction: FROMM\"}\n")))
                .isEqualTo("dockerfile parse error line 1: unknown instruction: FROMM");
        assertThat(EngineStream.message(new RuntimeException("plain"))).isEqualTo("plain");
    }
}
