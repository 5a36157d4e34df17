package dev.threadlab.protocol;

/**
 * Where a run is, as the launcher's frames tell it: {@code STARTING → COMPILING → (COMPILE_FAILED | RUNNING)}. A frame is
 * accepted only in the phase where it belongs; {@link #after} says what comes next or rejects the frame.
 */
public enum LaunchPhase {
    STARTING, COMPILING, COMPILE_FAILED, RUNNING;

    /** The phase after {@code frame} arrived in this one. */
    public LaunchPhase after(LauncherFrame frame) throws ProtocolViolation {
        if (frame == LauncherFrame.STOPPED_FROM_OUTSIDE) {
            return this; // the engine may stop a container at any point
        }
        LaunchPhase next = switch (this) {
            case STARTING -> frame == LauncherFrame.COMPILING ? COMPILING : null;
            case COMPILING -> switch (frame) {
                case DIAGNOSTIC -> COMPILING;
                case COMPILE_FAILED -> COMPILE_FAILED;
                case RUNNING -> RUNNING;
                default -> null;
            };
            case RUNNING -> LauncherFrame.WHILE_RUNNING.contains(frame) ? RUNNING : null;
            case COMPILE_FAILED -> null;
        };
        if (next == null) {
            throw new ProtocolViolation("a " + frame + " frame while " + this);
        }
        return next;
    }
}
