/** Typed access to kernel maps: hash and array maps with Java keys and values. */
package io.bpf4j.map;
