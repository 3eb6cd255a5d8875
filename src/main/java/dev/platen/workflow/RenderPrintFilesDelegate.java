package dev.platen.workflow;

import dev.platen.orders.RenderPrintFiles;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Render print files": the placement's PDF/X-4 and CMYK TIFF for its tier and stock. */
@Component("renderPrintFilesDelegate")
class RenderPrintFilesDelegate implements JavaDelegate {

    private final RenderPrintFiles render;

    RenderPrintFilesDelegate(RenderPrintFiles render) {
        this.render = render;
    }

    @Override
    public void execute(DelegateExecution execution) {
        render.render(PlacementVariables.placementId(execution));
    }
}
