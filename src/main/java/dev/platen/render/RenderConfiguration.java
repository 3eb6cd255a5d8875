package dev.platen.render;

import dev.platen.color.TransformCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RenderConfiguration {

    /**
     * The engine's one cache of colour transforms, shared by every render; closed with the application, which
     * frees the native memory of the transforms it still holds. Its checked separation grids are saved in
     * {@code platen.color.grid-folder} (default {@code ./data/grids}, beside the object store), so a restarted node
     * reads them instead of spending 3 to 4 s of CPU on each stock's first placement.
     */
    @Bean(destroyMethod = "close")
    TransformCache transformCache(@Value("${platen.color.transform-cache-size:64}") int size,
                                  @Value("${platen.color.grid-folder:./data/grids}") java.nio.file.Path gridFolder) {
        return new TransformCache(size, gridFolder);
    }
}
