package dev.infra.providers.codedeploy;

import dev.infra.providers.aws.Arns;
import dev.infra.providers.aws.Aws;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.Tag;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the CodeDeploy providers share: the client and tags both ways. CodeDeploy lists tags by ARN only, and its
 * ARNs hold the account ({@link Aws#account()}, asked of STS once, on the first tag lookup; reads never need it).
 */
final class CodeDeploy {
    private final Aws aws;

    CodeDeploy(Aws aws) {
        this.aws = aws;
    }

    Aws aws() {
        return aws;
    }

    CodeDeployClient client() {
        return aws.client(CodeDeployClient.class, CodeDeployClient::builder);
    }

    static List<Tag> tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }

    /** The tags of {@code application:NAME} or {@code deploymentgroup:APP/GROUP}. */
    Map<String, String> tagsOf(String resource) {
        String arn = Arns.of(aws, "codedeploy", aws.account(), resource);
        Map<String, String> m = new HashMap<>();
        aws.call(() -> client().listTagsForResource(b -> b.resourceArn(arn))).tags().forEach(t -> m.put(t.key(), t.value()));
        return m;
    }
}
