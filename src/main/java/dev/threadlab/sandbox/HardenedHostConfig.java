package dev.threadlab.sandbox;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Ulimit;
import java.util.List;
import java.util.Map;

/** The container limits and isolation for one run, from {@link SandboxConfig} and the program's own limits. */
final class HardenedHostConfig {

    private HardenedHostConfig() {
    }

    static HostConfig from(SandboxConfig config, ProgramLimits overrides) {
        SandboxConfig.Limits limits = config.limits();
        SandboxConfig.Hardening hardening = config.hardening();
        long memory = overrides.memoryBytes(config);
        String tmpfsOptions = "rw,nosuid,nodev,size=" + limits.workDir().asLongValue() + ",uid=" + uid(hardening)
                + ",gid=" + gid(hardening) + ",mode=0700";
        HostConfig host = HostConfig.newHostConfig()
                // tini as PID 1 reaps zombies and forwards signals.
                .withInit(true)
                .withMemory(memory)
                .withMemorySwap(memory)
                .withPidsLimit(limits.pids())
                .withTmpFs(Map.of("/work", tmpfsOptions, "/tmp", tmpfsOptions))
                .withUlimits(List.of(
                        new Ulimit("nofile", limits.openFiles(), limits.openFiles()),
                        new Ulimit("fsize", limits.fileSize().asLongValue(), limits.fileSize().asLongValue())))
                // Output travels over the attach stream; a json-file log would copy floods onto the host disk.
                .withLogConfig(new LogConfig(LogConfig.LoggingType.NONE))
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
        hardening.runtime().ifPresent(host::withRuntime);
        if (hardening.noNewPrivileges()) {
            host.withSecurityOpts(List.of("no-new-privileges"));
        }
        return host;
    }

    private static String uid(SandboxConfig.Hardening hardening) {
        return hardening.user().split(":")[0];
    }

    private static String gid(SandboxConfig.Hardening hardening) {
        String[] parts = hardening.user().split(":");
        return parts.length > 1 ? parts[1] : parts[0];
    }
}
