package dev.threadlab.sandbox;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Ulimit;
import java.util.List;
import java.util.Map;

/** The container limits and isolation for one run, from {@link SandboxConfig} and the program's own limits. */
final class HardenedHostConfig {
    /** The container starts as root, with only the capabilities to switch uids (see sandbox-image/Dockerfile). */
    static final String CONTAINER_USER = "0:0";
    /** The uid of the learner's processes in the image. */
    static final int LEARNER_UID = 10001;

    private HardenedHostConfig() {
    }

    static HostConfig from(SandboxConfig config, ProgramLimits overrides) {
        SandboxConfig.Limits limits = config.limits();
        SandboxConfig.Hardening hardening = config.hardening();
        long memory = overrides.memoryBytes(config);
        String size = ",size=" + limits.workDir().asLongValue();
        // noexec: the learner's code cannot load a native library it wrote (JNI could read any memory of its JVM).
        // /work belongs to the learner, and its group (which the launcher is in, to write sources and classes there);
        // /tmp is shared like any /tmp, with the sticky bit, so neither uid can remove the other's sockets and files.
        String workOptions = "rw,nosuid,nodev,noexec" + size + ",uid=" + LEARNER_UID + ",gid=" + LEARNER_UID + ",mode=0770";
        String tmpOptions = "rw,nosuid,nodev,noexec" + size + ",mode=1777";
        HostConfig host = limited(memory, limits.pids(), Map.of("/work", workOptions, "/tmp", tmpOptions),
                limits.openFiles(), limits.fileSize().asLongValue())
                .withReadonlyRootfs(hardening.readOnlyRootFilesystem());
        Double cpus = overrides.cpus(config);
        if (cpus != null) {
            host.withNanoCPUs((long) (cpus * 1_000_000_000L));
        }
        if (hardening.networkDisabled()) {
            host.withNetworkMode("none");
        }
        if (hardening.dropAllCapabilities()) {
            host.withCapDrop(Capability.ALL);
        }
        // What a container keeps: the image's entry point and the launcher switch uids with SETUID/SETGID (from root
        // to the launcher, from the launcher to the learner), and the container's init (root) needs KILL to pass the
        // engine's stop signal on to the launcher, which runs under another uid. The launcher keeps only the first
        // two, and the learner's processes start with no capability at all (see SECURITY.md).
        host.withCapAdd(Capability.SETUID, Capability.SETGID, Capability.KILL);
        hardening.runtime().ifPresent(host::withRuntime);
        if (hardening.noNewPrivileges()) {
            host.withSecurityOpts(List.of("no-new-privileges"));
        }
        return host;
    }

    /**
     * The compile service's container ({@link CompileService}): locked down whatever the hardening switches say, with
     * no capability at all (it starts directly as the launcher's uid), a small noexec /tmp and limits of its own. It
     * starts at the lowest CPU weight, as a pooled container waits: its warm-up takes about 2 s of CPU.
     */
    static HostConfig forCompileService(SandboxConfig config) {
        HostConfig host = limited(config.compiler().memory().asLongValue(), 128,
                Map.of("/tmp", "rw,nosuid,nodev,noexec,size=64m,mode=1777"), 1024, 32L << 20)
                .withCpuShares(WarmPool.WAITING_CPU_SHARES)
                .withReadonlyRootfs(true)
                .withNetworkMode("none")
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges"));
        config.hardening().runtime().ifPresent(host::withRuntime);
        return host;
    }

    /** What every sandbox container gets: tini, memory equal to memory+swap, pids, tmpfs mounts, ulimits, no log. */
    private static HostConfig limited(long memory, long pids, Map<String, String> tmpfs, long openFiles, long fileSize) {
        return HostConfig.newHostConfig()
                // tini as PID 1 reaps zombies and forwards signals.
                .withInit(true)
                .withMemory(memory)
                .withMemorySwap(memory)
                .withPidsLimit(pids)
                .withTmpFs(tmpfs)
                .withUlimits(List.of(new Ulimit("nofile", openFiles, openFiles), new Ulimit("fsize", fileSize, fileSize)))
                // Output travels over the attach stream; a json-file log would copy floods onto the host disk.
                .withLogConfig(new LogConfig(LogConfig.LoggingType.NONE));
    }
}
