package org.ctdc.link;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.ctdc.schema.internal.Shown;

/**
 * The collaboration's secret key, shared by the partners that encode and never by the party that matches. It is
 * held in a byte array only (never a {@link String}), never logged, printed or written; {@link #toString()} says
 * only that a key is held; {@link #close()} overwrites the array with zeros.
 *
 * <p>A key must be at least {@value #MIN_BYTES} bytes long (after trailing spaces and line breaks of a key file
 * are dropped); a random key of 32 bytes or more, for example {@code openssl rand -base64 32 > KEY}, is the one
 * to use.
 *
 * <p>This class is thread-safe until closed; closing it while an encoder is being built is a programming error.
 */
public final class LinkKey implements AutoCloseable {

  /** The shortest key accepted, in bytes. */
  public static final int MIN_BYTES = 16;
  /** The longest key file read, in bytes. */
  public static final int MAX_FILE_BYTES = 4096;

  private final byte[] key;
  private volatile boolean closed;

  private LinkKey(byte[] key) {
    this.key = key;
  }

  /**
   * Reads a key file: its bytes, trailing spaces, tabs and line breaks dropped. The file's bytes are zeroed in
   * memory after the copy.
   *
   * @param file the file
   * @return the key
   * @throws LinkException naming the file (never its content) if it cannot be read, is larger than
   *     {@value #MAX_FILE_BYTES} bytes or the key is shorter than {@value #MIN_BYTES} bytes
   */
  public static LinkKey fromFile(Path file) {
    String shown = Shown.name(String.valueOf(file.getFileName()));
    byte[] all;
    try {
      if (!Files.isRegularFile(file)) {
        throw new LinkException(shown + ": cannot read the key file: no such regular file");
      }
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new LinkException(shown + ": the key file is larger than " + MAX_FILE_BYTES + " bytes (limit)");
      }
      all = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new LinkException(shown + ": cannot read the key file (" + e.getClass().getSimpleName() + ")");
    }
    int n = all.length;
    while (n > 0 && (all[n - 1] == '\n' || all[n - 1] == '\r' || all[n - 1] == ' ' || all[n - 1] == '\t')) {
      n--;
    }
    byte[] k = Arrays.copyOf(all, n);
    Arrays.fill(all, (byte) 0);
    if (n < MIN_BYTES) {
      Arrays.fill(k, (byte) 0);
      throw new LinkException(shown + ": the key is shorter than " + MIN_BYTES + " bytes");
    }
    return new LinkKey(k);
  }

  /**
   * A key from characters, encoded as UTF-8. The caller's array is not changed (zero it after this call); the
   * encoding buffer is zeroed.
   *
   * @param chars the key
   * @return the key
   * @throws IllegalArgumentException if the key is shorter than {@value #MIN_BYTES} bytes or is not valid text
   */
  public static LinkKey of(char[] chars) {
    CharsetEncoder enc = StandardCharsets.UTF_8.newEncoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer buf = ByteBuffer.allocate(chars.length * 4);
    CharBuffer in = CharBuffer.wrap(chars);
    try {
      var r = enc.encode(in, buf, true);
      if (r.isError()) {
        r.throwException();
      }
      enc.flush(buf);
    } catch (CharacterCodingException e) {
      Arrays.fill(buf.array(), (byte) 0);
      throw new IllegalArgumentException("key: not valid text");
    }
    byte[] k = Arrays.copyOf(buf.array(), buf.position());
    Arrays.fill(buf.array(), (byte) 0);
    if (k.length < MIN_BYTES) {
      Arrays.fill(k, (byte) 0);
      throw new IllegalArgumentException("key: shorter than " + MIN_BYTES + " bytes");
    }
    return new LinkKey(k);
  }

  /**
   * An HMAC-SHA-256 under this key, for the encoder. The key bytes are handed to the provider through a
   * {@link SecretKey} whose encoded copy the provider zeroes after deriving its state.
   */
  Mac hmac() {
    if (closed) {
      throw new IllegalStateException("key: closed");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new Held());
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** Overwrites the key with zeros; the key cannot be used afterwards. */
  @Override
  public void close() {
    closed = true;
    Arrays.fill(key, (byte) 0);
  }

  /** @return {@code LinkKey[held]} or {@code LinkKey[closed]}: never the key or its length */
  @Override
  public String toString() {
    return closed ? "LinkKey[closed]" : "LinkKey[held]";
  }

  /** The key as JCA sees it: each call to {@link #getEncoded()} a fresh copy. */
  private final class Held implements SecretKey {
    private static final long serialVersionUID = 1L;

    @Override
    public String getAlgorithm() {
      return "HmacSHA256";
    }

    @Override
    public String getFormat() {
      return "RAW";
    }

    @Override
    public byte[] getEncoded() {
      return key.clone();
    }
  }
}
