package dev.refinery.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The sample files of other tools under src/test/resources/exchange, as the import page receives them: decoded as UTF-8. */
final class SampleFiles {

    private SampleFiles() {
    }

    static String text(String name) {
        try (var in = SampleFiles.class.getResourceAsStream("/exchange/" + name)) {
            if (in == null) {
                throw new IllegalStateException("No sample file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
