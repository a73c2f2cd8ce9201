package org.parley.image.web;

/** Why the proxy serves no image: the HTTP status it answers with, and a sentence for the response body and logs. */
final class ImageFetchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    ImageFetchException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
