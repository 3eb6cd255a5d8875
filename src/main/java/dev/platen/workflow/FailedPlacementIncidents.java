package dev.platen.workflow;

import dev.platen.orders.PlacementLifecycle;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * When a placement's job has used up its retries, the engine raises an incident (visible in Cockpit); this
 * also marks the placement {@code FAILED} so that the shop, reading the order, learns of it too.
 */
@Component
class FailedPlacementIncidents extends AbstractProcessEnginePlugin {

    private final ObjectProvider<PlacementLifecycle> lifecycle;

    FailedPlacementIncidents(ObjectProvider<PlacementLifecycle> lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomIncidentHandlers(List.of(new MarkPlacementFailed()));
    }

    private final class MarkPlacementFailed extends DefaultIncidentHandler {

        MarkPlacementFailed() {
            super(Incident.FAILED_JOB_HANDLER_TYPE);
        }

        @Override
        public Incident handleIncident(IncidentContext context, String message) {
            Incident incident = super.handleIncident(context, message);
            if (context.getExecutionId() != null) {
                ExecutionEntity execution = Context.getCommandContext().getExecutionManager()
                        .findExecutionById(context.getExecutionId());
                Object placementId = execution == null ? null : execution.getVariable(PlacementVariables.PLACEMENT_ID);
                if (placementId instanceof String id) {
                    lifecycle.getObject().fail(id, "Processing failed: " + (message == null ? "see the incident in Cockpit" : message));
                }
            }
            return incident;
        }
    }
}
