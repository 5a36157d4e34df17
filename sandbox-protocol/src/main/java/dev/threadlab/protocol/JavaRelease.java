package dev.threadlab.protocol;

import java.util.Optional;

/**
 * The JDKs the sandbox offers: a run, an example or an exercise names one ({@code "jdk": 21|25}); the program is
 * compiled for it ({@code javac --release}) and runs on it. The image keeps each under {@link #home()}.
 */
public enum JavaRelease {
    JDK_21(21),
    /** The current long-term-support release, and the default. */
    JDK_25(25);

    public static final JavaRelease DEFAULT = JDK_25;

    private final int feature;

    JavaRelease(int feature) {
        this.feature = feature;
    }

    /** The feature version: 21, 25. */
    public int feature() {
        return feature;
    }

    /** The JDK's folder inside the sandbox image (links made by its Dockerfile). */
    public String home() {
        return "/opt/sandbox/jdk/" + feature;
    }

    /** The release with that feature version; an {@link IllegalArgumentException} that names the choices otherwise. */
    public static JavaRelease of(int feature) {
        return find(feature).orElseThrow(
                () -> new IllegalArgumentException("JDK " + feature + " is not offered; choose one of " + choices()));
    }

    /** The release with that feature version, if it is offered. */
    public static Optional<JavaRelease> find(int feature) {
        for (JavaRelease release : values()) {
            if (release.feature == feature) {
                return Optional.of(release);
            }
        }
        return Optional.empty();
    }

    /** The offered feature versions, for messages: "21, 25". */
    public static String choices() {
        StringBuilder choices = new StringBuilder();
        for (JavaRelease release : values()) {
            choices.append(choices.isEmpty() ? "" : ", ").append(release.feature);
        }
        return choices.toString();
    }
}
