package dev.threadlab.run;

/**
 * Who asked for a run: the learner (their cookie id, or their address when they have none) and the network address.
 * The queue takes turns between learners; limits apply to both, so dropping the cookie gains nothing.
 */
public record RunClient(String learner, String address) {

    public static RunClient of(String learnerId, String address) {
        String where = address == null || address.isBlank() ? "unknown" : address;
        return new RunClient(learnerId == null ? "address:" + where : "learner:" + learnerId, where);
    }
}
