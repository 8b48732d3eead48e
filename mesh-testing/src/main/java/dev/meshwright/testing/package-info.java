/**
 * Test fixtures for every Meshwright module (test scope only): where Istio's conformance corpus is and how
 * to skip when it is absent ({@link dev.meshwright.testing.Corpus}), and golden files with one switch to
 * regenerate them ({@link dev.meshwright.testing.Golden}).
 */
package dev.meshwright.testing;
