package vn.ccn.dms.signature.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import vn.ccn.dms.pades.crypto.Pem;

/**
 * The trust anchors (the national root CA of Ban Cơ yếu Chính phủ / the public CA roots in production, a test
 * root in tests) from a PEM bundle or a directory of PEM/DER files. Read again when the files change, so an
 * operator replaces anchors without a restart.
 */
final class TrustAnchorFile {

    private final Path path;
    private byte[] fingerprint = new byte[0];
    private List<X509Certificate> anchors = List.of();

    TrustAnchorFile(Path path) {
        this.path = path;
    }

    synchronized List<X509Certificate> anchors() {
        try {
            List<Path> files = files();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<byte[]> contents = new ArrayList<>();
            for (Path f : files) {
                byte[] bytes = Files.readAllBytes(f);
                sha.update(bytes);
                contents.add(bytes);
            }
            byte[] now = sha.digest();
            if (!Arrays.equals(now, fingerprint)) {
                List<X509Certificate> read = new ArrayList<>();
                for (byte[] c : contents) {
                    read.addAll(Pem.certificates(c));
                }
                anchors = List.copyOf(read);
                fingerprint = now;
            }
            return anchors;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trust anchors at " + path, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Path> files() throws IOException {
        if (!Files.exists(path)) {
            return List.of();
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> s = Files.list(path)) {
            return s.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(pem|crt|cer|der)$")).sorted().toList();
        }
    }
}
