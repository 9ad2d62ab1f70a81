package org.dotchain.hub.platform;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * A partner's REST message, read whole before anything else reads it, so that one that is not UTF-8 is refused in
 * words rather than failing in the middle of the route; then given again, byte for byte, to what reads it.
 */
final class ReadBody extends HttpServletRequestWrapper {

    private final byte[] body;

    private ReadBody(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    /**
     * The request with its body read, no more than the limit and one byte; null when it is not UTF-8 text. One
     * past the limit is not decoded (it may end inside a character): the partner's gate refuses it for its size.
     */
    static ReadBody of(HttpServletRequest request, long limit) throws IOException {
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (body.length > limit) {
            return new ReadBody(request, body);
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
        return new ReadBody(request, body);
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream bytes = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return bytes.read(buffer, offset, length);
            }

            @Override
            public boolean isFinished() {
                return bytes.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new IllegalStateException("The body is read already");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
}
