package dev.platen.workflow;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes of a cluster started together both find the prepress group missing and both create it: the one that
 * loses the race on the database's key still starts. The other node is played by the same real engine: its group and
 * membership are written just before this node's own write, after this node has looked (the window of the race).
 */
class PrepressOperatorsTest {

    private static ProcessEngine engine;

    @BeforeAll
    static void engine() {
        engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:prepress-operators;DB_CLOSE_DELAY=-1")
                .setProcessEngineName("prepressOperatorsTest")
                .setJobExecutorActivate(false)
                .buildProcessEngine();
        User olga = engine.getIdentityService().newUser("olga");
        engine.getIdentityService().saveUser(olga);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void aNodeThatLosesTheRaceToCreateTheGroupAndMembershipStillStarts() {
        IdentityService real = engine.getIdentityService();
        IdentityService racing = (IdentityService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{IdentityService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("saveGroup")) {
                        Group theirs = real.newGroup(PrepressOperators.GROUP);
                        theirs.setName("Prepress operators");
                        real.saveGroup(theirs); // the other node's insert lands first
                    } else if (method.getName().equals("createMembership")) {
                        real.createMembership((String) args[0], (String) args[1]);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });

        new PrepressOperators(racing, new String[]{"olga"}).ensureGroup();

        assertThat(real.createGroupQuery().groupId(PrepressOperators.GROUP).count()).isEqualTo(1);
        assertThat(real.createUserQuery().userId("olga").memberOfGroup(PrepressOperators.GROUP).count()).isEqualTo(1);
        // and a node started later finds both there and changes nothing
        new PrepressOperators(real, new String[]{"olga"}).ensureGroup();
        assertThat(real.createUserQuery().memberOfGroup(PrepressOperators.GROUP).count()).isEqualTo(1);
    }
}
