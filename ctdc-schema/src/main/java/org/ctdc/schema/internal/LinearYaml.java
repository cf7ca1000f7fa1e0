package org.ctdc.schema.internal;

import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * A YAML factory whose parsers read in time linear in the text (issue 14). SnakeYAML's {@link StreamReader}
 * reads 1,024 characters at a time and copies its whole unread window at each read, so one long token (a
 * comment line of 4 MB took 9 s, one of 17 MB did not finish in 3 minutes) costs the square of its length.
 * Here the reader holds the whole text, already in memory and within {@link StrictTree#MAX_FILE_BYTES}, as
 * code points and never copies it. Only text ({@link Reader} or {@code char[]}) input is supported. Not API.
 * This class is thread-safe once built (as Jackson's factories are).
 */
final class LinearYaml extends YAMLFactory {
  private static final long serialVersionUID = 1L;

  LinearYaml(YAMLFactoryBuilder b) {
    super(b);
  }

  @Override
  protected YAMLParser _createParser(Reader r, IOContext ctxt) throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[8192];
    for (int n; (n = r.read(buf)) >= 0; ) {
      sb.append(buf, 0, n);
      if (sb.length() > StrictTree.MAX_FILE_BYTES) {
        throw new IOException("over the size limit");
      }
    }
    StreamReader reader = new WholeText(sb.toString());
    return new Parser(ctxt, _parserFeatures, _yamlParserFeatures, _objectCodec, new StringReader(""),
        new ParserImpl(reader, _loaderOptions));
  }

  @Override
  protected YAMLParser _createParser(char[] data, int offset, int len, IOContext ctxt, boolean recyclable)
      throws IOException {
    return _createParser(new StringReader(new String(data, offset, len)), ctxt);
  }

  @Override
  protected YAMLParser _createParser(java.io.InputStream in, IOContext ctxt) {
    throw new UnsupportedOperationException("read YAML from text");
  }

  @Override
  protected YAMLParser _createParser(byte[] data, int offset, int len, IOContext ctxt) {
    throw new UnsupportedOperationException("read YAML from text");
  }

  /** Jackson's parser over a SnakeYAML parser made here. */
  private static final class Parser extends YAMLParser {
    Parser(IOContext ctxt, int features, int yamlFeatures, ObjectCodec codec, Reader reader, ParserImpl parser) {
      super(ctxt, features, yamlFeatures, codec, reader, parser);
    }
  }

  /**
   * SnakeYAML's reader contract over a text held whole: the same positions, line and column counting and
   * end marker (code point 0) as {@link StreamReader}, with O(1) peeks. Not thread-safe (one per parse).
   */
  static final class WholeText extends StreamReader {
    private final int[] text;
    private int pointer;
    private int index;
    private int documentIndex;
    private int line;
    private int column;

    WholeText(String s) {
      super(new StringReader(""));
      this.text = s.codePoints().toArray();
      for (int i = 0; i < text.length; i++) {
        if (!isPrintable(text[i])) {
          // the caller checks the text first; this is the same rule, kept so the reader is never laxer
          throw new org.yaml.snakeyaml.reader.ReaderException("'text'", i, text[i], "special characters are not allowed");
        }
      }
    }

    @Override
    public Mark getMark() {
      return new Mark("'text'", index, line, column, text, Math.min(pointer, text.length));
    }

    @Override
    public void forward() {
      forward(1);
    }

    @Override
    public void forward(int length) {
      for (int i = 0; i < length && pointer < text.length; i++) {
        int c = text[pointer++];
        index++;
        documentIndex++;
        if (Constant.LINEBR.has(c) || (c == '\r' && pointer < text.length && text[pointer] != '\n')) {
          line++;
          column = 0;
        } else if (c != 0xFEFF) {
          column++;
        }
      }
    }

    @Override
    public int peek() {
      return peek(0);
    }

    @Override
    public int peek(int i) {
      int at = pointer + i;
      return at >= 0 && at < text.length ? text[at] : 0;
    }

    @Override
    public String prefix(int length) {
      if (length == 0 || pointer >= text.length) {
        return "";
      }
      return new String(text, pointer, Math.min(length, text.length - pointer));
    }

    @Override
    public String prefixForward(int length) {
      String s = prefix(length);
      pointer += length;
      index += length;
      documentIndex += length;
      column += length;
      return s;
    }

    @Override
    public int getColumn() {
      return column;
    }

    @Override
    public int getDocumentIndex() {
      return documentIndex;
    }

    @Override
    public void resetDocumentIndex() {
      documentIndex = 0;
    }

    @Override
    public int getIndex() {
      return index;
    }

    @Override
    public int getLine() {
      return line;
    }
  }
}
