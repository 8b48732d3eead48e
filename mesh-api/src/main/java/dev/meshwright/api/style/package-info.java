/**
 * The house style of Meshwright's immutable values ({@link dev.meshwright.api.style.MeshStyle}).
 * Sits outside the data flow: it only shapes how the value types of every other package are generated.
 */
package dev.meshwright.api.style;
