package org.dotchain.hub.platform;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/**
 * A request body sent without its length (chunked), read no further than the limit: past it, reading fails with
 * {@link TooLarge}, which the API answers with 413.
 */
final class BoundedBody extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream bounded;

    BoundedBody(HttpServletRequest request, long limit) {
        super(request);
        this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (bounded == null) {
            ServletInputStream body = super.getInputStream();
            bounded = new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int next = body.read();
                    count(next < 0 ? 0 : 1);
                    return next;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int got = body.read(buffer, offset, length);
                    count(Math.max(got, 0));
                    return got;
                }

                private void count(int bytes) throws TooLarge {
                    read += bytes;
                    if (read > limit) {
                        throw new TooLarge(limit);
                    }
                }

                @Override
                public boolean isFinished() {
                    return body.isFinished();
                }

                @Override
                public boolean isReady() {
                    return body.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    body.setReadListener(listener);
                }
            };
        }
        return bounded;
    }

    /** The body went past the limit. */
    static final class TooLarge extends IOException {

        TooLarge(long limit) {
            super("The request body is larger than " + limit + " bytes");
        }
    }
}
