package dev.platen.render;

import dev.platen.color.TransformCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RenderConfiguration {

    /**
     * The engine's one cache of colour transforms, shared by every render; closed with the application, which
     * frees the native memory of the transforms it still holds.
     */
    @Bean(destroyMethod = "close")
    TransformCache transformCache(@Value("${platen.color.transform-cache-size:64}") int size) {
        return new TransformCache(size);
    }
}
