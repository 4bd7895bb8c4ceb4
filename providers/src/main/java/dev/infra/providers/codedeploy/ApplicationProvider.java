package dev.infra.providers.codedeploy;

import dev.infra.core.provider.AlreadyExistsException;
import dev.infra.core.provider.WaitReporter;
import dev.infra.core.provider.Applied;
import dev.infra.core.provider.Observed;
import dev.infra.core.provider.Found;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.core.provider.StageContext;
import dev.infra.providers.aws.StageNames;
import dev.infra.providers.aws.AwsErrors;
import dev.infra.providers.aws.Owned;
import dev.infra.providers.aws.Pages;
import dev.infra.providers.aws.Props;
import software.amazon.awssdk.services.codedeploy.model.ApplicationInfo;
import software.amazon.awssdk.services.codedeploy.model.ListApplicationsResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * aws.codedeploy.Application for ECS; its name and platform cannot change, so there is nothing to update in place.
 * Deleting it deletes its deployment groups too. A read is one GetApplication per application.
 */
final class ApplicationProvider implements ResourceProvider {
    private final CodeDeploy cd;

    ApplicationProvider(CodeDeploy cd) {
        this.cd = cd;
    }

    @Override
    public String type() {
        return CodeDeployProviders.APPLICATION.type();
    }

    @Override
    public Applied create(ResourceRequest r) {
        String name = Props.str(r.inputs(), "applicationName");
        try {
            String id = cd.aws().call(() -> cd.client().createApplication(b -> b.applicationName(name)
                    .computePlatform(Props.str(r.inputs(), "computePlatform")).tags(CodeDeploy.tags(r.tags())))).applicationId();
            return applied(name, id);
        } catch (RuntimeException e) {
            if (AwsErrors.isAlreadyExists(e)) throw new AlreadyExistsException(AwsErrors.message(e));
            throw e;
        }
    }

    private static Applied applied(String name, String id) {
        return new Applied(name, Map.of("name", name, "id", id));
    }

    private Optional<ApplicationInfo> one(String name) {
        try {
            return Optional.of(cd.aws().call(() -> cd.client().getApplication(b -> b.applicationName(name))).application());
        } catch (RuntimeException e) {
            if (AwsErrors.isNotFound(e)) return Optional.empty();
            throw e;
        }
    }

    @Override
    public Optional<Applied> findExisting(ResourceRequest r) {
        return one(Props.str(r.inputs(), "applicationName")).filter(a -> Owned.byRequest(cd.tagsOf("application:" + a.applicationName()), r))
                .map(a -> applied(a.applicationName(), a.applicationId()));
    }

    @Override
    public Map<String, Observed> read(List<ResourceHandle> handles) {
        Map<String, Observed> out = new HashMap<>();
        for (ResourceHandle h : handles) {
            one(h.physicalId()).ifPresent(a -> out.put(h.address(), new Observed(a.applicationName(),
                    Map.of("applicationName", a.applicationName(), "computePlatform", a.computePlatformAsString()),
                    applied(a.applicationName(), a.applicationId()).outputs())));
        }
        return out;
    }

    @Override
    public Applied update(ResourceHandle current, ResourceRequest r) {
        return new Applied(current.physicalId(), current.outputs());
    }

    @Override
    public void delete(ResourceHandle h, WaitReporter waits) {
        cd.aws().ignoringNotFound(() -> cd.client().deleteApplication(b -> b.applicationName(h.physicalId())));
    }

    /**
     * Applications named with the stage's prefix (ListApplications has no filter): only those have their tags read,
     * then judged. Deployment groups go with their application.
     */
    @Override
    public List<Found> findTagged(StageContext stage) {
        String prefix = StageNames.prefix(stage);
        List<Found> out = new ArrayList<>();
        for (String name : Pages.all(cd.aws().retry(), t -> cd.client().listApplications(b -> b.nextToken(t)),
                ListApplicationsResponse::nextToken, ListApplicationsResponse::applications)) {
            if (name.startsWith(prefix)) out.add(new Found(type(), name, cd.tagsOf("application:" + name), Map.of("name", name)));
        }
        return out;
    }
}
