package nl.meerwaarde.web.internal.rest;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;

/**
 * The request-size guard: no request body of the REST API may be larger than {@value #MAX_BYTES} bytes (1 MiB). A
 * larger one is refused with 413 and problem details, whether it declares its length or not, before it is parsed.
 */
final class BodyLimit {
    /** The largest request body accepted, in bytes. */
    static final int MAX_BYTES = 1024 * 1024;

    private BodyLimit() {}

    /** The answer to a body that is too large: 413, written as problem details by the mapper. */
    static WebApplicationException tooLarge() {
        return new WebApplicationException(Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }

    /** Refuses a declared {@code Content-Length} above the limit; a missing or malformed one is left to the stream. */
    static void checkDeclared(String contentLength) {
        if (contentLength == null || contentLength.isBlank()) {
            return;
        }
        try {
            if (Long.parseLong(contentLength.trim()) > MAX_BYTES) {
                throw tooLarge();
            }
        } catch (NumberFormatException e) {
            // the container rejects a malformed length itself; the stream limit still holds
        }
    }

    /** The stream, failing with {@link TooLarge} as soon as more than {@value #MAX_BYTES} bytes are read. */
    static InputStream limited(InputStream in) {
        return new FilterInputStream(in) {
            private long count;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(int n) throws TooLarge {
                count += n;
                if (count > MAX_BYTES) {
                    throw new TooLarge();
                }
            }
        };
    }

    /** Reads the whole body, refusing (413) one above the limit. */
    static byte[] readAll(InputStream in) throws IOException {
        if (in == null) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream limited = limited(in)) {
            limited.transferTo(out);
        } catch (TooLarge e) {
            throw tooLarge();
        }
        return out.toByteArray();
    }

    /** Whether the failure, or one of its causes, is the limit being exceeded. */
    static boolean exceeded(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TooLarge) {
                return true;
            }
        }
        return false;
    }

    /** Thrown by a {@link #limited} stream; an {@link IOException} so that JSON parsers pass it on unwrapped. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("request body larger than " + MAX_BYTES + " bytes");
        }
    }
}
