package dev.refinery.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;

import org.eclipse.jetty.server.handler.ContextHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Jetty's temporary folders (uploads being received, its work files, its document root) in one known place,
 * {@code refinery.web.temp-folder}, instead of new {@code jetty-*} folders in the system's temporary folder at each
 * start, which a killed process leaves behind for ever. Each running process holds a lock on a slot
 * ({@code jetty-1}, {@code jetty-2}, ...): the operating system releases it when the process ends, however it ends,
 * so a slot nobody holds is emptied and taken by the next start, and a slot of a process still running is never
 * touched. An empty {@code refinery.web.temp-folder} leaves Jetty's defaults.
 */
@Component
class JettyFolders implements WebServerFactoryCustomizer<JettyServletWebServerFactory>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JettyFolders.class);

    private final String folder;
    private FileChannel lockFile;
    private FileLock lock;

    JettyFolders(@Value("${refinery.web.temp-folder:}") String folder) {
        this.folder = folder;
    }

    @Override
    public void customize(JettyServletWebServerFactory factory) {
        if (folder.isBlank()) {
            return;
        }
        var slot = take(Path.of(folder).toAbsolutePath().normalize());
        var work = slot.resolve("work");
        var documents = slot.resolve("documents");
        try {
            Files.createDirectories(work);
            Files.createDirectories(documents);
        }
        catch (IOException unwritable) {
            throw new UncheckedIOException("Cannot create Jetty's folders in " + slot, unwritable);
        }
        factory.setDocumentRoot(documents.toFile());
        factory.addServerCustomizers(server -> server.getDescendant(ContextHandler.class).setTempDirectory(work.toFile()));
        log.info("Jetty's temporary files are in {}", slot);
    }

    /** The first slot that no running process holds, emptied of what a process that ended left in it. */
    private Path take(Path base) {
        for (var number = 1; ; number++) {
            var slot = base.resolve("jetty-" + number);
            try {
                Files.createDirectories(slot);
                var channel = FileChannel.open(slot.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held;
                try {
                    held = channel.tryLock();
                }
                catch (OverlappingFileLockException heldHere) {
                    held = null;
                }
                if (held == null) {
                    channel.close();
                    continue;
                }
                lockFile = channel;
                lock = held;
                empty(slot);
                return slot;
            }
            catch (IOException unwritable) {
                throw new UncheckedIOException("Cannot take a folder for Jetty in " + base, unwritable);
            }
        }
    }

    private static void empty(Path slot) throws IOException {
        try (var left = Files.list(slot)) {
            for (var path : left.filter(path -> !path.getFileName().toString().equals(".lock")).toList()) {
                try (var tree = Files.walk(path)) {
                    for (var file : tree.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
    }

    /** Runs after the web server stopped: the slot is free for the next start. */
    @Override
    public void destroy() throws IOException {
        if (lock != null) {
            lock.release();
            lockFile.close();
        }
    }
}
