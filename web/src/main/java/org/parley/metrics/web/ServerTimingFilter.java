package org.parley.metrics.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.parley.metrics.RequestTimings;

/**
 * Times the whole request and reports SQL, cache and total time in a W3C {@code Server-Timing} header. A page runs
 * most of its queries while it renders, so the body is held back until the request is done and the header is set
 * before the first byte leaves. Mapped first in web.xml so that it wraps every other filter; only WebSocket upgrades
 * pass straight through. The timings stay on the request (attribute {@link RequestTimings#ATTRIBUTE}) with the body's
 * length, for the access log that wraps this filter. An asynchronous request (a long-poll) gets the header with the time of its first dispatch,
 * and whatever it writes later, from another thread, goes straight to the client.
 */
public class ServerTimingFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String HEADER = "Server-Timing";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (passThrough(request)) {
            chain.doFilter(request, response);
            return;
        }
        RequestTimings timings = RequestTimings.begin();
        request.setAttribute(RequestTimings.ATTRIBUTE, timings);
        BufferedResponse buffered = new BufferedResponse(response, timings);
        try {
            chain.doFilter(request, buffered);
        } finally {
            RequestTimings.end();
        }
        if (request.isAsyncStarted()) {
            buffered.direct();
        } else {
            buffered.finish();
        }
    }

    private static boolean passThrough(HttpServletRequest request) {
        return "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
    }

    /** Holds the body in memory until {@link #finish()}, then sets the timing header and sends it. */
    static final class BufferedResponse extends HttpServletResponseWrapper {
        private final RequestTimings timings;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        /** Where written bytes go: {@link #body} until {@link #direct()}, then the real response. */
        private volatile OutputStream sink = body;

        private volatile boolean direct;
        private ServletOutputStream stream;
        private PrintWriter writer;
        private boolean headerSent;
        private boolean bodyBypassed;

        BufferedResponse(HttpServletResponse response, RequestTimings timings) {
            super(response);
            this.timings = timings;
        }

        private void sendHeader() {
            if (!headerSent && !super.isCommitted()) {
                super.setHeader(HEADER, timings.serverTimingHeader());
            }
            headerSent = true;
        }

        /**
         * For a request that went asynchronous: sends the header and what was written so far, and lets later writes
         * through unbuffered.
         */
        synchronized void direct() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            sendHeader();
            direct = true;
            if (bodyBypassed) {
                return;
            }
            if (body.size() > 0 || stream != null || writer != null) {
                ServletOutputStream out = super.getOutputStream();
                if (body.size() > 0) {
                    body.writeTo(out);
                    out.flush();
                }
                sink = out;
            }
        }

        /** The real stream, once {@link #direct()} has handed over. */
        private ServletOutputStream real() throws IOException {
            ServletOutputStream out = super.getOutputStream();
            sink = out;
            return out;
        }

        void finish() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            sendHeader();
            if (!bodyBypassed && body.size() > 0) {
                timings.sent(body.size());
                super.setContentLength(body.size());
                ServletOutputStream out = super.getOutputStream();
                body.writeTo(out);
                out.flush();
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (writer != null) {
                throw new IllegalStateException("getWriter() has already been called");
            }
            if (stream == null && direct) {
                // Written later by another thread (an asynchronous request resumed): the real stream, whose
                // non-blocking
                // mode (setWriteListener) RESTEasy may use.
                return real();
            }
            if (stream == null) {
                stream = sinkStream();
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (stream != null) {
                throw new IllegalStateException("getOutputStream() has already been called");
            }
            if (writer == null && direct && sink == body) {
                return super.getWriter();
            }
            if (writer == null) {
                Charset charset;
                try {
                    charset = Charset.forName(getCharacterEncoding());
                } catch (RuntimeException e) {
                    charset = StandardCharsets.UTF_8;
                }
                writer = new PrintWriter(new OutputStreamWriter(sinkStream(), charset));
            }
            return writer;
        }

        /** A stream into the sink: the buffer, or once direct the real response (for getOutputStream and getWriter). */
        private ServletOutputStream sinkStream() {
            return new ServletOutputStream() {
                @Override
                public void write(int b) throws IOException {
                    sink.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    sink.write(b, off, len);
                }

                @Override
                public void flush() throws IOException {
                    if (direct) {
                        sink.flush();
                    }
                }

                @Override
                public boolean isReady() {
                    return !direct || !(sink instanceof ServletOutputStream out) || out.isReady();
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    if (!direct) {
                        throw new UnsupportedOperationException("Non-blocking output is not buffered");
                    }
                    try {
                        real().setWriteListener(listener);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
        }

        @Override
        public void flushBuffer() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            if (direct) {
                super.flushBuffer();
            }
        }

        @Override
        public boolean isCommitted() {
            return headerSent || super.isCommitted();
        }

        @Override
        public void resetBuffer() {
            body.reset();
            super.resetBuffer();
        }

        @Override
        public void reset() {
            body.reset();
            super.reset();
        }

        @Override
        public void setContentLength(int len) {
            // The real length is known only once the body is complete; see finish().
            if (direct) {
                super.setContentLength(len);
            }
        }

        @Override
        public void setContentLengthLong(long len) {
            // As setContentLength.
            if (direct) {
                super.setContentLengthLong(len);
            }
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            sendHeader();
            bodyBypassed = true;
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            sendHeader();
            bodyBypassed = true;
            super.sendError(sc);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            sendHeader();
            bodyBypassed = true;
            super.sendRedirect(location);
        }
    }
}
