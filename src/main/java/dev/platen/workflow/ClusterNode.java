package dev.platen.workflow;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * This node's name in a cluster ({@code platen.node.name}, env {@code PLATEN_NODE_NAME}; default the machine's
 * host name). Camunda writes it into the history of every job the node runs ({@code ACT_HI_JOB_LOG.HOSTNAME_}), and
 * it starts the job executor's lock owner ({@code ACT_RU_JOB.LOCK_OWNER_}), so an operator can see which node
 * holds or ran which job. The lock owner keeps a random part: two nodes given the same name by mistake must
 * still not take each other's locks for their own.
 */
@Component
class ClusterNode extends AbstractProcessEnginePlugin {

    private final String name;

    ClusterNode(@Value("${platen.node.name:${HOSTNAME:}}") String name) {
        this.name = name == null ? "" : name.strip();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (!name.isEmpty()) {
            configuration.setHostname(name);
        }
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!name.isEmpty() && configuration.getJobExecutor() != null) {
            configuration.getJobExecutor().setLockOwner(name + "/" + UUID.randomUUID());
        }
    }
}
