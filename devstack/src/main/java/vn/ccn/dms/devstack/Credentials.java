package vn.ccn.dms.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Properties;

/**
 * The passwords of a local stack: the bootstrap administrator's and the one shared by the demo users. They are
 * generated on the first run and kept in the data folder (readable by the owner only), so nothing secret is
 * committed and a restart keeps working with the users already in the database. {@code
 * DMS_BOOTSTRAP_ADMIN_PASSWORD} in the environment overrides the stored administrator password.
 */
final class Credentials {

    private static final String ADMIN = "admin.password";
    private static final String DEMO = "demo.password";
    /** Letters and digits that cannot be mistaken for one another when read off a terminal. */
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String adminPassword;
    private final String demoPassword;

    private Credentials(String adminPassword, String demoPassword) {
        this.adminPassword = Objects.requireNonNull(adminPassword, "adminPassword");
        this.demoPassword = Objects.requireNonNull(demoPassword, "demoPassword");
    }

    static Credentials loadOrCreate(Path file) {
        Properties stored = new Properties();
        try {
            if (Files.isRegularFile(file)) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    stored.load(in);
                }
            }
            boolean changed = false;
            if (stored.getProperty(ADMIN, "").isBlank()) {
                stored.setProperty(ADMIN, generatePassword());
                changed = true;
            }
            if (stored.getProperty(DEMO, "").isBlank()) {
                stored.setProperty(DEMO, generatePassword());
                changed = true;
            }
            if (changed) {
                StringBuilder text = new StringBuilder();
                text.append("# Passwords of the local development stack, generated on its first run.\n");
                text.append("# Deleting this file with the database (./mvnw clean) starts afresh.\n");
                text.append(ADMIN).append('=').append(stored.getProperty(ADMIN)).append('\n');
                text.append(DEMO).append('=').append(stored.getProperty(DEMO)).append('\n');
                writePrivate(file, text.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + file, e);
        }
        String fromEnv = System.getenv("DMS_BOOTSTRAP_ADMIN_PASSWORD");
        String admin = fromEnv != null && !fromEnv.isBlank() ? fromEnv : stored.getProperty(ADMIN);
        return new Credentials(admin, stored.getProperty(DEMO));
    }

    String adminPassword() {
        return adminPassword;
    }

    String demoPassword() {
        return demoPassword;
    }

    /**
     * Three groups of five characters joined by dashes, such as {@code Xk7pq-Mz3tW-r9Pqa}: about 80 bits of
     * randomness, with upper case, lower case, a digit and a symbol, so that any reasonable password rule
     * accepts it.
     */
    static String generatePassword() {
        String all = UPPER + LOWER + DIGITS;
        while (true) {
            StringBuilder p = new StringBuilder();
            for (int i = 0; i < 15; i++) {
                if (i > 0 && i % 5 == 0) {
                    p.append('-');
                }
                p.append(all.charAt(RANDOM.nextInt(all.length())));
            }
            String s = p.toString();
            if (s.chars().anyMatch(c -> UPPER.indexOf(c) >= 0) && s.chars().anyMatch(c -> LOWER.indexOf(c) >= 0)
                    && s.chars().anyMatch(c -> DIGITS.indexOf(c) >= 0)) {
                return s;
            }
        }
    }

    /** Writes a file that only its owner may read, where the file system has POSIX permissions. */
    static void writePrivate(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!Files.exists(file) && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            out.write(text);
        }
    }
}
