package dev.meshwright.api.yaml;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a multi-document YAML text at {@code ---} lines, so that a syntax error in one document cannot
 * hide the others, and remembers where each document starts.
 */
final class DocumentSplitter {
  /** A slice of the source: its text and the 1-based line it starts on. */
  record Chunk(String text, int firstLine) {}

  private DocumentSplitter() {}

  static List<Chunk> split(String text) {
    List<Chunk> chunks = new ArrayList<>();
    int start = 0;
    int startLine = 1;
    int line = 1;
    int pos = 0;
    int n = text.length();
    while (pos < n) {
      int eol = text.indexOf('\n', pos);
      int end = eol < 0 ? n : eol;
      if (isSeparator(text, pos, end)) {
        chunks.add(new Chunk(text.substring(start, pos), startLine));
        start = eol < 0 ? n : eol + 1;
        startLine = line + 1;
      }
      pos = eol < 0 ? n : eol + 1;
      line++;
    }
    chunks.add(new Chunk(text.substring(start), startLine));
    return chunks;
  }

  private static boolean isSeparator(String text, int from, int to) {
    if (to - from < 3 || !text.startsWith("---", from)) {
      return false;
    }
    for (int i = from + 3; i < to; i++) {
      char c = text.charAt(i);
      if (c == '#') {
        return true;
      }
      if (c != ' ' && c != '\t' && c != '\r') {
        return false;
      }
    }
    return true;
  }
}
