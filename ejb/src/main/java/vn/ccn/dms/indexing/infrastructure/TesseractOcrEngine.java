package vn.ccn.dms.indexing.infrastructure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import vn.ccn.dms.indexing.domain.OcrEngine;

/**
 * {@link OcrEngine} running the {@code tesseract} command (Debian {@code tesseract-ocr} with
 * {@code tesseract-ocr-vie}). A process per image: a crash or a hang of the engine costs one file, never the
 * server, and the process is killed at the deadline. OpenMP is limited to one thread per process, since the
 * worker already runs several extractions side by side on few cores.
 */
public final class TesseractOcrEngine implements OcrEngine {

    private final String command;
    private final String languages;
    private volatile Availability availability;

    private record Availability(boolean available, String description) {
    }

    /**
     * @param command   the executable, {@code tesseract} to find it on the PATH
     * @param languages Tesseract language codes joined by {@code +}, for example {@code vie}
     */
    public TesseractOcrEngine(String command, String languages) {
        this.command = Objects.requireNonNull(command, "command");
        this.languages = Objects.requireNonNull(languages, "languages");
    }

    @Override
    public boolean available() {
        return probe().available();
    }

    @Override
    public String description() {
        return probe().description();
    }

    /** Looks for the engine and its language models once; an installation needs a restart to be seen. */
    private Availability probe() {
        Availability a = availability;
        if (a == null) {
            synchronized (this) {
                if (availability == null) {
                    availability = look();
                }
                a = availability;
            }
        }
        return a;
    }

    private Availability look() {
        try {
            Path out = Files.createTempFile("dms-tesseract", ".txt");
            try {
                Process p = new ProcessBuilder(command, "--list-langs").redirectErrorStream(true)
                        .redirectOutput(out.toFile()).start();
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return new Availability(false, command + " --list-langs did not answer");
                }
                List<String> installed = Files.readAllLines(out, StandardCharsets.UTF_8).stream().map(String::strip).toList();
                for (String language : languages.split("\\+")) {
                    if (!installed.contains(language)) {
                        return new Availability(false, "tesseract có mặt nhưng thiếu ngôn ngữ '" + language
                                + "' (cài gói tesseract-ocr-" + language + ")");
                    }
                }
                return new Availability(true, "tesseract, ngôn ngữ " + languages);
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            return new Availability(false, "không tìm thấy lệnh " + command + " (cài gói tesseract-ocr và tesseract-ocr-vie)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Availability(false, "interrupted while probing " + command);
        }
    }

    @Override
    public String recognize(Path image, Duration timeout) throws IOException {
        Path out = Files.createTempFile("dms-ocr", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command, image.toString(), "stdout", "-l", languages, "--psm", "3")
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("OMP_THREAD_LIMIT", "1");
            Process p = builder.start();
            try {
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    throw new IOException("tesseract did not finish within " + timeout.toSeconds() + " s");
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (p.exitValue() != 0) {
                throw new IOException("tesseract exited with " + p.exitValue());
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
