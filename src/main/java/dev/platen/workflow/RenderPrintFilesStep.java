package dev.platen.workflow;

import dev.platen.orders.RenderPrintFiles;
import dev.platen.orders.RenderPrintFiles.Rendered;
import org.springframework.stereotype.Component;

import java.util.Map;

/** BPMN "Render print files": the placement's PDF/X-4 and CMYK TIFF for its tier and stock. */
@Component
class RenderPrintFilesStep implements FileStep<Rendered> {

    private final RenderPrintFiles render;

    RenderPrintFilesStep(RenderPrintFiles render) {
        this.render = render;
    }

    @Override
    public String topic() {
        return PlacementVariables.TOPIC_RENDER;
    }

    @Override
    public Rendered work(String placementId) {
        return render.render(placementId);
    }

    @Override
    public Map<String, Object> record(Rendered rendered) {
        render.record(rendered);
        return Map.of();
    }
}
