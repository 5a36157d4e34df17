package dev.threadlab.progress;

import jakarta.ws.rs.BadRequestException;

/** A draft that cannot be saved as sent (400, with what to change). */
public class InvalidDraftException extends BadRequestException {
    public InvalidDraftException(String message) {
        super(message);
    }
}
