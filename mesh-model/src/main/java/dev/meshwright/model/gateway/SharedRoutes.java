package dev.meshwright.model.gateway;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A view of a growable route list with Go slice semantics: a backing array with spare capacity that views
 * share, {@code append} writing in place while capacity lasts, and sorting in place.
 *
 * <p>Istio's controller gives every VirtualService generated from one route object the same route slice
 * and later appends other routes' rules to one of them and sorts it in place; while the shared array has
 * room, the other VirtualServices see those writes. Reproducing the sharing (with Go's capacity growth for
 * pointer slices) keeps the generated config identical to Istio's in those cases. Views are immutable; the
 * backing array is not, so a family of views is confined to one conversion. Not thread-safe.
 */
final class SharedRoutes<T> {
  /** Go's malloc size classes up to 32 KiB, in bytes. */
  private static final int[] SIZE_CLASSES = {8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224,
      240, 256, 288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792,
      2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880,
      12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768};
  private static final int POINTER = 8;

  private final Object[] array;
  private final int len;

  private SharedRoutes(Object[] array, int len) {
    this.array = array;
    this.len = len;
  }

  /** The empty (nil) slice. */
  static <T> SharedRoutes<T> empty() {
    return new SharedRoutes<>(new Object[0], 0);
  }

  /** A new slice with exactly {@code cap} capacity and no elements ({@code make([]T, 0, cap)}). */
  static <T> SharedRoutes<T> withCapacity(int cap) {
    return new SharedRoutes<>(new Object[cap], 0);
  }

  int size() {
    return len;
  }

  boolean isEmpty() {
    return len == 0;
  }

  /** {@code append(s, item)}. */
  SharedRoutes<T> append(T item) {
    SharedRoutes<T> grown = ensure(len + 1);
    grown.array[len] = item;
    return new SharedRoutes<>(grown.array, len + 1);
  }

  /** {@code append(s, other...)}. */
  SharedRoutes<T> appendAll(SharedRoutes<T> other) {
    int m = other.len;
    Object[] src = Arrays.copyOf(other.array, m);
    SharedRoutes<T> grown = ensure(len + m);
    System.arraycopy(src, 0, grown.array, len, m);
    return new SharedRoutes<>(grown.array, len + m);
  }

  /** Stable in-place sort of the view's elements (other views of the same array see the result). */
  @SuppressWarnings("unchecked")
  void sortInPlace(Comparator<? super T> order) {
    List<T> items = new ArrayList<>(len);
    for (int i = 0; i < len; i++) {
      items.add((T) array[i]);
    }
    items.sort(order);
    for (int i = 0; i < len; i++) {
      array[i] = items.get(i);
    }
  }

  @SuppressWarnings("unchecked")
  List<T> toList() {
    List<T> out = new ArrayList<>(len);
    for (int i = 0; i < len; i++) {
      out.add((T) array[i]);
    }
    return out;
  }

  /** This view, or a copy on a larger array when {@code needed} exceeds the capacity. */
  private SharedRoutes<T> ensure(int needed) {
    int cap = array.length;
    if (needed <= cap) {
      return this;
    }
    int newCap = cap;
    int doubled = cap + cap;
    if (needed > doubled) {
      newCap = needed;
    } else if (cap < 256) {
      newCap = doubled;
    } else {
      while (newCap < needed) {
        newCap += (newCap + 3 * 256) >> 2;
      }
    }
    newCap = roundUp(newCap * POINTER) / POINTER;
    return new SharedRoutes<>(Arrays.copyOf(array, newCap), len);
  }

  private static int roundUp(int bytes) {
    for (int c : SIZE_CLASSES) {
      if (c >= bytes) {
        return c;
      }
    }
    int page = 8192;
    return (bytes + page - 1) / page * page;
  }
}
