package dev.entitystore.store.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.profile.ProfileRefresh;
import dev.entitystore.domain.profile.ProfileStore;
import dev.entitystore.domain.profile.UserProfile;
import dev.entitystore.domain.profile.VersionedProfile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpType;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.core.IndexResponse;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * The OpenSearch {@link ProfileStore}: one index, {@code <prefix>profiles}, a document per uid with the
 * id {@code profile_<uid>} as Elasticsearch names it. Versions are the cluster's own {@code _seq_no} and
 * {@code _primary_term}, and writes are conditional on them ({@code op_type=create} for a new profile),
 * so a conflict is a value here, not an exception. Reads are realtime gets: a write is read back the
 * moment it is answered, whatever its {@code refresh}. Labels and data are stored, not indexed (no route
 * searches them), so no mapping conflict can refuse a value.
 */
public final class OpenSearchProfileStore implements ProfileStore {
    private static final String DEFINITION = """
            {
              "settings": { "index": { "number_of_shards": 1, "auto_expand_replicas": "0-1", "refresh_interval": "100ms" } },
              "mappings": {
                "dynamic": "strict",
                "properties": {
                  "uid": { "type": "keyword" },
                  "enabled": { "type": "boolean" },
                  "last_synchronized": { "type": "date", "format": "epoch_millis" },
                  "user": { "type": "object", "enabled": false },
                  "labels": { "type": "object", "enabled": false },
                  "application_data": { "type": "object", "enabled": false }
                }
              }
            }""";

    /** Profiles read per page by {@link #list()}. */
    private static final int LIST_PAGE = 500;

    private final OpenSearchClient client;
    private final String index;
    private volatile boolean exists;

    public OpenSearchProfileStore(OpenSearchConnection connection, IndexNames names) {
        this.client = connection.client();
        this.index = names.profiles();
    }

    @Override
    public boolean exists() {
        if (exists) {
            return true;
        }
        try {
            exists = client.indices().exists(e -> e.index(index)).value();
            return exists;
        } catch (OpenSearchException | IOException e) {
            throw BackendFailures.failure("the check of the profile index", e);
        }
    }

    @Override
    public void ensureExists() {
        if (!exists) {
            IndexCreation.createIfAbsent(client, index, DEFINITION, "the creation of the profile index");
            exists = true;
        }
    }

    @Override
    public Optional<VersionedProfile> get(String uid) {
        try {
            GetResponse<ObjectNode> response = client.get(g -> g.index(index).id(UserProfile.documentId(uid)), ObjectNode.class);
            if (!response.found() || response.source() == null) {
                return Optional.empty();
            }
            return Optional.of(new VersionedProfile(UserProfile.fromStored(response.source()), response.seqNo(),
                    response.primaryTerm()));
        } catch (OpenSearchException | IOException e) {
            if (BackendFailures.isIndexMissing(e)) {
                exists = false;
                return Optional.empty();
            }
            throw BackendFailures.failure("the read of profile " + uid, e);
        }
    }

    /** Every profile, in uid order, page after page ({@code search_after} on the uid). */
    @Override
    public List<VersionedProfile> list() {
        List<VersionedProfile> profiles = new ArrayList<>();
        try {
            String after = null;
            while (true) {
                String searchAfter = after;
                SearchResponse<ObjectNode> response = client.search(s -> {
                    s.index(index).size(LIST_PAGE).seqNoPrimaryTerm(true)
                            .sort(o -> o.field(f -> f.field("uid").order(SortOrder.Asc)));
                    return searchAfter == null ? s : s.searchAfter(FieldValue.of(searchAfter));
                }, ObjectNode.class);
                List<Hit<ObjectNode>> hits = response.hits().hits();
                for (Hit<ObjectNode> hit : hits) {
                    UserProfile profile = UserProfile.fromStored(hit.source());
                    profiles.add(new VersionedProfile(profile, hit.seqNo(), hit.primaryTerm()));
                    after = profile.uid();
                }
                if (hits.size() < LIST_PAGE) {
                    return profiles;
                }
            }
        } catch (OpenSearchException | IOException e) {
            if (BackendFailures.isIndexMissing(e)) {
                exists = false;
                return List.of();
            }
            throw BackendFailures.failure("the list of profiles", e);
        }
    }

    @Override
    public Optional<VersionedProfile> create(UserProfile profile, ProfileRefresh refresh) {
        ensureExists();
        return write(profile, null, 0, refresh);
    }

    @Override
    public Optional<VersionedProfile> replace(UserProfile profile, long seqNo, long primaryTerm, ProfileRefresh refresh) {
        return write(profile, seqNo, primaryTerm, refresh);
    }

    private Optional<VersionedProfile> write(UserProfile profile, Long seqNo, long primaryTerm, ProfileRefresh refresh) {
        ObjectNode source = profile.toStored();
        try {
            IndexResponse response = client.index(i -> {
                i.index(index).id(profile.documentId()).document(source).refresh(refresh(refresh));
                return seqNo == null ? i.opType(OpType.Create) : i.ifSeqNo(seqNo).ifPrimaryTerm(primaryTerm);
            });
            return Optional.of(new VersionedProfile(profile, response.seqNo(), response.primaryTerm()));
        } catch (OpenSearchException | IOException e) {
            if (BackendFailures.isConflict(e)) {
                return Optional.empty();
            }
            throw BackendFailures.failure("the write of profile " + profile.uid(), e);
        }
    }

    private static Refresh refresh(ProfileRefresh refresh) {
        return switch (refresh) {
            case TRUE -> Refresh.True;
            case FALSE -> Refresh.False;
            case WAIT_FOR -> Refresh.WaitFor;
        };
    }
}
