package io.bpf4j.internal;

import io.bpf4j.map.RawMap;
import io.bpf4j.spi.MapHandle;
import io.bpf4j.spi.OwnedMapHandle;

/** Not API: {@link RawMap}s over backend map handles (registered by {@code RawMap}). */
public interface MapAccess {
    /** A map of a loaded object: closing the object closes it, {@link RawMap#close()} does nothing. */
    RawMap objectMap(MapHandle handle);

    /** A map opened on its own (from a pin, by id): {@link RawMap#close()} closes {@code handle}. */
    RawMap ownedMap(OwnedMapHandle handle);

    /** The handle under {@code map}. */
    MapHandle handle(RawMap map);
}
