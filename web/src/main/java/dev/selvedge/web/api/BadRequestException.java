package dev.selvedge.web.api;

/** A request the API refuses because of what the client sent; answered with a 400 problem. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
