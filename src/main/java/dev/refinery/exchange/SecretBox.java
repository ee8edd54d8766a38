package dev.refinery.exchange;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals credentials for the database with AES-256-GCM under a key the administrator gives
 * ({@code REFINERY_SECRET_KEY}, any long random text: its SHA-256 is the key). A sealed value is "v1:" then base64 of
 * the 12-byte nonce and the ciphertext with its tag, so that a changed or foreign value is refused, never misread.
 * Without a key nothing is sealed and nothing opened.
 */
@Component
class SecretBox {

    private static final String PREFIX = "v1:";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    SecretBox(@Value("${refinery.secret-key:}") String secret) {
        this.key = secret == null || secret.isBlank() ? null : new SecretKeySpec(sha256(secret.strip()), "AES");
    }

    boolean ready() {
        return key != null;
    }

    String seal(String plain) {
        requireKey();
        try {
            var nonce = new byte[NONCE];
            random.nextBytes(nonce);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            var sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            var all = new byte[NONCE + sealed.length];
            System.arraycopy(nonce, 0, all, 0, NONCE);
            System.arraycopy(sealed, 0, all, NONCE, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(all);
        }
        catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("AES-GCM is missing from this JDK", impossible);
        }
    }

    /** @throws IllegalStateException when there is no key, or the value was sealed under another key or changed */
    String open(String sealed) {
        requireKey();
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("The stored credential is not sealed by Refinery.");
        }
        try {
            var all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE));
            return new String(cipher.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
        }
        catch (GeneralSecurityException | IllegalArgumentException wrongKey) {
            throw new IllegalStateException("The stored credential cannot be opened with REFINERY_SECRET_KEY: was the key changed?");
        }
    }

    private void requireKey() {
        if (key == null) {
            throw new IllegalStateException("No REFINERY_SECRET_KEY is set.");
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
