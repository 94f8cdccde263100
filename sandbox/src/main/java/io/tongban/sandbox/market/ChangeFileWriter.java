package io.tongban.sandbox.market;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes QYBG_yyyyMMdd.csv in GB18030 (RFC 4180 quoting, CRLF line ends). A consumer never sees a
 * half-written file: the content goes to a hidden temporary name first and is then moved into place.
 * A second batch on the same day is appended to the day's file.
 */
public final class ChangeFileWriter {

    public static final Charset GB18030 = Charset.forName("GB18030");
    public static final String HEADER = "TYSHXYDM,BGXM,BGQNR,BGHNR,BGRQ";
    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final Path directory;

    public ChangeFileWriter(Path directory) {
        this.directory = directory;
    }

    public static String fileName(LocalDate day) {
        return "QYBG_" + day.format(FILE_DATE) + ".csv";
    }

    public synchronized Path write(LocalDate day, List<EnterpriseChange> changes) {
        Path target = directory.resolve(fileName(day));
        Path temporary = directory.resolve("." + fileName(day) + ".tmp");
        try {
            Files.createDirectories(directory);
            List<String> lines = new ArrayList<>();
            if (Files.exists(target)) {
                lines.addAll(Files.readAllLines(target, GB18030));
            } else {
                lines.add(HEADER);
            }
            for (EnterpriseChange change : changes) {
                lines.add(csvLine(change));
            }
            Files.writeString(temporary, String.join("\r\n", lines) + "\r\n", GB18030);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("sandbox.change_file_failed: " + target, e);
        }
    }

    static String csvLine(EnterpriseChange change) {
        return String.join(",", field(change.creditCode()), field(change.item()), field(change.before()),
                field(change.after()), field(change.date().toString()));
    }

    /** RFC 4180: quote a field holding a comma, a quote or a line break, doubling inner quotes. */
    static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
