package io.baton.engine.runtime;

import io.baton.api.run.JournalEntry;
import io.baton.api.store.SnapshotRecord;
import io.baton.engine.store.RunEventCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The payload of a snapshot: the run's journal up to the snapshot's position, gzipped, with the
 * SHA-256 checksum that is verified before a payload is used.
 *
 * <p>Format 2 is a header line ({@code format}, run, workflow and version) followed by one JSON
 * event per line, in gzip members: a later snapshot of the same run is the earlier one's bytes
 * followed by a member holding the events since, so that snapshots taken every few events cost what
 * those events cost, not the whole history. Format 1 (one JSON object holding an array of the
 * events) is still read.
 */
public final class SnapshotPayloads {
  private static final int FORMAT = 2;
  private static final RunEventCodec CODEC = new RunEventCodec();
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private SnapshotPayloads() {}

  /**
   * What a payload holds.
   *
   * @param workflowId the run's workflow
   * @param workflowVersion its version
   * @param events the journal from position 0, in order
   */
  public record Content(String workflowId, String workflowVersion, List<JournalEntry> events) {}

  /** Encodes the journal {@code events} (from position 0) of a run of a workflow version. */
  public static byte[] encode(
      String runId, String workflowId, String workflowVersion, List<JournalEntry> events) {
    ObjectNode header = MAPPER.createObjectNode();
    header.put("format", FORMAT);
    header.put("runId", runId);
    header.put("workflowId", workflowId);
    header.put("workflowVersion", workflowVersion);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    writeMember(bytes, header, events);
    return bytes.toByteArray();
  }

  /**
   * The payload of a later snapshot of {@code earlier}'s run: its bytes followed by {@code since},
   * the events from {@code earlier.seq()} on.
   *
   * @return null when {@code earlier} is in a format that cannot be extended (encode it whole)
   */
  public static byte[] extend(SnapshotRecord earlier, List<JournalEntry> since) {
    if (format(earlier) != FORMAT) {
      return null;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(earlier.payload().length + 4096);
    bytes.writeBytes(earlier.payload());
    if (!since.isEmpty()) {
      writeMember(bytes, null, since);
    }
    return bytes.toByteArray();
  }

  private static void writeMember(
      ByteArrayOutputStream bytes, ObjectNode header, List<JournalEntry> events) {
    try (Writer out =
        new OutputStreamWriter(new GZIPOutputStream(bytes, 8192), StandardCharsets.UTF_8)) {
      if (header != null) {
        out.write(MAPPER.writeValueAsString(header));
        out.write('\n');
      }
      for (JournalEntry entry : events) {
        out.write(CODEC.encode(entry.event()));
        out.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int format(SnapshotRecord snapshot) {
    try (MappingIterator<JsonNode> values = values(snapshot)) {
      return values.hasNext() ? values.next().path("format").asInt() : 0;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static MappingIterator<JsonNode> values(SnapshotRecord snapshot) throws IOException {
    return MAPPER
        .readerFor(JsonNode.class)
        .readValues(new GZIPInputStream(new ByteArrayInputStream(snapshot.payload())));
  }

  /**
   * Decodes a snapshot's payload after verifying its checksum.
   *
   * @param codec reads the events (and binds their references to stored values)
   * @throws SnapshotCorruptedException when its bytes do not match its checksum
   */
  public static Content decode(SnapshotRecord snapshot, RunEventCodec codec) {
    verify(snapshot);
    try (MappingIterator<JsonNode> values = values(snapshot)) {
      JsonNode header = values.hasNext() ? values.next() : MAPPER.missingNode();
      int format = header.path("format").asInt();
      List<JournalEntry> events = new ArrayList<>();
      if (format == 1) {
        for (JsonNode event : header.path("events")) {
          events.add(new JournalEntry(snapshot.runId(), events.size(), codec.fromJson(event)));
        }
      } else if (format == FORMAT) {
        while (values.hasNext()) {
          events.add(
              new JournalEntry(snapshot.runId(), events.size(), codec.fromJson(values.next())));
        }
      } else {
        throw new IllegalStateException(
            "snapshot "
                + snapshot.snapshotId()
                + " has format "
                + format
                + "; this Baton reads formats 1 and "
                + FORMAT
                + ": restore it with the Baton that took it");
      }
      return new Content(
          header.path("workflowId").asString(), header.path("workflowVersion").asString(), events);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read snapshot " + snapshot.snapshotId(), e);
    }
  }

  /**
   * Checks a snapshot's bytes against its checksum.
   *
   * @throws SnapshotCorruptedException when they do not match
   */
  public static void verify(SnapshotRecord snapshot) {
    String actual = sha256(snapshot.payload());
    if (!actual.equals(snapshot.checksum())) {
      throw new SnapshotCorruptedException(
          "snapshot "
              + snapshot.snapshotId()
              + " of run "
              + snapshot.runId()
              + " is corrupted: its checksum is "
              + snapshot.checksum()
              + " but its content hashes to "
              + actual
              + "; restore an older snapshot, or re-run the run from a step instead");
    }
  }

  /** The hex SHA-256 of {@code bytes}: a snapshot's checksum. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
