package dev.meshwright.install;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of {@code profile diff}: a line diff of two YAML documents, each line prefixed with
 * {@code " "}, {@code "-"} (only in the first) or {@code "+"} (only in the second). Stateless.
 */
public final class ProfileDiff {
  /** What istioctl prints when both profiles merge to the same document. */
  public static final String IDENTICAL = "Profiles are identical";

  private ProfileDiff() {}

  /** The diff of {@code a} and {@code b}, or {@link #IDENTICAL} plus a newline when they are equal. */
  public static String diff(String a, String b) {
    if (a.equals(b)) {
      return IDENTICAL + "\n";
    }
    List<String> x = a.lines().toList();
    List<String> y = b.lines().toList();
    int[][] lcs = new int[x.size() + 1][y.size() + 1];
    for (int i = x.size() - 1; i >= 0; i--) {
      for (int j = y.size() - 1; j >= 0; j--) {
        lcs[i][j] = x.get(i).equals(y.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<String> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < x.size() || j < y.size()) {
      if (i < x.size() && j < y.size() && x.get(i).equals(y.get(j))) {
        out.add(" " + x.get(i++));
        j++;
      } else if (i < x.size() && (j == y.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
        out.add("-" + x.get(i++));
      } else {
        out.add("+" + y.get(j++));
      }
    }
    return String.join("\n", out) + "\n";
  }
}
