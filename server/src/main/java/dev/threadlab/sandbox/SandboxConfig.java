package dev.threadlab.sandbox;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How learner programs are isolated and limited. Every hardening switch is on by default. */
@ConfigMapping(prefix = "threadlab.sandbox")
public interface SandboxConfig {

    Image image();

    Limits limits();

    Hardening hardening();

    Pool pool();

    Compiler compiler();

    /** Docker engine to use instead of DOCKER_HOST / the default socket, e.g. tcp://127.0.0.1:2375. */
    Optional<String> dockerHost();

    /** Label put on every sandbox container, so that leftovers can be found and removed. */
    @WithDefault("dev.threadlab.sandbox")
    String label();

    interface Image {
        /** Repository part of the image name; the tag is a hash of the build context. */
        @WithDefault("threadlab-sandbox")
        String name();

        /** Folder with the Dockerfile and build.sh. */
        @WithDefault("sandbox-image")
        String context();

        /** Build the image at start when it is missing. */
        @WithDefault("true")
        boolean buildIfMissing();

        @WithDefault("15m")
        Duration buildTimeout();
    }

    interface Limits {
        /** Wall-clock time the program may run, counted from its start (compilation excluded). */
        @WithDefault("10s")
        Duration wallTime();

        @WithDefault("30s")
        Duration compileTime();

        /** Memory of the whole container; swap is set equal so nothing is swapped out. */
        @WithDefault("1G")
        MemorySize memory();

        /** High enough for 100 threads or a dozen child JVMs (an idle JVM has about 19 threads). */
        @WithDefault("1024")
        long pids();

        /** CPUs the container may use; empty means all CPUs of the host, so parallel speed-ups show. */
        Optional<Double> cpus();

        /** Combined stdout and stderr of a run; past it the run is stopped with OUTPUT_LIMIT. */
        @WithDefault("1M")
        MemorySize output();

        /** Size of the tmpfs work directory (and, separately, of /tmp). */
        @WithDefault("64M")
        MemorySize workDir();

        @WithDefault("1024")
        long openFiles();

        /** Largest file a program may write. */
        @WithDefault("32M")
        MemorySize fileSize();
    }

    /** Containers started ahead of demand, each still used by one run only (see {@link WarmPool}). */
    interface Pool {
        @WithDefault("true")
        boolean enabled();

        /** Started containers kept waiting; empty means one per CPU plus one. Never more than memory allows. */
        Optional<Integer> size();

        /** A container that waited this long is replaced; the reaper gives pooled containers this much longer. */
        @WithDefault("5m")
        Duration maxIdle();

        /**
         * What one waiting container holds in memory (its launcher JVM after the warm-up), to size the pool to the host's
         * free memory. Measured: 43 MB.
         */
        @WithDefault("64M")
        MemorySize memoryPerContainer();

        /** Containers started at once while refilling; each start costs the engine and the launcher CPU. */
        @WithDefault("2")
        int refillConcurrency();
    }

    /** The compile service: one long-lived, locked-down container whose warm compiler serves every run (see {@link CompileService}). */
    interface Compiler {
        /** Off: every run compiles in its own container, as the pool's launchers then warm their compilers. */
        @WithDefault("true")
        boolean enabled();

        /** A request not answered within this is given up: the service is restarted and the run compiles itself. */
        @WithDefault("10s")
        Duration timeout();

        /** Memory of the service's container (its JVM's heap is a half of it). */
        @WithDefault("512M")
        MemorySize memory();
    }

    interface Hardening {
        @WithDefault("true")
        boolean networkDisabled();

        @WithDefault("true")
        boolean dropAllCapabilities();

        @WithDefault("true")
        boolean noNewPrivileges();

        @WithDefault("true")
        boolean readOnlyRootFilesystem();

        /**
         * OCI runtime for sandbox containers, e.g. {@code runsc} (gVisor) when the engine has it registered; empty
         * means the engine's default (runc). See SECURITY.md.
         */
        Optional<String> runtime();
    }
}
