package io.tongban.routes.audit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The exchange log's journal beside the embedded database: placed rows are appended here, one write per batch, and
 * an exchange is acknowledged once its rows are in the file. A write that returned is in the operating system's
 * hands and survives kill -9 of the bus (not a power cut: the same promise as H2 with {@code WRITE_DELAY=0}, and a
 * few microseconds instead of an H2 commit). The rows reach the tables later, many per transaction
 * ({@link JournalApplier}); a segment is deleted once all its rows are there, and what a crash left behind is applied
 * at the next start.
 *
 * <p>A record is its payload's length, its CRC-32C and the payload; a torn record at the end of the last segment was
 * never acknowledged (its write had not returned) and ends the journal.
 */
final class ExchangeLogJournal implements AutoCloseable {

    private static final String SUFFIX = ".journal";

    private final Path directory;
    private final long segmentBytes;
    /** Segments by the index of their first row; the last one is being written. */
    private final TreeMap<Long, Path> segments = new TreeMap<>();
    private FileChannel current;
    private long currentBytes;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);

    ExchangeLogJournal(Path directory) {
        this(directory, 16L << 20);
    }

    /** @param segmentBytes a new segment is begun once the one being written is this long */
    ExchangeLogJournal(Path directory, long segmentBytes) {
        this.directory = directory;
        this.segmentBytes = segmentBytes;
        try {
            Files.createDirectories(directory);
            try (Stream<Path> files = Files.list(directory)) {
                files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).forEach(f -> segments.put(firstIndexOf(f), f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the exchange-log journal in " + directory, e);
        }
    }

    /** Every row the journal holds, in order (applied ones included): what a start must bring into the tables. */
    synchronized void read(Consumer<LogRow> each) {
        for (Map.Entry<Long, Path> segment : segments.entrySet()) {
            boolean last = segment.getKey().equals(segments.lastKey());
            try (DataInputStream in = new DataInputStream(Files.newInputStream(segment.getValue()))) {
                while (true) {
                    LogRow row = readRecord(in);
                    if (row == null) {
                        break;
                    }
                    each.accept(row);
                }
            } catch (EOFException | CorruptRecord torn) {
                if (!last) {
                    throw new IllegalStateException("the exchange-log journal segment " + segment.getValue()
                            + " is damaged before its end", torn);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the exchange-log journal " + segment.getValue(), e);
            }
        }
    }

    /** Appends the rows in one write; when this returns they survive the process. */
    synchronized void write(List<LogRow> rows) {
        try {
            if (current == null || currentBytes >= segmentBytes) {
                startSegment(rows.get(0).index());
            }
            buffer.reset();
            DataOutputStream out = new DataOutputStream(buffer);
            for (LogRow row : rows) {
                writeRecord(out, row);
            }
            ByteBuffer bytes = ByteBuffer.wrap(buffer.toByteArray());
            try {
                while (bytes.hasRemaining()) {
                    current.write(bytes);
                }
            } catch (IOException e) {
                current.truncate(currentBytes); // the rows were not acknowledged: their indexes are placed again
                throw e;
            }
            currentBytes += bytes.limit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the exchange-log journal", e);
        }
    }

    /** Deletes the segments whose rows are all below {@code applied}, the one being written excepted. */
    synchronized void release(long applied) {
        while (segments.size() > 1 && segments.higherKey(segments.firstKey()) <= applied) {
            delete(segments.pollFirstEntry().getValue());
        }
    }

    /** Deletes every segment: all their rows are in the tables. */
    synchronized void clear() {
        closeCurrent();
        segments.values().forEach(ExchangeLogJournal::delete);
        segments.clear();
    }

    @Override
    public synchronized void close() {
        closeCurrent();
    }

    private void startSegment(long firstIndex) throws IOException {
        closeCurrent();
        Path file = directory.resolve(String.format("%020d%s", firstIndex, SUFFIX));
        current = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        currentBytes = 0;
        segments.put(firstIndex, file);
    }

    private void closeCurrent() {
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the exchange-log journal", e);
            }
            current = null;
        }
    }

    private static void writeRecord(DataOutputStream out, LogRow row) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream(row.text().length + row.hashes().length + 256);
        DataOutputStream fields = new DataOutputStream(payload);
        fields.writeLong(row.index());
        writeBytes(fields, row.text());
        writeBytes(fields, row.hashes());
        fields.writeLong(row.recordedAt().getEpochSecond());
        fields.writeInt(row.recordedAt().getNano());
        fields.writeUTF(row.kind());
        writeText(fields, row.correlationId());
        writeText(fields, row.consumer());
        writeText(fields, row.department());
        writeText(fields, row.operation());
        writeBytes(fields, row.subjectHash());
        fields.writeUTF(row.outcome());
        writeText(fields, row.purpose());
        byte[] bytes = payload.toByteArray();
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        out.writeInt(bytes.length);
        out.writeInt((int) crc.getValue());
        out.write(bytes);
    }

    /** @return the next row, or null at the clean end of the segment */
    private static LogRow readRecord(DataInputStream in) throws IOException {
        int length;
        try {
            length = in.readInt();
        } catch (EOFException end) {
            return null;
        }
        int expected = in.readInt();
        if (length < 0 || length > 64 << 20) {
            throw new CorruptRecord();
        }
        byte[] bytes = in.readNBytes(length);
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        if (bytes.length != length || (int) crc.getValue() != expected) {
            throw new CorruptRecord();
        }
        DataInputStream fields = new DataInputStream(new ByteArrayInputStream(bytes));
        return new LogRow(fields.readLong(), readBytes(fields), readBytes(fields),
                Instant.ofEpochSecond(fields.readLong(), fields.readInt()), fields.readUTF(), readText(fields),
                readText(fields), readText(fields), readText(fields), readBytes(fields), fields.readUTF(), readText(fields));
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes == null ? -1 : bytes.length);
        if (bytes != null) {
            out.write(bytes);
        }
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        return length < 0 ? null : in.readNBytes(length);
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            out.writeUTF(text);
        }
    }

    private static String readText(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static long firstIndexOf(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
    }

    private static void delete(Path segment) {
        try {
            Files.deleteIfExists(segment);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the applied exchange-log journal segment " + segment, e);
        }
    }

    /** A record whose length or checksum does not hold. */
    private static final class CorruptRecord extends IOException {
    }
}
