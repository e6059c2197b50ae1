package dev.entitystore.server.transfer;

import dev.entitystore.api.EntityTransferApi;
import dev.entitystore.api.model.ImportMode;
import dev.entitystore.api.model.TransferFormat;
import dev.entitystore.domain.transfer.EntityExport;
import dev.entitystore.domain.transfer.ExportRequest;
import dev.entitystore.domain.transfer.ImportJobs;
import dev.entitystore.server.http.SpaceScopedResource;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streamed export and import of entity records. The export writes as it reads (a failure after the first
 * byte can only cut the stream short, and is logged); the import answers 202 once its body is spooled and
 * runs as a job.
 */
public final class EntityTransferResource extends SpaceScopedResource implements EntityTransferApi {
    private static final Logger LOG = LoggerFactory.getLogger(EntityTransferResource.class);
    static final String IMPORT_ROUTE = "/api/security/entity_store/_import/";

    private final EntityExport export;
    private final ImportJobs jobs;

    public EntityTransferResource(EntityExport export, ImportJobs jobs) {
        this.export = export;
        this.jobs = jobs;
    }

    @Override
    public Response exportEntities(TransferFormat format, String filter, List<String> entityTypes, List<String> fields) {
        dev.entitystore.domain.transfer.TransferFormat lineFormat = toDomain(format);
        ExportRequest request = new ExportRequest(space(), lineFormat, filter, split(entityTypes), split(fields));
        export.validate(request);
        StreamingOutput body = out -> {
            try {
                export.write(request, new BufferedOutputStream(out, 1 << 16));
            } catch (RuntimeException e) {
                LOG.warn("Export of space {} cut short: {}", request.space(), e.getMessage());
                throw e;
            }
        };
        String type = lineFormat == dev.entitystore.domain.transfer.TransferFormat.CSV
                ? "text/csv; charset=utf-8" : "application/x-ndjson";
        return Response.ok(body, type).build();
    }

    @Override
    public Response importEntities(File body, TransferFormat format, ImportMode mode, Boolean dryRun, Boolean force,
                                   String kbnXsrf) {
        dev.entitystore.domain.transfer.ImportMode importMode = mode == null
                ? dev.entitystore.domain.transfer.ImportMode.UPSERT
                : dev.entitystore.domain.transfer.ImportMode.valueOf(mode.name());
        String id;
        try {
            id = jobs.start(space(), body.toPath(), toDomain(format), importMode, Boolean.TRUE.equals(dryRun),
                    Boolean.TRUE.equals(force));
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the import body", e);
        }
        String prefix = "default".equals(space()) ? "" : "/s/" + space();
        return Response.accepted(Map.of("job_id", id)).location(URI.create(prefix + IMPORT_ROUTE + id)).build();
    }

    @Override
    public Response getImportJob(String jobId) {
        return Response.ok(jobs.status(space(), jobId)).build();
    }

    private static dev.entitystore.domain.transfer.TransferFormat toDomain(TransferFormat format) {
        return format == TransferFormat.CSV
                ? dev.entitystore.domain.transfer.TransferFormat.CSV : dev.entitystore.domain.transfer.TransferFormat.NDJSON;
    }

    /** Repeated or comma-separated, as the list's array parameters. */
    private static List<String> split(List<String> values) {
        List<String> split = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        split.add(part.trim());
                    }
                }
            }
        }
        return split;
    }
}
