package dev.threadlab.run;

import dev.threadlab.message.Message;
/** Counts open run sockets per run and per address, and refuses one beyond either limit. */
final class SocketQuota {
    private final int perRun;
    private final int perAddress;
    private final PairedLimits open = new PairedLimits();

    SocketQuota(int perRun, int perAddress) {
        this.perRun = perRun;
        this.perAddress = perAddress;
    }

    /** Why the socket is refused, or null when it is counted as open (then {@link #release} it once). */
    Message open(String runId, String address) {
        return switch (open.take("run " + runId, perRun, "address " + address, perAddress)) {
            case FIRST -> Message.of("socket.tooManyWatchers", "max", perRun);
            case SECOND -> Message.of("socket.tooManyFromAddress", "max", perAddress);
            case NEITHER -> null;
        };
    }

    void release(String runId, String address) {
        open.give("run " + runId, "address " + address);
    }
}
