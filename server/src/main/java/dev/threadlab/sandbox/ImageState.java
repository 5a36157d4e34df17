package dev.threadlab.sandbox;

/** Whether runs can start: the Docker engine answers and the runner image is there. */
public record ImageState(Status status, String tag, String reason) {

    public enum Status { CHECKING, BUILDING, READY, UNAVAILABLE }

    public boolean ready() {
        return status == Status.READY;
    }

    static ImageState checking(String tag) {
        return new ImageState(Status.CHECKING, tag, "checking the Docker engine and the sandbox image");
    }
}
