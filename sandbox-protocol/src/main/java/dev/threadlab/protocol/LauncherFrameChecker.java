package dev.threadlab.protocol;

/**
 * The server's side of the launcher's stream: each frame must be a known kind, within its count, in the phase where it
 * belongs. Anything else is a {@link ProtocolViolation}: the program may have found a way to write to the stream, and
 * nothing after that point can be trusted.
 */
public final class LauncherFrameChecker {
    private final int[] counts = new int[LauncherFrame.values().length];
    private LaunchPhase phase = LaunchPhase.STARTING;
    private boolean exiting;

    public LauncherFrame check(Frame frame) throws ProtocolViolation {
        LauncherFrame kind = LauncherFrame.of(frame.kind());
        if (kind == null) {
            throw new ProtocolViolation("an unknown frame kind " + (frame.kind() & 0xff));
        }
        if (frame.payload().length > kind.maxPayload()) {
            throw new ProtocolViolation("a " + kind + " frame of " + frame.payload().length + " bytes");
        }
        if (exiting) {
            throw new ProtocolViolation("a " + kind + " frame after " + LauncherFrame.EXITING);
        }
        if (++counts[kind.ordinal()] > kind.maxCount()) {
            throw new ProtocolViolation("more than " + kind.maxCount() + " " + kind + " frames");
        }
        if (kind == LauncherFrame.EXITING) {
            exiting = true;
            return kind;
        }
        phase = phase.after(kind);
        return kind;
    }

    public LaunchPhase phase() {
        return phase;
    }
}
