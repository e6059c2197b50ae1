package dev.entitystore.domain.list;

import dev.entitystore.domain.engine.EngineManager;
import dev.entitystore.domain.error.InvalidRequestException;
import dev.entitystore.domain.search.EntitySearch;
import java.util.List;

/**
 * Lists a space's entities: validates the parameters, picks the mode, answers. Before the
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

    /**
     * The legacy list ({@code GET /api/entity_store/entities/list}): page mode with
     * {@code entity_types} required. Over one store the types filter {@code entity.EngineMetadata.Type},
     * which every create stamps (product rules §3.3), instead of choosing per-type indices as Kibana's v1 did.
     */
    public ListAnswer.Page listLegacy(String space, List<String> entityTypes, String sortField, String sortOrder,
                                      Long page, Integer perPage, String filterQuery) {
        ListParameters parameters = new ListParameters(null, null, null, null, null, page, perPage, sortField, sortOrder,
                filterQuery, entityTypes);
        if (parameters.entityTypes() == null) {
            throw new InvalidRequestException("[request query]: entity_types: Required");
        }
        ListModes.validate(parameters);
        return pages.list(space, parameters, engines.isInstalled(space));
    }

    public ListAnswer list(String space, ListParameters parameters) {
        ListModes.validate(parameters);
        boolean installed = engines.isInstalled(space);
        return ListModes.isPageMode(parameters)
                ? pages.list(space, parameters, installed)
                : cursor.list(space, parameters, installed);
    }
}
