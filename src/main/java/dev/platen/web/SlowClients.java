package dev.platen.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.storage.AbandonedParts;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;

/**
 * Slow and stalled clients are let go rather than waited for (issue 17: 220 uploads at a byte a second held all of
 * Tomcat's request threads, and the health probe with them). Tomcat reads request headers without a thread, but a
 * body is read on the request's thread, in blocking reads, so each of these bounds a thread's wait:
 * <ul>
 *   <li>Tomcat's upload timeout: a body read waits at most {@code platen.uploads.read-timeout} for the next bytes
 *   (Tomcat's connection timeout, {@code server.tomcat.connection-timeout}, bounds the wait for a request's headers
 *   and between requests);</li>
 *   <li>{@link BodyPace}: a body slower than {@code platen.uploads.min-rate} is given up after
 *   {@code platen.uploads.grace}, and a body left unread by a refusal is not read away at the client's pace;</li>
 *   <li>{@link UploadSlots}: at most {@code platen.uploads.per-key} bodies per key at once.</li>
 * </ul>
 * Tomcat answers {@code Expect: 100-continue} only when the body is read, so that a client that asks first is refused
 * (no key, too many uploads) before it sends its body.
 */
@Configuration(proxyBeanMethods = false)
class SlowClients {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> slowClientsLetGo(UploadSettings settings,
                                                                              ObjectMapper json) {
        return factory -> {
            uploadFolderSwept(settings);
            factory.addEngineValves(new BodyPace(settings, json));
            factory.addConnectorCustomizers(connector -> {
                if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                    http.setDisableUploadTimeout(false);
                    http.setConnectionUploadTimeout((int) Math.min(Integer.MAX_VALUE,
                            settings.readTimeout().toMillis()));
                    http.setContinueResponseTiming("onRead");
                }
            });
        };
    }

    /**
     * The folder Tomcat parses uploads into ({@code spring.servlet.multipart.location} names it), made if missing and
     * rid of what a crash left there, before the server takes its first request.
     */
    private static void uploadFolderSwept(UploadSettings settings) {
        try {
            Files.createDirectories(settings.folder());
        } catch (IOException e) {
            throw new UncheckedIOException("platen.uploads.folder " + settings.folder() + " cannot be made", e);
        }
        AbandonedParts.sweep(settings.folder(), Instant.now(), settings.abandonedAfter());
    }

    /** Right after Spring Security's chains (order -100): the key is checked, the body not yet read. */
    @Bean
    FilterRegistrationBean<UploadSlots> uploadSlots(UploadSettings settings, ObjectMapper json) {
        FilterRegistrationBean<UploadSlots> registration =
                new FilterRegistrationBean<>(new UploadSlots(settings.perKey(), json));
        registration.setName("platen-upload-slots");
        registration.setOrder(-99);
        return registration;
    }
}
