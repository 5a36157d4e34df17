package dev.threadlab.run;

import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Runs by id: all active ones, and the most recent finished ones up to the configured number. */
@Singleton
public class RunRegistry {
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final Deque<String> finishedOrder = new ArrayDeque<>();
    private final int retained;

    RunRegistry(RunConfig config) {
        this.retained = config.retainedRuns();
    }

    void add(Run run) {
        runs.put(run.id(), run);
    }

    Optional<Run> find(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    List<Run> active() {
        return runs.values().stream().filter(run -> !run.status().isFinal()).toList();
    }

    void ended(Run run) {
        synchronized (finishedOrder) {
            finishedOrder.addLast(run.id());
            while (finishedOrder.size() > retained) {
                runs.remove(finishedOrder.removeFirst());
            }
        }
    }
}
