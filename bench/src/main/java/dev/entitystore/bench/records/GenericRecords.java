package dev.entitystore.bench.records;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.entity.EntityType;
import java.util.Random;

/** Cloud resources identified by {@code entity.id} (the EUID as is), with cloud and orchestrator fields. */
public final class GenericRecords implements EntityRecords {
    private static final String[] REGIONS = {"eu-west-1", "us-east-1", "ap-south-1"};
    private static final int POPULATION = 1_000_000;

    public static String entityId(int n) {
        return String.format("arn:aws:s3:::bucket-%07d", n);
    }

    @Override
    public EntityType type() {
        return EntityType.GENERIC;
    }

    @Override
    public String euid(int n) {
        return entityId(n);
    }

    @Override
    public ObjectNode create(int n, Random random) {
        ObjectNode doc = RecordParts.JSON.objectNode();
        ObjectNode entity = RecordParts.entity(doc, random);
        entity.put("id", entityId(n));
        entity.put("name", "bucket-" + n);
        entity.put("type", "bucket");
        entity.put("sub_type", "aws_s3_bucket");
        ObjectNode cloud = doc.putObject("cloud");
        cloud.put("provider", "aws");
        cloud.put("region", REGIONS[n % REGIONS.length]);
        cloud.putObject("account").put("id", String.format("%012d", n % 40));
        cloud.putObject("service").put("name", "s3");
        ObjectNode orchestrator = doc.putObject("orchestrator");
        orchestrator.putObject("cluster").put("name", "cluster-" + (n % 12));
        orchestrator.put("namespace", "ns-" + random.nextInt(30));
        RecordParts.asset(doc, n, random);
        return doc;
    }

    @Override
    public ObjectNode update(int n, Random random) {
        ObjectNode doc = RecordParts.JSON.objectNode();
        ObjectNode entity = doc.putObject("entity");
        entity.put("id", entityId(n));
        RecordParts.updatable(entity, random, POPULATION);
        return doc;
    }
}
