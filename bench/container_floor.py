#!/usr/bin/env python3
"""What one fresh container per run costs on this machine, with nothing of ThreadLab in the way.

Usage: python3 bench/container_floor.py <image> [runs] [concurrency]

Prints a Markdown table (docs/benchmarks/floor.md explains it):
  1. Engine floor: create, start, wait and remove containers through the engine's API on its UNIX socket, with one
     persistent client per worker (as the server's docker-java does), `concurrency` at a time: runs/s and CPU per
     run of the whole host (engine, containerd, shims, runc and the container), for a container that runs `true` and
     one that runs a precompiled hello world in `java` (class-data sharing on, C1 only).
  2. JVM cost inside one container: CPU per hello world of `java` plain, through the tracer's main class with
     tracing off, and traced (the tracer's in-JVM thread reporting to a socket that a small hub drains), 20 JVMs each,
     from the shell's accounting of its waited children.
"""
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time

HELLO = 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n'
HUB = '''import java.net.*; import java.nio.*; import java.nio.channels.*; import java.nio.file.*;
public class Hub { public static void main(String[] a) throws Exception {
  Path p = Path.of(a[0]); Files.deleteIfExists(p);
  ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX); s.bind(UnixDomainSocketAddress.of(p));
  while (true) { SocketChannel c = s.accept(); Thread t = new Thread(() -> { ByteBuffer b = ByteBuffer.allocate(65536);
    try { while (c.read(b) >= 0) b.clear(); } catch (Exception e) { } }); t.setDaemon(true); t.start(); } } }
'''
PROGRAM_CDS = ("-XX:SharedArchiveFile=/opt/sandbox/program.jsa -Xshare:auto -Xlog:cds=off,cds+dynamic=off "
               "-cp /opt/sandbox/lib/tracer/threadlab-tracer.jar:/w dev.threadlab.tracer.ThreadlabMain Hello")
JVM_SCRIPT = '''
N=20
case "$1" in
  plain) ARGS="-cp /w Hello" ;;
  tracer-off) ARGS="%(cds)s" ;;
  traced) java -XX:TieredStopAtLevel=1 /w/Hub.java /tmp/hub.sock & sleep 4
          export THREADLAB_TRACE_SOCKET=/tmp/hub.sock THREADLAB_TRACE_HZ=500
          ARGS="-XX:+StartAttachListener %(cds)s" ;;
esac
s=$(date +%%s%%N); i=0
while [ $i -lt $N ]; do java $ARGS > /dev/null; i=$((i+1)); done
e=$(date +%%s%%N)
set -- $(cut -d' ' -f16,17 /proc/$$/stat)
echo "$(( (e-s)/N/1000000 )) $(( ($1+$2)*10/N ))"
''' % {"cds": PROGRAM_CDS}


class UnixConnection(http.client.HTTPConnection):
    def __init__(self):
        super().__init__("localhost")

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX)
        self.sock.connect("/var/run/docker.sock")


def call(connection, method, path, body=None):
    connection.request(method, path, body=json.dumps(body) if body is not None else None,
                       headers={"Content-Type": "application/json"})
    response = connection.getresponse()
    data = response.read()
    if response.status >= 300:
        raise RuntimeError(f"{method} {path}: {response.status} {data[:200]!r}")
    return json.loads(data) if data else None


def host_busy_ticks():
    values = list(map(int, open("/proc/stat").readline().split()[1:]))
    return sum(values) - values[3] - values[4]


def one_container(connection, image, command, folder):
    config = {"Image": image, "Entrypoint": command[:1], "Cmd": command[1:], "NetworkDisabled": True,
              "HostConfig": {"NetworkMode": "none", "Binds": [folder + ":/w:ro"], "Memory": 512 << 20,
                             "PidsLimit": 256, "Init": True}}
    container = call(connection, "POST", "/containers/create", config)["Id"]
    call(connection, "POST", f"/containers/{container}/start")
    call(connection, "POST", f"/containers/{container}/wait")
    call(connection, "DELETE", f"/containers/{container}?force=1")


def engine_floor(image, command, folder, runs, concurrency):
    one_container(UnixConnection(), image, command, folder)  # the first start pays for the image's layers
    left = [runs]
    lock = threading.Lock()

    def worker():
        connection = UnixConnection()
        while True:
            with lock:
                if left[0] == 0:
                    return
                left[0] -= 1
            one_container(connection, image, command, folder)

    busy, start = host_busy_ticks(), time.time()
    workers = [threading.Thread(target=worker) for _ in range(concurrency)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    elapsed, busy = time.time() - start, host_busy_ticks() - busy
    return runs / elapsed, busy / os.sysconf("SC_CLK_TCK") / runs * 1000


def jvm_cost(image, folder, mode):
    out = subprocess.run(["docker", "run", "--rm", "--network", "none", "-v", folder + ":/w:ro",
                          "--tmpfs", "/tmp:rw,mode=1777", "--entrypoint", "sh", image, "-c", JVM_SCRIPT, "sh", mode],
                         check=True, capture_output=True, text=True).stdout.split()
    return int(out[0]), int(out[1])


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    image = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 60
    concurrency = int(sys.argv[3]) if len(sys.argv) > 3 else 4
    folder = tempfile.mkdtemp(prefix="threadlab-floor-")
    try:
        with open(os.path.join(folder, "Hello.java"), "w") as f:
            f.write(HELLO)
        with open(os.path.join(folder, "Hub.java"), "w") as f:
            f.write(HUB)
        subprocess.run(["docker", "run", "--rm", "-v", folder + ":/w", "--entrypoint", "javac", image,
                        "-d", "/w", "/w/Hello.java"], check=True)
        print(f"Image `{image}`, {os.cpu_count()} CPUs, {runs} containers per row, {concurrency} at a time.\n")
        print("| Container per run | runs/s | host CPU per run |")
        print("|---|---|---|")
        for name, command in [("`true`", ["/bin/true"]),
                              ("`java Hello` (CDS, C1 only)", ["java", "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                                                               "-cp", "/w", "Hello"])]:
            rate, cpu = engine_floor(image, command, folder, runs, concurrency)
            print(f"| {name} | {rate:.1f} | {cpu:.0f} ms |")
        print("\n| One hello world JVM inside a container | wall per JVM | CPU per JVM |")
        print("|---|---|---|")
        for mode, name in [("plain", "`java -cp /w Hello`"), ("tracer-off", "tracer's main class, tracing off"),
                           ("traced", "traced (tracer thread, attach listener, 500 Hz)")]:
            wall, cpu = jvm_cost(image, folder, mode)
            print(f"| {name} | {wall} ms | {cpu} ms |")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
