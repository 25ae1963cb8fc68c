/** Loaded programs and the links that attach them. */
package io.bpf4j.program;
