/** Helpers for tool writers: trace_pipe parsing (and, later, histograms and symbolizers). */
package io.bpf4j.tools;
