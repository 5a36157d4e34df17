/** What became of one job: the value it returned, or the exception it threw. One of the two is null. */
public record Outcome(String value, Throwable failure) {
    public static Outcome success(String value) {
        return new Outcome(value, null);
    }

    public static Outcome failure(Throwable failure) {
        return new Outcome(null, failure);
    }

    public boolean failed() {
        return failure != null;
    }
}
