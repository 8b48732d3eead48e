package dev.meshwright.xds.server;

/**
 * An order-independent digest of a set of (name, version) pairs that is updated one pair at a time: the sum of
 * a 64-bit hash per pair. Adding a pair adds its hash, removing one subtracts it, so a push that changes one
 * resource of a thousand costs one hash, not a thousand. Each pair's hash mixes the two strings' own (cached)
 * hash codes, so holding a resource costs no pass over its name. Used for the type version a stream reports;
 * content based, so the same held set has the same version across restarts. Pure and stateless.
 */
final class HeldDigest {
  private HeldDigest() {}

  /** The hash of one pair: both 32-bit string hashes in one 64-bit word, through a 64-bit finalizer. */
  static long entry(String name, String version) {
    return mix(((long) name.hashCode() << 32) ^ (version.hashCode() & 0xffffffffL));
  }

  /** The digest as 16 lower-case hex digits (what {@code %016x} gives, without a Formatter per push). */
  static String hex(long digest) {
    char[] out = new char[16];
    for (int i = 15; i >= 0; i--) {
      out[i] = Character.forDigit((int) (digest & 0xf), 16);
      digest >>>= 4;
    }
    return new String(out);
  }

  /** SplitMix64's finalizer: spreads every input bit over the output. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
