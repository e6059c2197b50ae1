package dev.entitystore.domain.list;

import dev.entitystore.domain.engine.EngineManager;
import dev.entitystore.domain.search.EntitySearch;

/**
 * Lists a space's entities (spec §8): validates the parameters, picks the mode, answers. Before the
 * store is installed in the space the answer is an empty list, as Kibana's search with
 * {@code ignore_unavailable} gives.
 */
public final class EntityListing {
    private final EngineManager engines;
    private final CursorListing cursor;
    private final PageListing pages;

    public EntityListing(EntitySearch search, EngineManager engines) {
        this.engines = engines;
        this.cursor = new CursorListing(search);
        this.pages = new PageListing(search);
    }

    public ListAnswer list(String space, ListParameters parameters) {
        ListModes.validate(parameters);
        boolean installed = engines.isInstalled(space);
        return ListModes.isPageMode(parameters)
                ? pages.list(space, parameters, installed)
                : cursor.list(space, parameters, installed);
    }
}
