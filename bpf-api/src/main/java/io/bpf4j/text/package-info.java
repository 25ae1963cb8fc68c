/**
 * Text from objects and the kernel made safe for terminals and logs ({@link io.bpf4j.text.Printable}).
 */
package io.bpf4j.text;
