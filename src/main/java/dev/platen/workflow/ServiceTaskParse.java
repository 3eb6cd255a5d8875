package dev.platen.workflow;

import org.camunda.bpm.engine.impl.bpmn.behavior.ExternalTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Hands every service task of every process the engine parses to a plugin, after Camunda's own parse, so that a
 * plugin can attach built-in listeners without touching the BPMN. Called from a plugin's {@code preInit}; the
 * engine's own list of post-parse listeners may be absent and is kept.
 */
final class ServiceTaskParse {

    private ServiceTaskParse() {
    }

    /** @param each the activity, and whether it is a file step (an external task, worked by {@link FileWorkers}) */
    static void onEach(ProcessEngineConfigurationImpl configuration, BiConsumer<ActivityImpl, Boolean> each) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                each.accept(activity, activity.getActivityBehavior() instanceof ExternalTaskActivityBehavior);
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }
}
