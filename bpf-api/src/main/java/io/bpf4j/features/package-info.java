/**
 * Feature probes: which program types, map types, helpers and attach kinds the running kernel
 * really supports ({@link io.bpf4j.features.KernelFeatures}).
 */
package io.bpf4j.features;
