package dev.platen.intake;

import dev.platen.web.ApiProblem;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Fetches artwork from a URL a shop gives, without letting the URL reach anything but a public file server on the
 * allow-list. Each URL, the first and every redirect's, is checked for scheme and host; its host is resolved once,
 * every address it resolves to is checked against the refused ranges ({@link AddressRange#REFUSED}), and the
 * connection is made to exactly those addresses, through the HTTP client's name resolution hook: the request still
 * carries the host name (Host header, TLS server name and certificate check), so there is no second lookup a
 * rebinding name server could answer differently. No proxy, cookies or automatic redirects; the size is checked from
 * Content-Length first and again while the bytes stream.
 */
@Component
class ArtworkUrlFetch {

    /** Resolves a host name; the system's resolver in the application, a stand-in in tests of rebinding. */
    interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** What the caller does with the answer's body. */
    interface BodyReader<T> {
        T read(InputStream body, long declaredLength, String name) throws IOException;
    }

    private final ArtworkUrlSettings settings;
    private final HostResolver resolver;
    private final List<AddressRange> allowedAddresses;

    @Autowired
    ArtworkUrlFetch(ArtworkUrlSettings settings) {
        this(settings, InetAddress::getAllByName);
    }

    ArtworkUrlFetch(ArtworkUrlSettings settings, HostResolver resolver) {
        this.settings = settings;
        this.resolver = resolver;
        this.allowedAddresses = settings.allowedAddresses().stream().map(AddressRange::parse).toList();
    }

    <T> T fetch(String url, long maxBytes, BodyReader<T> reader) {
        long cap = Math.min(maxBytes, settings.maxBytes());
        long deadline = System.nanoTime() + settings.totalTime().toNanos();
        URI uri = checked(url);
        try (CloseableHttpClient client = client()) {
            for (int hop = 0; ; hop++) {
                HttpGet get = new HttpGet(uri);
                Object outcome;
                try (ClassicHttpResponse response = client.executeOpen(null, get, null)) {
                    outcome = answer(uri, response, cap, deadline, reader);
                } catch (IOException | RuntimeException e) {
                    // Cancelled, not closed: closing a body stream reads it to its end, which is what a refused
                    // gigabyte answer must not get.
                    get.cancel();
                    throw e;
                }
                if (outcome instanceof Fetched<?> fetched) {
                    @SuppressWarnings("unchecked")
                    T value = (T) fetched.value();
                    return value;
                }
                if (hop + 1 > settings.maxRedirects()) {
                    throw ApiProblem.unprocessable("ARTWORK_URL_TOO_MANY_REDIRECTS", "The artwork URL redirects more than "
                            + settings.maxRedirects() + " times.");
                }
                uri = checked(((URI) outcome).toString());
            }
        } catch (BlockedAddress e) {
            throw blocked(e.reason);
        } catch (ApiProblem e) {
            throw e;
        } catch (IOException e) {
            if (System.nanoTime() > deadline) {
                throw unreachable("Fetching the artwork URL took longer than " + settings.totalTime().toSeconds()
                        + " s.");
            }
            throw unreachable("The artwork URL cannot be fetched: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    private record Fetched<T>(T value) {
    }

    /** A redirect's target URI, or the read body. */
    private <T> Object answer(URI current, ClassicHttpResponse response, long cap, long deadline,
                              BodyReader<T> reader) throws IOException {
        int status = response.getCode();
        if (status >= 300 && status < 400 && response.getFirstHeader("Location") != null) {
            return redirectTarget(current, response.getFirstHeader("Location"));
        }
        if (status != 200) {
            throw unreachable("The artwork URL answered HTTP " + status + ".");
        }
        HttpEntity entity = response.getEntity();
        long declared = entity == null ? -1 : entity.getContentLength();
        if (declared > cap) {
            throw tooLarge(cap, "declares " + declared + " bytes");
        }
        InputStream body = entity == null ? InputStream.nullInputStream() : entity.getContent();
        return new Fetched<>(reader.read(new Capped(body, cap, deadline), declared, nameOf(current)));
    }

    /** Scheme, host and literal addresses: everything that can be judged without a name lookup. */
    URI checked(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.trim()).normalize();
        } catch (URISyntaxException e) {
            throw ApiProblem.unprocessable("ARTWORK_URL_INVALID", "The artwork URL is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw ApiProblem.unprocessable("ARTWORK_URL_INVALID",
                    "The artwork URL needs a host and may not carry a user name or password.");
        }
        if (!settings.allowedSchemes().contains(scheme)) {
            throw blocked("The scheme '" + scheme + "' is not fetched; allowed: " + settings.allowedSchemes() + ".");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (!hostAllowed(host)) {
            throw blocked("The host '" + host + "' is not on the list of artwork hosts.");
        }
        return uri;
    }

    private boolean hostAllowed(String host) {
        String bare = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        for (String allowed : settings.allowedHosts()) {
            String a = allowed.toLowerCase(Locale.ROOT).trim();
            if (a.equals("*") || a.equals(bare) || (a.startsWith("*.") && bare.endsWith(a.substring(1)))) {
                return true;
            }
        }
        return false;
    }

    private URI redirectTarget(URI from, Header location) {
        try {
            return from.resolve(new URI(location.getValue().trim()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw ApiProblem.unprocessable("ARTWORK_URL_INVALID", "The artwork URL redirects to an invalid URL.");
        }
    }

    private CloseableHttpClient client() {
        ConnectionConfig connections = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                .setSocketTimeout(Timeout.of(settings.readTimeout()))
                .build();
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckingResolver())
                        .setDefaultConnectionConfig(connections)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.readTimeout()))
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("Platen artwork fetch")
                .build();
    }

    /** The name lookup the connection uses: one resolution, every address checked, only those connected to. */
    private final class CheckingResolver implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] addresses = resolver.resolve(host);
            for (InetAddress address : addresses) {
                if (refused(address)) {
                    throw new BlockedAddress("The host '" + host + "' resolves to " + address.getHostAddress()
                            + ", an address artwork is not fetched from (loopback, private, link-local or"
                            + " reserved).");
                }
            }
            return addresses;
        }

        @Override
        public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
            List<InetSocketAddress> endpoints = new ArrayList<>();
            Arrays.stream(resolve(host)).forEach(a -> endpoints.add(new InetSocketAddress(a, port)));
            return endpoints;
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }

    boolean refused(InetAddress address) {
        if (allowedAddresses.stream().anyMatch(range -> range.contains(address))) {
            return false;
        }
        return address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()
                || AddressRange.REFUSED.stream().anyMatch(range -> range.contains(address));
    }

    private static String nameOf(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isBlank() ? uri.getHost() : last;
    }

    private static ApiProblem blocked(String message) {
        return ApiProblem.unprocessable("ARTWORK_URL_BLOCKED", message);
    }

    private static ApiProblem unreachable(String message) {
        return ApiProblem.unprocessable("ARTWORK_URL_UNREACHABLE", message);
    }

    private static ApiProblem tooLarge(long cap, String what) {
        return new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "ARTWORK_URL_TOO_LARGE", "The artwork at the URL " + what
                + ", more than the " + cap + " allowed.");
    }

    /** A refused address, thrown from inside the HTTP client's connect and told apart from a failed lookup. */
    private static final class BlockedAddress extends UnknownHostException {
        /** The message, which {@code getMessage()} may not promise to be there. */
        final String reason;

        BlockedAddress(String message) {
            super(message);
            this.reason = message;
        }
    }

    /** The body, stopped at the byte cap and at the fetch's deadline. */
    private static final class Capped extends FilterInputStream {
        private final long cap;
        private final long deadline;
        private long count;

        Capped(InputStream in, long cap, long deadline) {
            super(in);
            this.cap = cap;
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (System.nanoTime() > deadline) {
                throw new java.io.InterruptedIOException("the fetch's total time is up");
            }
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                if (count > cap) {
                    throw tooLarge(cap, "is larger");
                }
            }
            return n;
        }
    }
}
