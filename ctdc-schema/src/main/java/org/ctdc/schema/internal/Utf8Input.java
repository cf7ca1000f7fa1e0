package org.ctdc.schema.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The one way the readers of a user's data file decode it (issue 14): strict UTF-8 (malformed bytes are an
 * error, never replaced) and <em>lazy</em>, so the error reaches the parser exactly where the bad bytes
 * are. The JDK's decoding readers decode ahead of what the parser has consumed (8 KiB and more), so a bad
 * byte far down the file was reported while the parser was still rows before it. This reader hands out
 * every character before the bad bytes first, and only the next read fails, with a {@link Malformed}
 * giving the byte offset; the parser is then in the record (and field) that holds them.
 *
 * <p>Not API (exported to the other ctdc modules only). An instance is not thread-safe; the class is.
 */
public final class Utf8Input extends Reader {

  /**
   * Invalid UTF-8 at a known byte offset of the file. Its message names the offset only, never a byte of
   * the file.
   */
  public static final class Malformed extends CharacterCodingException {
    private static final long serialVersionUID = 1L;
    private final long byteOffset;
    private final boolean atLineStart;

    Malformed(long byteOffset, boolean atLineStart) {
      this.byteOffset = byteOffset;
      this.atLineStart = atLineStart;
    }

    /** @return whether the bad bytes start a line (they follow a line end, or start the file) */
    public boolean atLineStart() {
      return atLineStart;
    }

    /** @return the 0-based offset, in the file, of the first byte that is not valid UTF-8 */
    public long byteOffset() {
      return byteOffset;
    }

    @Override
    public String getMessage() {
      return "not valid UTF-8 at byte " + byteOffset;
    }
  }

  private final InputStream in;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
  /** Bytes taken from the stream so far. */
  private long taken;
  private boolean eof;
  private boolean flushed;
  private @Nullable Malformed failed;
  /** The last character handed out, or -1. */
  private int last = -1;

  private Utf8Input(InputStream in) {
    this.in = in;
  }

  /**
   * A strict, lazy UTF-8 reader of a stream; closing it closes the stream.
   *
   * @param in the bytes
   * @return the reader
   */
  public static Reader of(InputStream in) {
    return new Utf8Input(in);
  }

  /**
   * A strict, lazy UTF-8 reader of a file.
   *
   * @param file the file
   * @return the reader, to be closed by the caller
   * @throws IOException when the file cannot be opened
   */
  public static Reader open(Path file) throws IOException {
    return new Utf8Input(Files.newInputStream(file));
  }

  /**
   * Whether a failure is invalid UTF-8 (of this reader or another strict decoder).
   *
   * @param e the failure
   * @return the offset of the bad byte when this reader found it, -1 when unknown, or null when the failure
   *     is not a decoding error
   */
  public static @Nullable Long badByteOffset(IOException e) {
    if (e instanceof Malformed m) {
      return m.byteOffset();
    }
    return e instanceof CharacterCodingException ? -1L : null;
  }

  /**
   * Whether a failure met while a CSV parser asked for more input after the last field of a record is the
   * next record's: invalid bytes at the start of a line, the record complete. A parser reads past a line
   * end before it ends the record, so without this check the bad bytes would be charged to the row before.
   *
   * @param e the failure
   * @param fields the fields of the record parsed so far
   * @param width the fields a complete record has (the header's), or 0 when not known
   * @return whether the record is complete and the failure belongs to the next one
   */
  public static boolean endsRecord(IOException e, int fields, int width) {
    return e instanceof Malformed m && m.atLineStart() && fields > 0 && fields >= width;
  }

  /**
   * The next token of a CSV record: as {@link JsonParser#nextToken()}, except that a failure
   * {@link #endsRecord ending the record} ends it ({@code END_ARRAY}). The failure sticks, so the parser
   * meets it again at the next record, whose row it is.
   *
   * @param p the CSV parser, reading from this class's reader
   * @param fields the fields of the record parsed so far
   * @param width the fields a complete record has, or 0 when not known (the header)
   * @return the token
   * @throws IOException as the parser
   */
  public static @Nullable JsonToken nextInRecord(JsonParser p, int fields, int width) throws IOException {
    try {
      return p.nextToken();
    } catch (IOException e) {
      if (endsRecord(e, fields, width)) {
        return JsonToken.END_ARRAY;
      }
      throw e;
    }
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (failed != null) {
      throw failed;
    }
    if (flushed) {
      // the decoder has ended: a decode call now would be an illegal state (found by fuzzing)
      return -1;
    }
    CharBuffer out = CharBuffer.wrap(cbuf, off, len);
    while (true) {
      CoderResult r = decoder.decode(bytes, out, eof);
      if (r.isError()) {
        int before = out.position() > off ? cbuf[out.position() - 1] : last;
        failed = new Malformed(taken - bytes.remaining(), before == -1 || before == '\n' || before == '\r');
        break;
      }
      if (r.isOverflow() || out.position() > off) {
        break;
      }
      if (eof) {
        if (!flushed) {
          decoder.flush(out);
          flushed = true;
        }
        break;
      }
      bytes.compact();
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) {
        eof = true;
      } else {
        taken += n;
        bytes.position(bytes.position() + n);
      }
      bytes.flip();
    }
    int n = out.position() - off;
    if (n > 0) {
      last = cbuf[off + n - 1];
      return n;
    }
    if (failed != null) {
      throw failed;
    }
    return -1;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
