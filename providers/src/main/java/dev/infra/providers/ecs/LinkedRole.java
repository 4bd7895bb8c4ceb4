package dev.infra.providers.ecs;

import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.AwsErrors;
import dev.infra.providers.aws.Transient;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * ECS's service-linked role, which a fresh account does not have: CreateCluster makes it first (IAM answers "has been
 * taken" when it exists, which is fine; an AWS-compatible endpoint may say EntityAlreadyExists instead, as moto does,
 * which means the same), and ECS calls that find it not yet usable are waited out (TPA: 2 min).
 */
final class LinkedRole {
    static final Transient NOT_YET = Transient.propagation("ECS cannot use its service-linked role for %s yet", Transient.IAM_PROPAGATION,
            "InvalidParameterException", "Unable to assume the service linked role");

    private LinkedRole() { }

    static void ensure(Aws aws) {
        try {
            aws.call(() -> aws.client(IamClient.class, IamClient::builder).createServiceLinkedRole(b -> b.awsServiceName("ecs.amazonaws.com")));
        } catch (RuntimeException e) {
            if (!(AwsErrors.code(e).equals("InvalidInput") && AwsErrors.message(e).contains("has been taken")) && !AwsErrors.isAlreadyExists(e)) throw e;
        }
    }
}
