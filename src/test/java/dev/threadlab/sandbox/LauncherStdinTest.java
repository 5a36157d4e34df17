package dev.threadlab.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.DataInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LauncherStdinTest {

    @Test
    void writesFramesTheLauncherCanRead() throws Exception {
        LauncherStdin stdin = new LauncherStdin();
        stdin.sendFile("demo/A.java", "class A {}");
        stdin.sendRun("demo.A", 0, java.util.List.of("-Xint", "-XX:CompileCommand=exclude,A::*"));
        stdin.sendInput("42\n");
        stdin.closeInput();
        stdin.sendInput("ignored after end of input");
        stdin.close();

        DataInputStream in = new DataInputStream(stdin);
        assertEquals('F', in.read());
        byte[] file = new byte[in.readInt()];
        in.readFully(file);
        assertEquals("demo/A.java\0class A {}", new String(file, StandardCharsets.UTF_8));
        assertEquals('R', in.read());
        byte[] run = new byte[in.readInt()];
        in.readFully(run);
        assertEquals("demo.A\0trace=off\0-Xint\0-XX:CompileCommand=exclude,A::*", new String(run, StandardCharsets.UTF_8));
        assertEquals('I', in.read());
        byte[] input = new byte[in.readInt()];
        in.readFully(input);
        assertEquals("42\n", new String(input, StandardCharsets.UTF_8));
        assertEquals('E', in.read());
        assertEquals(0, in.readInt());
        assertEquals(-1, in.read());
    }
}
