package dev.meshwright.api.yaml;

import dev.meshwright.api.MeshResource;

/**
 * One resource read from a source, with where it starts.
 *
 * @param resource the resource
 * @param source the file name or {@code -}
 * @param line the 1-based line where its document starts
 * @param index the 0-based position of the resource in the source (items of a List count one each)
 */
public record Document(MeshResource resource, String source, int line, int index) {}
