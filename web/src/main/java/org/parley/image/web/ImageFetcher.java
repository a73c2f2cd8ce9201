package org.parley.image.web;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.parley.metrics.RequestTimings;

/**
 * Fetches one remote image for the proxy, as a stranger would: a GET with a fixed {@code User-Agent} and nothing of
 * the reader's (no cookies, no {@code Referer}, no other header), at most {@value #MAX_REDIRECTS} redirects, each
 * checked again; every address the host name resolves to must be a public one ({@link ImageAddresses}), checked
 * before any connection. The address checked is the one connected to: both come from the JVM's name cache, which
 * keeps an answer for 30 seconds. Limits: {@value #CONNECT_SECONDS} s to connect, {@value #TOTAL_SECONDS} s for
 * everything including redirects and the body, and {@code maxBytes}, counted as the body arrives (a longer body is cut
 * off there, a larger {@code Content-Length} refused before it is read). What arrives must start like a PNG, JPEG,
 * GIF or WebP image ({@link ImageTypes}).
 */
final class ImageFetcher {

    static final int MAX_REDIRECTS = 3;
    static final int CONNECT_SECONDS = 3;
    static final int TOTAL_SECONDS = 10;
    static final String USER_AGENT = "Parley-ImageProxy/1.0 (+https://github.com/parley)";
    private static final String ACCEPT = "image/png,image/jpeg,image/gif,image/webp";

    /** An image as fetched: its real type (from its bytes) and its bytes. */
    record Image(String type, byte[] bytes) {}

    private final HttpClient client;
    private final long maxBytes;
    private final boolean allowLoopback;
    private final long totalNanos;

    /**
     * @param executor where the client runs its work (the container's managed executor); null for the client's own
     * @param allowLoopback whether loopback addresses are allowed (tests only: their image server runs on loopback)
     */
    ImageFetcher(Executor executor, long maxBytes, boolean allowLoopback) {
        this(executor, maxBytes, allowLoopback, Duration.ofSeconds(TOTAL_SECONDS));
    }

    ImageFetcher(Executor executor, long maxBytes, boolean allowLoopback, Duration total) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(CONNECT_SECONDS));
        if (executor != null) {
            builder.executor(executor);
        }
        this.client = builder.build();
        this.maxBytes = maxBytes;
        this.allowLoopback = allowLoopback;
        this.totalNanos = total.toNanos();
    }

    /**
     * The image at {@code url} (an absolute http or https URL).
     *
     * @throws ImageFetchException 400 for an address that is not an http(s) URL; 403 for a host that resolves to a
     *     refused address; 404 when the other server has no such image; 502 when it cannot be reached, answers
     *     otherwise or redirects too often; 504 when it is too slow; 413 for an image over the size limit; 415 for
     *     anything but PNG, JPEG, GIF or WebP
     */
    Image fetch(String url) {
        long deadline = System.nanoTime() + totalNanos;
        URI uri = parse(url);
        try (var step = RequestTimings.step(RequestTimings.Kind.FETCH)) {
            for (int hop = 0; ; hop++) {
                checkAddresses(uri);
                HttpResponse<byte[]> response = get(uri, deadline);
                int status = response.statusCode();
                if (status >= 300 && status < 400 && status != 304) {
                    String location = response.headers().firstValue("Location").orElse(null);
                    if (location == null) {
                        throw new ImageFetchException(502, "The image's server redirected nowhere.");
                    }
                    if (hop == MAX_REDIRECTS) {
                        throw new ImageFetchException(502, "The image's server redirected too often.");
                    }
                    uri = parse(resolve(uri, location));
                    continue;
                }
                if (status == 404 || status == 410) {
                    throw new ImageFetchException(404, "The image's server has no such image.");
                }
                if (status != 200) {
                    throw new ImageFetchException(502, "The image's server answered " + status + ".");
                }
                byte[] bytes = response.body();
                String type = ImageTypes.sniff(bytes);
                if (type == null) {
                    throw new ImageFetchException(415, "Not a PNG, JPEG, GIF or WebP image.");
                }
                return new Image(type, bytes);
            }
        }
    }

    /** The URI of an absolute http(s) URL, without its fragment. */
    static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new ImageFetchException(400, "Not a URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null
                || uri.getRawUserInfo() != null) {
            throw new ImageFetchException(400, "Only http and https URLs with a host name are proxied.");
        }
        if (uri.getRawFragment() == null) {
            return uri;
        }
        try {
            return new URI(url.substring(0, url.indexOf('#')));
        } catch (URISyntaxException e) {
            throw new ImageFetchException(400, "Not a URL.");
        }
    }

    private static String resolve(URI base, String location) {
        try {
            return base.resolve(new URI(location.strip())).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new ImageFetchException(502, "The image's server redirected to something that is not a URL.");
        }
    }

    private void checkAddresses(URI uri) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new ImageFetchException(502, "The image's host name is unknown.");
        }
        for (InetAddress address : addresses) {
            if (!ImageAddresses.allowed(address, allowLoopback)) {
                throw new ImageFetchException(403, "The image's host is not on the public internet.");
            }
        }
    }

    private HttpResponse<byte[]> get(URI uri, long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new ImageFetchException(504, "The image's server is too slow.");
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(uri)
                    .GET()
                    .timeout(Duration.ofNanos(left))
                    .header("User-Agent", USER_AGENT)
                    .header("Accept", ACCEPT)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new ImageFetchException(400, "Not a URL the proxy can fetch.");
        }
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, this::body);
        try {
            return future.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ImageFetchException(504, "The image's server is too slow.");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ImageFetchException(504, "Interrupted while fetching the image.");
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        }
    }

    /** What to do with a response's body: read an image's (up to the limit), drop any other's unread. */
    private HttpResponse.BodySubscriber<byte[]> body(HttpResponse.ResponseInfo info) {
        if (info.statusCode() != 200) {
            return new Limited(0, null);
        }
        if (!ImageTypes.acceptableHeader(
                info.headers().firstValue("Content-Type").orElse(null))) {
            return new Limited(0, new ImageFetchException(415, "Not a PNG, JPEG, GIF or WebP image."));
        }
        long length = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (length > maxBytes) {
            return new Limited(0, tooLarge());
        }
        return new Limited(maxBytes, null);
    }

    private ImageFetchException tooLarge() {
        return new ImageFetchException(413, "The image is larger than " + (maxBytes >> 10) + " KB.");
    }

    private static ImageFetchException failure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ImageFetchException e) {
                return e;
            }
            if (t instanceof HttpConnectTimeoutException || t instanceof HttpTimeoutException) {
                return new ImageFetchException(504, "The image's server is too slow.");
            }
            if (t instanceof ConnectException) {
                return new ImageFetchException(502, "The image's server cannot be reached.");
            }
        }
        if (cause instanceof IOException) {
            return new ImageFetchException(502, "The image's server cannot be reached.");
        }
        return new ImageFetchException(502, "The image could not be fetched.");
    }

    /**
     * A body read into memory up to {@code max} bytes: more cancels the exchange (closing the connection) and fails
     * with 413. With {@code max} 0 the body is not read at all: the exchange is cancelled at once and the result is
     * empty, or {@code refusal}.
     */
    private final class Limited implements HttpResponse.BodySubscriber<byte[]> {

        private final long max;
        private final ImageFetchException refusal;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        private Flow.Subscription subscription;

        Limited(long max, ImageFetchException refusal) {
            this.max = max;
            this.refusal = refusal;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (max == 0) {
                s.cancel();
                if (refusal != null) {
                    result.completeExceptionally(refusal);
                } else {
                    result.complete(new byte[0]);
                }
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : buffers) {
                if (out.size() + (long) b.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(tooLarge());
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }
}
