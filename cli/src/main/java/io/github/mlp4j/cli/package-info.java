/**
 * The {@code mlp4j} command. Not yet written: this module only reserves its place in the build.
 */
package io.github.mlp4j.cli;
