package dev.refinery.shared;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A file to download: its name, its media type (UTF-8 text) and its content. */
public record Download(String fileName, String mediaType, String content) {

    public ResponseEntity<String> response() {
        return ResponseEntity.ok()
            .contentType(new MediaType(MediaType.parseMediaType(mediaType), StandardCharsets.UTF_8))
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
            .body(content);
    }
}
