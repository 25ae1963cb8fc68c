/** Exact conversions between Java values and C layouts ({@link io.bpf4j.codec.Codec}). */
package io.bpf4j.codec;
