package dev.platen.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.apache.coyote.InputBuffer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import java.io.IOException;

/**
 * Keeps a request thread from waiting on a slow client's body, first in Tomcat's pipeline (ahead of its error pages
 * and of every filter, so that its answer is the last word):
 * <ul>
 *   <li>the body is read through a {@link PacedInput}: slower than the minimum rate, or silent past the read timeout,
 *   it ends there, the request is answered 408 {@code UPLOAD_TOO_SLOW} (by the API's own error handling, which asks
 *   {@link #givenUp}; here when nothing else answered) and its connection is closed;</li>
 *   <li>a request answered without its body read to the end (a refusal by a filter: no key, too many uploads) has its
 *   connection closed after the answer, unless only a few bytes of it were left (see {@link #restReadAtPace}).
 *   Tomcat would otherwise read the rest of the body away before the next request on the connection, at the
 *   client's pace, on the same thread; a refusal's status alone does not stop that.</li>
 * </ul>
 * Both close through Tomcat's "aborted upload" action, which writes the answer in full and then drops the connection
 * without reading further.
 */
final class BodyPace extends ValveBase {

    /** The problem code of a body given up as too slow (408). */
    public static final String CODE = "UPLOAD_TOO_SLOW";
    private static final String GIVEN_UP = BodyPace.class.getName() + ".givenUp";
    /** The most of a body's end read after its answer: a multipart epilogue is a line end, a JSON body's a space. */
    private static final int LEFTOVER = 8192;

    private final UploadSettings settings;
    private final ObjectMapper json;

    BodyPace(UploadSettings settings, ObjectMapper json) {
        super(true);
        this.settings = settings;
        this.json = json;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        org.apache.coyote.Request coyote = request.getCoyoteRequest();
        InputBuffer current = coyote.getInputBuffer();
        // Tomcat keeps a connection's request object for the next request: never pace a paced input twice
        InputBuffer socket = current instanceof PacedInput paced ? paced.socket() : current;
        PacedInput paced = new PacedInput(socket, settings, why -> request.setAttribute(GIVEN_UP, why));
        coyote.setInputBuffer(paced);
        try {
            getNext().invoke(request, response);
            if (paced.tooSlow() != null) {
                answerTooSlow(request, response, paced.tooSlow());
                coyote.action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            } else if (!request.isAsync() && !coyote.isFinished() && !restReadAtPace(coyote, paced, response)) {
                coyote.action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            }
        } finally {
            if (!request.isAsync()) {
                coyote.setInputBuffer(socket);
            }
        }
    }

    /**
     * Reads the few bytes a reader left of a body it otherwise read (Tomcat's multipart parser stops at the closing
     * delimiter, so the line end after it is left when it comes in a later packet), through the paced input: the
     * connection then stays open for the client's next request. Dropping it instead, once the answer has gone out
     * without "Connection: close", makes a pooling client send its next request into a closed connection and get no
     * answer at all. More than {@link #LEFTOVER} bytes, or a body not read at all (a refusal), is not read here.
     */
    private static boolean restReadAtPace(org.apache.coyote.Request coyote, PacedInput paced, Response response)
            throws IOException {
        long length = coyote.getContentLengthLong();
        long read = coyote.getBytesRead();
        if (read == 0 || (length >= 0 && length - read > LEFTOVER)) {
            return false;
        }
        // the answer is whole: it is finished (a chunked one's last chunk written) and sent before the last bytes are
        // read, so that a client waiting for the answer before it sends them is not kept waiting with the engine (an
        // IOException here, the client gone before its answer went out, goes to Tomcat as it would after this valve)
        response.finishResponse();
        ReadBuffer leftover = new ReadBuffer();
        try {
            for (long rest = 0; rest <= LEFTOVER; ) {
                int n = coyote.doRead(leftover);
                if (n < 0) {
                    return paced.tooSlow() == null && coyote.isFinished();
                }
                rest += n;
            }
        } catch (IOException gone) {
            // the client went away after its answer: the connection is closed, as for any body not read to its end
        }
        return false;
    }

    /**
     * Why the request's body was given up as too slow, or null: its reader only saw the body end early (a multipart
     * body cut short, JSON cut short), and should answer 408 {@link #CODE} with this detail rather than call the body
     * malformed.
     */
    public static @Nullable String givenUp(ServletRequest request) {
        return request.getAttribute(GIVEN_UP) instanceof String why ? why : null;
    }

    private void answerTooSlow(Request request, Response response, String why) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        // whatever else was made of the early end (a malformed multipart body, unreadable JSON) and not yet sent
        response.reset();
        ProblemResponses.write(json, request, response, new ApiProblem(HttpStatus.REQUEST_TIMEOUT, CODE, why)
                .header(HttpHeaders.CONNECTION, "close"));
    }
}
