package dev.platen.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Where artwork may be fetched from by URL ({@code POST /api/v1/artworks} with {@code {"url": ...}}).
 *
 * @param allowedSchemes   URL schemes fetched; only {@code https} by default
 * @param allowedHosts     host names fetched from: exact names or {@code *.example.com} for its subdomains,
 *                         {@code *} for any host; empty by default, so nothing is fetched until a shop's artwork
 *                         hosts are listed
 * @param allowedAddresses addresses in the refused ranges (loopback, private, link-local, ...) that may still be
 *                         reached, as CIDR blocks; empty by default. For tests and for a shop's own file server on
 *                         a private network, never for cloud metadata addresses.
 * @param maxBytes         largest artwork fetched; the upload limit applies as well (default 200 MB)
 * @param connectTimeout   time to open the connection to one address (default 5 s)
 * @param readTimeout      longest wait for the next bytes of the answer (default 10 s)
 * @param totalTime        time for the whole fetch, redirects included (default 60 s)
 * @param maxRedirects     redirects followed, each checked like the first URL (default 5)
 */
@ConfigurationProperties("platen.intake.artwork-url")
record ArtworkUrlSettings(
        @DefaultValue("https") List<String> allowedSchemes,
        @DefaultValue List<String> allowedHosts,
        @DefaultValue List<String> allowedAddresses,
        @DefaultValue("200000000") long maxBytes,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("60s") Duration totalTime,
        @DefaultValue("5") int maxRedirects) {

    ArtworkUrlSettings {
        allowedSchemes = List.copyOf(allowedSchemes);
        allowedHosts = List.copyOf(allowedHosts);
        allowedAddresses = List.copyOf(allowedAddresses);
    }
}
