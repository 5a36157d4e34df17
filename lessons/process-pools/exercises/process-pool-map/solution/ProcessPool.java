import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A fixed number of worker processes. Each worker is a child JVM running Main.serveTasks(). */
class ProcessPool implements AutoCloseable {
    private final List<WorkerProcess> workers = new ArrayList<>();

    ProcessPool(int size) throws IOException {
        for (int i = 0; i < size; i++) {
            workers.add(WorkerProcess.start());    // all JVMs start at the same time...
        }

        for (WorkerProcess worker : workers) {
            worker.awaitReady();                   // ...then wait until each one is up
        }
    }

    /** Runs every task on the pool's workers and returns the answers in task order. */
    List<Integer> map(List<Integer> tasks) throws IOException {
        for (int i = 0; i < tasks.size(); i++) {
            workers.get(i % workers.size()).send(tasks.get(i));        // hand out every task first, in turn
        }
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            answers.add(workers.get(i % workers.size()).receive());    // then collect, in the same order
        }
        return answers;
    }

    /** Ends every worker: closing its input ends its loop, and waitFor() waits until its JVM has exited. */
    @Override
    public void close() throws InterruptedException {
        for (WorkerProcess worker : workers) {
            worker.close();
        }
    }
}

/** The parent's side of one worker process. You do not need to change this class. */
class WorkerProcess {
    private final Process process;
    private final PrintWriter toWorker;
    private final BufferedReader fromWorker;

    private WorkerProcess(Process process) {
        this.process = process;
        this.toWorker = new PrintWriter(process.getOutputStream(), true);
        this.fromWorker = new BufferedReader(new InputStreamReader(process.getInputStream()));
    }

    /** Starts a child JVM running `Main worker`. Returns at once, while that JVM is still starting. */
    static WorkerProcess start() throws IOException {
        String java = System.getProperty("java.home") + "/bin/java";
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "Main", "worker")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        return new WorkerProcess(process);
    }

    /** Waits until the worker has started and printed "ready". */
    void awaitReady() throws IOException {
        String line = fromWorker.readLine();
        if (!"ready".equals(line)) {
            throw new IOException("worker " + process.pid() + " did not start: " + line);
        }
    }

    /** Sends one task to the worker. Returns at once: the task waits in the pipe until the worker reads it. */
    void send(int task) {
        toWorker.println(task);
    }

    /** Waits for the worker's next answer. A worker answers its tasks in the order it got them. */
    int receive() throws IOException {
        String line = fromWorker.readLine();
        if (line == null) {
            throw new IOException("worker " + process.pid() + " ended without an answer");
        }
        return Integer.parseInt(line.trim());
    }

    /** Closes the worker's input, so its loop ends, and waits until its JVM has exited. */
    void close() throws InterruptedException {
        toWorker.close();
        process.waitFor();
    }
}
