/**
 * JMH benchmarks, one question per class: {@link io.github.mlp4j.bench.GemmBenchmark} (GFLOP/s per backend
 * and shape), {@link io.github.mlp4j.bench.Nd4jGemmBenchmark} (raw {@code Nd4j.gemm}, the peer),
 * {@link io.github.mlp4j.bench.TrainingStepBenchmark} (samples/s per backend and batch size) and
 * {@link io.github.mlp4j.bench.Dl4jTrainingBenchmark} (the same network in DL4J). {@code benchmarks/run}
 * runs them with the right environment and turns the JSON into a table and plots ({@link Report}).
 */
package io.github.mlp4j.bench;
