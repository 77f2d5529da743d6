package o2o.shared.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request body has a size limit before anything reads it: {@code o2o.web.max-body-size} (1 MiB) for JSON and
 * everything else, {@code spring.servlet.multipart.max-request-size} for uploads (multipart forms, a CSV body). A
 * declared {@code Content-Length} over the limit is answered 413 at once, without reading a byte; a body without
 * one (chunked) is read through a stream that fails past the limit, which the problem handling turns into the same
 * 413. Tomcat then drains at most {@code server.tomcat.max-swallow-size} of the rest and closes the connection.
 * Runs before sign-in, so an anonymous caller cannot make the node hold a large body either.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestBodyLimit extends OncePerRequestFilter {

    private final long maxBody;
    private final long maxUpload;
    private final ProblemResponses problems;

    RequestBodyLimit(@Value("${o2o.web.max-body-size:1MB}") DataSize maxBody,
            @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxUpload,
            ProblemResponses problems) {
        this.maxBody = maxBody.toBytes();
        this.maxUpload = maxUpload.toBytes();
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitOf(request);
        if (request.getContentLengthLong() > limit) {
            refuse(request, response, limit);
            return;
        }
        var limited = new LimitedBody(request, limit);
        try {
            chain.doFilter(limited, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (BodyTooLarge.in(e).isEmpty() || response.isCommitted()) throw e;
            response.resetBuffer();
            refuse(request, response, limit);
        }
    }

    private long limitOf(HttpServletRequest request) {
        var type = request.getContentType();
        if (type == null) return maxBody;
        type = type.toLowerCase(Locale.ROOT);
        return type.startsWith("multipart/") || type.startsWith("text/csv") ? maxUpload : maxBody;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        // the rest of the body is not read: tell the client the connection ends with this answer
        response.setHeader("Connection", "close");
        problems.refuse(request, response, BodyTooLarge.problem(limit));
    }

    /** The request whose body stream fails with {@link BodyTooLarge} once more than the limit has been read. */
    private static final class LimitedBody extends HttpServletRequestWrapper {

        private final long limit;
        private @Nullable ServletInputStream stream;

        LimitedBody(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) stream = new Counting(super.getInputStream(), limit);
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            var encoding = getCharacterEncoding();
            var charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) count(n);
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > limit) throw new BodyTooLarge(limit);
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
