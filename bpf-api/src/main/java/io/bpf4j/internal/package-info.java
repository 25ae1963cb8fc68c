/**
 * Not API, and not exported: the plumbing that lets bpf-api's packages hand each other backend
 * handles ({@link io.bpf4j.internal.Bridge}). Nothing here is for applications, generated code or
 * backends; it changes in any release.
 */
package io.bpf4j.internal;
