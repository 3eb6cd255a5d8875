package dev.platen.workflow;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes sure the candidate group of "Resolve placement" exists and that the configured operators belong to it,
 * so that the task shows up in their Tasklist as soon as the engine runs.
 */
@Component
class PrepressOperators {

    static final String GROUP = "prepress";

    private final IdentityService identity;
    private final String[] operators;

    PrepressOperators(IdentityService identity, @Value("${platen.operators:demo}") String[] operators) {
        this.identity = identity;
        this.operators = operators;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureGroup() {
        if (identity.createGroupQuery().groupId(GROUP).count() == 0) {
            Group group = identity.newGroup(GROUP);
            group.setName("Prepress operators");
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
        for (String operator : operators) {
            String id = operator.trim();
            boolean exists = identity.createUserQuery().userId(id).count() == 1;
            boolean member = identity.createUserQuery().userId(id).memberOfGroup(GROUP).count() == 1;
            if (exists && !member) {
                identity.createMembership(id, GROUP);
            }
        }
    }
}
