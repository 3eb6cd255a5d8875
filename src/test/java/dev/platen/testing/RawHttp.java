package dev.platen.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 written by hand on a socket, for what an HTTP client library will not send: odd paths (//x, /./x, /x;y),
 * broken multipart, a Content-Length the body never reaches, or a request from another loopback address (a socket
 * bound to 127.0.0.2 reaches the engine on 127.0.0.1, which then sees a second client).
 */
public final class RawHttp {

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** The answer: status, the header block as sent, and the body (chunks joined). */
    public record Answer(int status, String headers, String body) {

        public String header(String name) {
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    /**
     * Sends {@code head} (request line and headers, each ending in CRLF; Host and Connection: close are added) and
     * {@code body} from a socket bound to {@code from}, and reads the answer to its end.
     */
    public Answer send(String from, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "Host: localhost:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(body);
                out.flush();
            } catch (IOException closedEarly) {
                // the engine may answer and close before it has read a body it refuses (too large): read that answer
            }
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                // to the end of the answer, not of the connection: a server may keep it open a while after
                // answering a request whose body it did not read (Tomcat waits to swallow the rest)
                for (int n; !complete(all.toString(StandardCharsets.ISO_8859_1))
                        && (n = socket.getInputStream().read(buffer)) > 0; ) {
                    all.write(buffer, 0, n);
                }
            } catch (IOException reset) {
                // a reset after the answer was sent: keep what arrived
            }
            return parse(all.toString(StandardCharsets.UTF_8));
        }
    }

    /**
     * Reads one whole answer from a connection that stays open (to the end of the answer's body, not of the
     * connection), or null if the connection was closed before any of it arrived.
     */
    public static @org.jspecify.annotations.Nullable Answer readAnswer(java.io.InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; !complete(all.toString(StandardCharsets.ISO_8859_1)) && (n = in.read(buffer)) > 0; ) {
            all.write(buffer, 0, n);
        }
        return all.size() == 0 ? null : parse(all.toString(StandardCharsets.UTF_8));
    }

    public Answer get(String from, String path, String authorization) throws IOException {
        return send(from, "GET " + path + " HTTP/1.1\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n"), new byte[0]);
    }

    /** Whether {@code text} holds a whole answer: headers, then Content-Length bytes or the last chunk. */
    private static boolean complete(String text) {
        int split = text.indexOf("\r\n\r\n");
        if (split < 0) {
            return false;
        }
        String headers = text.substring(0, split).toLowerCase(Locale.ROOT);
        int body = text.length() - split - 4;
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("\r\ncontent-length:\\s*(\\d+)")
                .matcher(headers);
        if (length.find()) {
            return body >= Integer.parseInt(length.group(1));
        }
        if (headers.contains("transfer-encoding: chunked")) {
            return text.endsWith("\r\n0\r\n\r\n") || text.substring(split + 4).startsWith("0\r\n\r\n");
        }
        return false;
    }

    /** An answer as it arrived on the socket (status line, headers, body as sent, chunked or not). */
    public static Answer parse(String text) {
        int split = text.indexOf("\r\n\r\n");
        String headers = split < 0 ? text : text.substring(0, split);
        String rest = split < 0 ? "" : text.substring(split + 4);
        if (headers.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
            StringBuilder joined = new StringBuilder();
            int at = 0;
            while (at < rest.length()) {
                int eol = rest.indexOf("\r\n", at);
                if (eol < 0) {
                    break;
                }
                int size = Integer.parseInt(rest.substring(at, eol).trim(), 16);
                if (size == 0) {
                    break;
                }
                joined.append(rest, eol + 2, Math.min(rest.length(), eol + 2 + size));
                at = eol + 2 + size + 2;
            }
            rest = joined.toString();
        }
        if (headers.length() < 12) {
            throw new IllegalStateException("no HTTP answer: '" + text + "'");
        }
        return new Answer(Integer.parseInt(headers.substring(9, 12)), headers, rest);
    }
}
