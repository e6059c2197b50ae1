package dev.entitystore.domain.transfer;

import static dev.entitystore.domain.testing.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Export lines written from stored JSON text are the lines written from the parsed record. */
class NdjsonLinesTest {
    private static String stored(ObjectNode record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new NdjsonLines(out).stored(record.toString().getBytes(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String tree(ObjectNode record) throws IOException {
        return TreeExportReference.write(java.util.List.of(record), TransferFormat.NDJSON, java.util.List.of());
    }

    @Test
    void aStoredRecordIsCopiedAsItIsBehindTheTypeItCarries() throws IOException {
        ObjectNode record = obj("{'host':{'name':'h','ip':['10.0.0.1'],'os':{'entity':{'EngineMetadata':{'Type':'decoy'}}}},"
                + "'entity':{'id':'host:h','attributes':{'watchlists':['a']},'EngineMetadata':{'Type':'host'}},'é':'ü'}");
        assertThat(stored(record)).isEqualTo("{\"type\":\"host\",\"doc\":" + record + "}\n").isEqualTo(tree(record));
    }

    @Test
    void aRecordWithoutAStringTypeIsGeneric() throws IOException {
        for (String json : new String[] {"{'entity':{'id':'x'}}", "{'entity':{'id':'x','EngineMetadata':{'Type':7}}}",
                "{'entity':{'EngineMetadata':'host'}}", "{'entity':'host'}", "{}"}) {
            ObjectNode record = obj(json);
            assertThat(stored(record)).as(json).startsWith("{\"type\":\"generic\",\"doc\":").isEqualTo(tree(record));
        }
    }

    @Test
    void aTypeIsQuotedAsJson() throws IOException {
        ObjectNode record = obj("{'entity':{'EngineMetadata':{'Type':'we\\\"ird'}}}");
        assertThat(stored(record)).startsWith("{\"type\":\"we\\\"ird\",\"doc\":").isEqualTo(tree(record));
    }

    @Test
    void theByteScanFindsTheTypeTheParserFindsOrLeavesItToTheParser() throws IOException {
        String[] texts = {
            "{\"entity\":{\"EngineMetadata\":{\"Type\":\"host\"}}}",
            "{\"a\":\"}{\\\"entity\\\":\",\"b\":[1,{\"entity\":{\"EngineMetadata\":{\"Type\":\"decoy\"}}},\"]\"],"
                    + "\"n\":-1.5e3,\"t\":true,\"z\":null,\"entity\":{\"id\":\"x\",\"EngineMetadata\":{\"x\":[],\"Type\":\"user\"}}}",
            " { \"entity\" : { \"EngineMetadata\" : { \"Type\" : \"service\" } } } ",
            "{\"entity\":{\"EngineMetadata\":{\"Type\":\"é\"}}}",
            "{\"entity\":{\"EngineMetadata\":{\"Type\":\"we\\\"ird\"}}}",
            "{\"ent\\u0069ty\":{\"EngineMetadata\":{\"Type\":\"escaped-key\"}}}",
            "{\"entity\":{\"EngineMetadata\":{\"Type\":7}}}",
            "{\"entity\":{\"EngineMetadata\":\"host\"}}",
            "{\"entity\":[{\"EngineMetadata\":{\"Type\":\"host\"}}]}",
            "{\"entity\":{\"id\":\"a\"},\"entity\":{\"EngineMetadata\":{\"Type\":\"second\"}}}",
            "{}", "[]", "\"text\"", "{\"entity\":{\"EngineMetadata\":{\"Type\":\"cut", "{\"entity\" 1}",
        };
        for (String text : texts) {
            byte[] json = text.getBytes(StandardCharsets.UTF_8);
            String scanned = StoredTypeScan.typeOf(json);
            if (scanned != StoredTypeScan.UNSURE) {
                assertThat(scanned == null ? NdjsonLines.DEFAULT_TYPE : scanned).as(text).isEqualTo(NdjsonLines.typeOf(json));
            }
        }
        assertThat(StoredTypeScan.typeOf(texts[1].getBytes(StandardCharsets.UTF_8))).isEqualTo("user");
        assertThat(StoredTypeScan.typeOf(texts[2].getBytes(StandardCharsets.UTF_8))).isEqualTo("service");
        assertThat(StoredTypeScan.typeOf(texts[5].getBytes(StandardCharsets.UTF_8))).isSameAs(StoredTypeScan.UNSURE);
    }
}
