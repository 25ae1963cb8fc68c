package io.bpf4j.test.fake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the fake kernel has handed out and not yet seen closed (objects, links, ring-buffer
 * mappings, trace pipes), for the leak check at the end of a test.
 */
final class OpenResources {
    private final Map<Object, String> open = new LinkedHashMap<>();

    synchronized void opened(Object resource, String description) {
        open.put(resource, description);
    }

    synchronized void closed(Object resource) {
        open.remove(resource);
    }

    /** Descriptions of the resources still open, oldest first. */
    synchronized List<String> descriptions() {
        return new ArrayList<>(open.values());
    }
}
