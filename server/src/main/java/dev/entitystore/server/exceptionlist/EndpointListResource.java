package dev.entitystore.server.exceptionlist;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.api.EndpointExceptionsApi;
import dev.entitystore.api.model.CreateEndpointListItemRequest;
import dev.entitystore.api.model.ExceptionListItemCommentInput;
import dev.entitystore.api.model.ExceptionOsType;
import dev.entitystore.api.model.SortOrder;
import dev.entitystore.api.model.UpdateEndpointListItemRequest;
import dev.entitystore.domain.exceptionlist.EndpointList;
import dev.entitystore.domain.exceptionlist.EndpointListItems;
import dev.entitystore.domain.exceptionlist.ItemInput;
import dev.entitystore.domain.exceptionlist.ItemSearch;
import dev.entitystore.domain.exceptionlist.ListActor;
import dev.entitystore.server.auth.Principal;
import dev.entitystore.server.auth.StoredCredential;
import dev.entitystore.server.http.RequestSpace;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.glassfish.jersey.server.ContainerRequest;

/**
 * Kibana's endpoint exception list routes: the bodies to the domain's terms, the caller to the user name
 * Kibana records, the answers as they are. Validation, lookups and texts are the domain's.
 */
public final class EndpointListResource implements EndpointExceptionsApi {
    /** The user Kibana's lists record when security is off (our server without credentials). */
    static final String ANONYMOUS_USER = "elastic";
    private static final int DEFAULT_PAGE = 1;
    private static final int DEFAULT_PER_PAGE = 20;

    private final EndpointList list;
    private final EndpointListItems items;
    private final ItemSearch search;

    @Inject
    private Provider<ContainerRequest> request;

    public EndpointListResource(EndpointList list, EndpointListItems items, ItemSearch search) {
        this.list = list;
        this.items = items;
        this.search = search;
    }

    @Override
    public Response createEndpointList(String kbnXsrf) {
        return Response.ok(list.create(actor()).orElseGet(JsonNodeFactory.instance::objectNode)).build();
    }

    @Override
    public Response createEndpointListItem(CreateEndpointListItemRequest body, String kbnXsrf) {
        ItemInput input = new ItemInput(null, body.getItemId(), body.getType().toString(), body.getName(),
                body.getDescription(), entries(body.getEntries()), osTypes(body.getOsTypes()), body.getTags(),
                body.getMeta(), comments(body.getComments()), null);
        return Response.ok(items.create(input, actor())).build();
    }

    @Override
    public Response updateEndpointListItem(UpdateEndpointListItemRequest body, String kbnXsrf) {
        ItemInput input = new ItemInput(body.getId(), body.getItemId(), body.getType().toString(), body.getName(),
                body.getDescription(), entries(body.getEntries()), osTypes(body.getOsTypes()), body.getTags(),
                body.getMeta(), comments(body.getComments()), body.getObjectVersion());
        return Response.ok(items.update(input, actor())).build();
    }

    @Override
    public Response readEndpointListItem(String id, String itemId) {
        return Response.ok(items.get(id, itemId)).build();
    }

    @Override
    public Response deleteEndpointListItem(String kbnXsrf, String id, String itemId) {
        return Response.ok(items.delete(id, itemId)).build();
    }

    @Override
    public Response findEndpointListItems(String filter, Integer page, Integer perPage, String sortField,
                                          SortOrder sortOrder) {
        ItemSearch.Page found = search.find(filter, page == null ? DEFAULT_PAGE : page,
                perPage == null ? DEFAULT_PER_PAGE : perPage, sortField, sortOrder == SortOrder.DESC, actor());
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.putArray("data").addAll(found.data());
        answer.put("page", found.page());
        answer.put("per_page", found.perPage());
        answer.put("total", found.total());
        return Response.ok(answer).build();
    }

    /** Kibana records the user's name; an API key has no user here, so its name stands for one. */
    private ListActor actor() {
        ContainerRequest current = request.get();
        Principal principal = Principal.of(current);
        String user = principal == null ? ANONYMOUS_USER
                : principal.credential().kind() == StoredCredential.Kind.API_KEY ? principal.credential().name()
                : principal.credential().id();
        return new ListActor(user, RequestSpace.of(current));
    }

    private static ArrayNode entries(List<ObjectNode> entries) {
        if (entries == null) {
            return null;
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        entries.forEach(array::add);
        return array;
    }

    private static List<String> osTypes(List<ExceptionOsType> osTypes) {
        return osTypes == null ? null : osTypes.stream().map(ExceptionOsType::toString).toList();
    }

    private static List<ItemInput.Comment> comments(List<ExceptionListItemCommentInput> comments) {
        return comments == null ? null : comments.stream()
                .map(c -> c == null ? null : new ItemInput.Comment(c.getId(), c.getComment())).toList();
    }
}
