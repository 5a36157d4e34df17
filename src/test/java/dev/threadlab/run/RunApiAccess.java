package dev.threadlab.run;

import java.util.Map;

/** Lets tests of other packages run programs through the API. */
public final class RunApiAccess {

    private RunApiAccess() {
    }

    public static Map<String, Object> run(String mainSource) {
        return RunApi.run(mainSource);
    }
}
