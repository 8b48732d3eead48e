package dev.meshwright.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Columns as Go's tabwriter prints istioctl's tables: each column as wide as its widest cell plus padding. */
final class Table {
  private final int padding;
  private final List<List<String>> rows = new ArrayList<>();

  Table(int padding, String... header) {
    this.padding = padding;
    rows.add(List.of(header));
  }

  void row(String... cells) {
    rows.add(List.of(cells));
  }

  void print(PrintWriter out) {
    int cols = rows.get(0).size();
    int[] width = new int[cols];
    for (List<String> r : rows) {
      for (int i = 0; i < cols && i < r.size(); i++) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    for (List<String> r : rows) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < r.size(); i++) {
        sb.append(r.get(i));
        if (i < r.size() - 1) {
          sb.append(" ".repeat(width[i] - r.get(i).length() + padding));
        }
      }
      out.println(sb.toString().stripTrailing());
    }
  }
}
