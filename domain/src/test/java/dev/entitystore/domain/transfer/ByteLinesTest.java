package dev.entitystore.domain.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ByteLinesTest {
    private static List<String> lines(InputStream in) throws IOException {
        ByteLines lines = new ByteLines(in);
        List<String> read = new ArrayList<>();
        while (lines.next()) {
            read.add(new String(lines.bytes(), 0, lines.length(), StandardCharsets.UTF_8) + (lines.isBlank() ? "<blank>" : ""));
        }
        return read;
    }

    private static List<String> lines(String text) throws IOException {
        return lines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void endsOfLineAreLeftOffAndALastLineNeedsNoNewline() throws IOException {
        assertThat(lines("a\r\nbé\n\n \t\nlast")).containsExactly("a", "bé", "<blank>", " \t<blank>", "last");
        assertThat(lines("one\n")).containsExactly("one");
        assertThat(lines("")).isEmpty();
    }

    @Test
    void aLineLongerThanTheBufferAndLinesAcrossReadsComeWhole() throws IOException {
        String longLine = "x".repeat(200_000);
        String text = "short\n" + longLine + "\r\n" + "y".repeat(65_535) + "\nz\n";
        assertThat(lines(text)).containsExactly("short", longLine, "y".repeat(65_535), "z");
        // A stream that hands over a byte at a time cuts every line across reads.
        InputStream trickle = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        assertThat(lines(trickle)).containsExactly("short", longLine, "y".repeat(65_535), "z");
    }
}
