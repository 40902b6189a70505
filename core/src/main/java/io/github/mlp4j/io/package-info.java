/** Model files (safetensors with mlp4j metadata) and atomic file writing. */
package io.github.mlp4j.io;
