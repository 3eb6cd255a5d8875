package dev.platen.workflow;

import dev.platen.orders.PlacementLifecycle;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * When a placement's job has used up its retries, the engine raises an incident (visible in Cockpit); this
 * also marks the placement {@code FAILED} so that the shop, reading the order, learns of it too.
 *
 * <p>An incident handler is the engine's only hook for incidents, and a plugin its only way in; past that, the
 * placement is read through the public API. The engine runs the variable lookup in the command that raises the
 * incident (a nested command joins the open one), so it sees the failing job's execution as that command does.
 */
@Component
class FailedPlacementIncidents extends AbstractProcessEnginePlugin {

    private final ObjectProvider<PlacementLifecycle> lifecycle;
    private final ObjectProvider<RuntimeService> runtime;

    FailedPlacementIncidents(ObjectProvider<PlacementLifecycle> lifecycle, ObjectProvider<RuntimeService> runtime) {
        this.lifecycle = lifecycle;
        this.runtime = runtime;
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
            // a job of the order's start has no placement: only the placement's own scopes carry its id
            if (incident.getExecutionId() != null && runtime.getObject().getVariable(incident.getExecutionId(),
                    PlacementVariables.PLACEMENT_ID) instanceof String placementId) {
                lifecycle.getObject().fail(placementId, "Processing failed: "
                        + (message == null ? "see the incident in Cockpit" : message));
            }
            return incident;
        }
    }
}
