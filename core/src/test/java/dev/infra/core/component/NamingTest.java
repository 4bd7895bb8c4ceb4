package dev.infra.core.component;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The stage prefix a sweep narrows its listings with is the start of every name the stage gets, shortened or not. */
class NamingTest {
    @Test
    void everyPhysicalNameOfTheStageStartsWithItsPrefixEvenWhenShortened() {
        List<String> apps = List.of("shop", "my-long-application-name", "a--b", "x");
        List<String> stages = List.of("dev", "pr-1234-feature-branch", "qa-", "production-eu-west");
        List<String> components = List.of("api", "api-green", "a-very-long-component-name-indeed", "");
        for (int max : List.of(Naming.ALB, Naming.TARGET_GROUP, Naming.RDS, Naming.IAM_ROLE, Naming.DEFAULT))
            for (String app : apps)
                for (String stage : stages) {
                    String prefix = Naming.stagePrefix(app, stage, max);
                    for (String component : components)
                        assertThat(Naming.physical(app, stage, component, "", max)).as(app + "/" + stage + "/" + component + " in " + max).startsWith(prefix);
                }
        assertThat(Naming.stagePrefix("shop", "dev", Naming.ALB)).isEqualTo("shop-dev-");
        assertThat(Naming.stagePrefix("shop", "dev", Naming.DEFAULT)).isEqualTo("shop-dev-");
        assertThat(Naming.stagePrefix("my-long-application-name", "pr-1234-feature-branch", Naming.ALB)).isEqualTo("my-long-application-name");
    }
}
