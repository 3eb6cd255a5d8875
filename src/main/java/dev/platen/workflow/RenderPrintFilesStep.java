package dev.platen.workflow;

import dev.platen.artwork.ArtworkDecoderBusy;
import dev.platen.orders.PlacementArt;
import dev.platen.orders.PlacementJobs;
import dev.platen.render.RenderPrintFiles;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * BPMN "Render print files": the placement's PDF/X-4 and CMYK TIFF for its tier and stock. The art's header is
 * the one recorded at upload and its pixels those the inspection decoded (raster art), kept for the soft proof next.
 */
@Component
class RenderPrintFilesStep implements FileStep<RenderPrintFilesStep.Rendered> {

    /** Print files made and stored for a placement, not yet recorded against it. */
    record Rendered(PlacementArt art, RenderPrintFiles.Rendered files, long tookMillis) {
    }

    private final PlacementJobs jobs;
    private final RenderPrintFiles render;
    private final StepTimeLimit timeLimit;

    RenderPrintFilesStep(PlacementJobs jobs, RenderPrintFiles render, StepTimeLimit timeLimit) {
        this.jobs = jobs;
        this.render = render;
        this.timeLimit = timeLimit;
    }

    @Override
    public String topic() {
        return PlacementVariables.TOPIC_RENDER;
    }

    @Override
    public Rendered work(String placementId) {
        StepTimeLimit.Clock clock = timeLimit.start("Render print files", placementId);
        long started = System.nanoTime();
        PlacementArt art = jobs.art(placementId);
        try {
            // The clock bounds the print, which hostile or huge art can make run away; storing what it wrote is
            // bounded by the files' size and stays outside the limit, as it always has.
            RenderPrintFiles.Written written = clock.run(() -> render.print(art.printJob()));
            return new Rendered(art, render.store(written), (System.nanoTime() - started) / 1_000_000);
        } catch (ArtworkDecoderBusy busy) {
            throw busy; // load, not the rules: the step waits and tries again
        } catch (RuntimeException e) {
            jobs.printFailed(art);
            throw e;
        }
    }

    @Override
    public Map<String, Object> record(Rendered rendered) {
        jobs.printed(rendered.art(), rendered.files(), rendered.tookMillis());
        return Map.of();
    }
}
