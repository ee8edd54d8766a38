package dev.refinery.shared;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.ServletContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

import dev.refinery.RefineryApplication;

import static org.assertj.core.api.Assertions.assertThat;

/** Jetty's temporary files stay in one known folder, and what a killed process left there is gone at the next start. */
class JettyFoldersTests {

    @TempDir
    Path temp;

    @Test
    void aStartEmptiesTheFolderAKilledProcessLeftAndASecondProcessTakesAnotherOne() throws Exception {
        var left = Files.createDirectories(temp.resolve("jetty-1/work/jetty-0_0_0_0-8080-any-1234"));
        Files.writeString(left.resolve("upload.tmp"), "half of a 50 MB upload");
        Files.writeString(temp.resolve("jetty-1/.lock"), "");

        try (var first = start(); var second = start()) {
            assertThat(left).as("left by a process that was killed").doesNotExist();
            assertThat(tempDirectory(first)).isEqualTo(temp.resolve("jetty-1/work").toFile());
            assertThat(tempDirectory(second)).as("the first still runs").isEqualTo(temp.resolve("jetty-2/work").toFile());
            assertThat(temp.resolve("jetty-1/work")).as("the second start left the first's folder alone").isDirectory();
        }
        try (var again = start()) {
            assertThat(tempDirectory(again)).as("both ended: the first slot is free again")
                .isEqualTo(temp.resolve("jetty-1/work").toFile());
        }
        try (var entries = Files.list(temp)) {
            assertThat(entries.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("jetty-1", "jetty-2");
        }
    }

    private ServletWebServerApplicationContext start() {
        return (ServletWebServerApplicationContext) new SpringApplicationBuilder(RefineryApplication.class).profiles("test")
            .run("--server.port=0", "--refinery.web.temp-folder=" + temp);
    }

    private static Object tempDirectory(ServletWebServerApplicationContext app) {
        return app.getServletContext().getAttribute(ServletContext.TEMPDIR);
    }
}
