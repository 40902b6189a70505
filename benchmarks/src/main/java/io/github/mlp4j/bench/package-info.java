/**
 * JMH benchmarks comparing backends and gradient-descent modes. Not yet written: this module only
 * reserves its place in the build.
 */
package io.github.mlp4j.bench;
