package dev.platen.workflow;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
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

    /**
     * Nodes of a cluster started together run this at the same moment on one database: each checks, finds nothing,
     * and creates. The loser's insert fails on the group's or membership's key; what it wanted is there, so it
     * carries on instead of failing its start.
     */
    @EventListener(ApplicationReadyEvent.class)
    void ensureGroup() {
        if (!groupExists()) {
            Group group = identity.newGroup(GROUP);
            group.setName("Prepress operators");
            group.setType("WORKFLOW");
            createUnlessAnotherNodeDid(() -> identity.saveGroup(group), this::groupExists);
        }
        for (String operator : operators) {
            String id = operator.trim();
            boolean exists = identity.createUserQuery().userId(id).count() == 1;
            if (exists && !member(id)) {
                createUnlessAnotherNodeDid(() -> identity.createMembership(id, GROUP), () -> member(id));
            }
        }
    }

    private boolean groupExists() {
        return identity.createGroupQuery().groupId(GROUP).count() == 1;
    }

    private boolean member(String id) {
        return identity.createUserQuery().userId(id).memberOfGroup(GROUP).count() == 1;
    }

    private static void createUnlessAnotherNodeDid(Runnable create, java.util.function.BooleanSupplier made) {
        try {
            create.run();
        } catch (ProcessEngineException e) {
            if (!made.getAsBoolean()) {
                throw e;
            }
        }
    }
}
