package dev.entitystore.domain.exceptionlist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.error.ExceptionListConflictException;
import dev.entitystore.domain.error.ExceptionListItemMissingException;
import dev.entitystore.domain.error.ExceptionListRequestException;
import dev.entitystore.domain.merge.PartialUpdateMerger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The items of the endpoint exception list, with Kibana's semantics: create (unique {@code item_id},
 * endpoint entry rules, disallowed fields, the list's size limit), update by {@code id} or
 * {@code item_id} with patch semantics and append-only comments, optionally conditional on
 * {@code _version}, read and delete. Texts and their order of checks are Kibana's.
 */
public final class EndpointListItems {
    public static final int MAX_LIST_SIZE = 10_000;
    static final String NAMESPACE_TYPE = "agnostic";
    /** Fields an endpoint exception may not be about (Kibana's {@code endpointDisallowedFields}). */
    static final Set<String> DISALLOWED_FIELDS = Set.of("file.Ext.quarantine_path", "file.Ext.quarantine_result",
            "process.entity_id", "process.parent.entity_id", "process.ancestry");
    /** Attempts of an update without {@code _version} before it gives up on a busy item. */
    private static final int UNCONDITIONAL_ATTEMPTS = 20;

    private final ExceptionListStore store;
    private final EndpointList list;
    private final ListClock clock;
    private final Supplier<String> ids;

    public EndpointListItems(ExceptionListStore store, EndpointList list, ListClock clock, Supplier<String> ids) {
        this.store = store;
        this.list = list;
        this.clock = clock;
        this.ids = ids;
    }

    public ObjectNode create(ItemInput input, ListActor actor) {
        ArrayNode entries = validate(input);
        String itemId = input.itemId() != null ? input.itemId() : ids.get();
        if (store.findItem(EndpointList.LIST_ID, itemId).isPresent()) {
            throw alreadyExists(itemId);
        }
        List<String> invalid = new ArrayList<>();
        for (JsonNode entry : entries) {
            if (!ItemEntries.endpointAllows(entry)) {
                invalid.add("Invalid value \"" + entry.path("type").asText() + "\" supplied to \"entries\"");
            }
        }
        if (!invalid.isEmpty()) {
            throw new ExceptionListRequestException(invalid);
        }
        for (JsonNode entry : entries) {
            if (DISALLOWED_FIELDS.contains(entry.path("field").asText())) {
                throw new ExceptionListRequestException("cannot add endpoint exception item on field "
                        + entry.path("field").asText());
            }
        }
        list.ensure(actor);
        String now = clock.now();
        ObjectNode a = ListClock.JSON.objectNode();
        a.set("comments", ItemComments.append(null, input.comments(), now, actor.user(), ids));
        a.put("created_at", now);
        a.put("created_by", actor.user());
        a.put("description", input.description());
        a.set("entries", entries);
        a.put(StoredListObject.ITEM_ID, itemId);
        a.put(StoredListObject.LIST_ID, EndpointList.LIST_ID);
        a.put(StoredListObject.LIST_TYPE, "item");
        if (input.meta() != null) {
            a.set("meta", input.meta());
        }
        a.put("name", input.name());
        a.set("os_types", strings(input.osTypes()));
        a.set("tags", ArtifactTags.complete(strings(input.tags()), actor.space()));
        a.put("tie_breaker_id", ids.get());
        a.put("type", input.type());
        a.put("updated_at", now);
        a.put("updated_by", actor.user());
        StoredListObject created = store.create(objectId(itemId), a).orElseThrow(() -> alreadyExists(itemId));
        if (store.countItems(EndpointList.LIST_ID) > MAX_LIST_SIZE) {
            store.delete(created.id());
            throw new ExceptionListRequestException("Failed to add exception item, exception list would exceed max size of "
                    + MAX_LIST_SIZE);
        }
        return ListObjectViews.item(created);
    }

    public ObjectNode update(ItemInput input, ListActor actor) {
        ArrayNode entries = validate(input);
        list.ensure(actor);
        ListObjectVersion required = null;
        for (int attempt = 0; ; attempt++) {
            StoredListObject stored = lookup(input.id(), input.itemId()).orElseThrow(() -> input.id() != null
                    ? new ExceptionListItemMissingException("list item id: \"" + input.id() + "\" not found")
                    : new ExceptionListItemMissingException("list item item_id: \"" + (input.itemId() == null ? "undefined" : input.itemId())
                            + "\" not found"));
            if (input.version() != null && required == null) {
                required = ListObjectVersion.decode(input.version());
            }
            ObjectNode updated = patched(stored.attributes(), input, entries, actor);
            // Without _version the last write wins, but never by losing a comment appended meanwhile:
            // the replace is still conditional on the version read, and retried on a conflict.
            ListWrite write = store.replace(stored.id(), updated, required != null ? required : stored.version());
            if (write instanceof ListWrite.Written written) {
                return ListObjectViews.item(written.stored());
            }
            if (write instanceof ListWrite.Conflict conflict
                    && (required != null || attempt + 1 >= UNCONDITIONAL_ATTEMPTS)) {
                ListObjectVersion expected = required != null ? required : stored.version();
                throw new ExceptionListConflictException("version_conflict_engine_exception: [exception-list-agnostic:"
                        + stored.id() + "]: version conflict, required seqNo [" + expected.seqNo() + "], primary term ["
                        + expected.primaryTerm() + "]. current document has seqNo [" + conflict.current().seqNo()
                        + "] and primary term [" + conflict.current().primaryTerm() + "]");
            }
            // Missing (deleted meanwhile): the next lookup answers 404; a conflict without _version: read again.
        }
    }

    /** Kibana's saved-object partial update: named attributes replace, {@code meta} merges, the rest is kept. */
    private ObjectNode patched(ObjectNode stored, ItemInput input, ArrayNode entries, ListActor actor) {
        String now = clock.now();
        ObjectNode a = stored.deepCopy();
        a.set("comments", ItemComments.append(stored.get("comments"), input.comments(), now, actor.user(), ids));
        a.put("description", input.description());
        a.set("entries", entries);
        a.remove("expire_time");
        if (input.meta() != null) {
            JsonNode storedMeta = stored.get("meta");
            a.set("meta", storedMeta instanceof ObjectNode meta
                    ? new PartialUpdateMerger().merge(meta, input.meta()) : input.meta());
        }
        a.put("name", input.name());
        a.set("os_types", strings(input.osTypes()));
        JsonNode tags = input.tags() != null ? strings(input.tags()) : stored.get("tags");
        a.set("tags", ArtifactTags.complete(tags, actor.space()));
        a.put("type", input.type());
        a.put("updated_at", now);
        a.put("updated_by", actor.user());
        return a;
    }

    public ObjectNode get(String id, String itemId) {
        if (id == null && itemId == null) {
            throw new ExceptionListRequestException("id or item_id required");
        }
        return ListObjectViews.item(lookup(id, itemId).orElseThrow(() -> notFound(id, itemId)));
    }

    public ObjectNode delete(String id, String itemId) {
        if (id == null && itemId == null) {
            throw new ExceptionListRequestException("Either \"item_id\" or \"id\" needs to be defined in the request");
        }
        StoredListObject stored = lookup(id, itemId).orElseThrow(() -> notFound(id, itemId));
        if (!store.delete(stored.id())) {
            throw notFound(id, itemId);
        }
        return ListObjectViews.item(stored);
    }

    /**
     * An item's id follows from its {@code item_id} (a name-based UUID): two concurrent creates of one
     * {@code item_id} then race for one id, and the store's create-if-absent lets only one of them win.
     */
    static String objectId(String itemId) {
        return UUID.nameUUIDFromBytes((EndpointList.LIST_ID + "\u0000" + itemId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** By {@code id} when given, else by {@code item_id}; only items of the endpoint list. */
    private Optional<StoredListObject> lookup(String id, String itemId) {
        if (id != null) {
            return store.get(id).filter(o -> o.isItem() && EndpointList.LIST_ID.equals(o.listId()));
        }
        return itemId == null ? Optional.empty() : store.findItem(EndpointList.LIST_ID, itemId);
    }

    /** Kibana's {@code getErrorMessageExceptionListItem}. */
    private static ExceptionListItemMissingException notFound(String id, String itemId) {
        return new ExceptionListItemMissingException(id != null
                ? "exception list item id: \"" + id + "\" does not exist"
                : "exception list item item_id: \"" + itemId + "\" does not exist");
    }

    private static ExceptionListConflictException alreadyExists(String itemId) {
        return new ExceptionListConflictException("exception list item id: \"" + itemId + "\" already exists");
    }

    /** The body's schema checks beyond types (non-empty texts, the entries); returns the entries to store. */
    private static ArrayNode validate(ItemInput input) {
        RequestIssues issues = new RequestIssues();
        ArrayNode entries = new ItemEntries(issues).read(input.entries(), "entries");
        if (input.id() != null) {
            issues.nonEmptyString(ListClock.JSON.textNode(input.id()), "id");
        }
        if (input.itemId() != null) {
            issues.nonEmptyString(ListClock.JSON.textNode(input.itemId()), "item_id");
        }
        issues.nonEmptyString(ListClock.JSON.textNode(input.name()), "name");
        if (input.tags() != null) {
            for (int i = 0; i < input.tags().size(); i++) {
                String tag = input.tags().get(i);
                if (tag == null || tag.isEmpty()) {
                    issues.add("tags." + i, tag == null ? "Invalid input: expected string, received null"
                            : "Too small: expected string to have >=1 characters");
                }
            }
        }
        ItemComments.validate(input.comments(), issues);
        issues.throwIfAny();
        return entries;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = ListClock.JSON.arrayNode();
        if (values != null) {
            values.forEach(array::add);
        }
        return array;
    }
}
