package dev.threadlab.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.threadlab.protocol.Frame;
import dev.threadlab.protocol.FrameDecoder;
import dev.threadlab.protocol.RunSpec;
import dev.threadlab.protocol.ServerFrame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LauncherStdinTest {

    @Test
    void writesFramesTheLauncherCanRead() throws Exception {
        LauncherStdin stdin = new LauncherStdin();
        RunSpec spec = RunSpec.run("demo.A", 0, List.of("-Xint", "-XX:CompileCommand=exclude,A::*"));
        stdin.sendFile("demo/A.java", "class A {}");
        stdin.sendTestClass("demo.ATest", new byte[] {(byte) 0xca, (byte) 0xfe});
        stdin.sendSpec(spec);
        stdin.sendInput("42\n");
        stdin.closeInput();
        stdin.sendInput("ignored after end of input");
        stdin.close();

        List<Frame> frames = new ArrayList<>();
        FrameDecoder decoder = FrameDecoder.forServerFrames(frames::add);
        byte[] all = stdin.readAllBytes();
        decoder.accept(all, 0, all.length);
        assertEquals(5, frames.size());
        assertEquals(ServerFrame.SOURCE.code(), frames.get(0).kind());
        assertEquals("demo/A.java", frames.get(0).name());
        assertEquals("class A {}", new String(frames.get(0).content(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(ServerFrame.TEST_CLASS.code(), frames.get(1).kind());
        assertEquals(spec, RunSpec.fromJson(frames.get(2).payload()));
        assertEquals("42\n", frames.get(3).text());
        assertEquals(ServerFrame.STDIN_END.code(), frames.get(4).kind());
    }
}
