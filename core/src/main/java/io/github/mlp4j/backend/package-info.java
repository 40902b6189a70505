/**
 * The Backend SPI ({@link io.github.mlp4j.backend.Backend}), discovery through ServiceLoader
 * ({@link io.github.mlp4j.backend.Backends}), the argument-checking facade, and the plain-Java
 * reference backend that every other backend is tested against.
 */
package io.github.mlp4j.backend;
