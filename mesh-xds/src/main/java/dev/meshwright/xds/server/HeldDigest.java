package dev.meshwright.xds.server;

/**
 * An order-independent digest of a set of (name, version) pairs that is updated one pair at a time: the sum of
 * a 64-bit hash per pair. Adding a pair adds its hash, removing one subtracts it, so a push that changes one
 * resource of a thousand costs one hash, not a thousand. Used for the type version a stream reports; content
 * based, so the same held set has the same version across restarts. Pure and stateless.
 */
final class HeldDigest {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private HeldDigest() {}

  /** The hash of one pair: FNV-1a over the name, a separator and the version, then a 64-bit finalizer. */
  static long entry(String name, String version) {
    long h = FNV_OFFSET;
    h = fnv(h, name);
    h = (h ^ 0xff) * FNV_PRIME;
    h = fnv(h, version);
    return mix(h);
  }

  static String hex(long digest) {
    return String.format("%016x", digest);
  }

  private static long fnv(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * FNV_PRIME;
    }
    return h;
  }

  /** SplitMix64's finalizer: spreads every input bit over the output. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
