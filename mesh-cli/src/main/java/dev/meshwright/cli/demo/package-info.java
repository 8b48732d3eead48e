/**
 * The Bookinfo sample mesh, built with Meshwright's typed builders, and the steps of {@code meshctl demo}.
 * Pure: builds values; the command prints them.
 */
package dev.meshwright.cli.demo;
