package vn.ccn.dms.search.elasticsearch;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import vn.ccn.dms.search.IndexedDocument;
import vn.ccn.dms.search.NumberSymbols;

import java.text.Normalizer;

/**
 * The JSON source of an index entry. Text is put in Unicode NFC: the folding filter maps precomposed
 * Vietnamese letters, so a decomposed "ế" (e + two combining marks, as some keyboards and PDFs produce)
 * would otherwise not match "e". Absent values are left out rather than sent as null.
 */
final class DocumentJson {

    /**
     * One factory for the class: {@code Json.createObjectBuilder()} looks the JSON provider up through the
     * ServiceLoader on every call, which the upload benchmark's profile showed as a hot spot.
     */
    private static final jakarta.json.JsonBuilderFactory JSON = Json.createBuilderFactory(java.util.Map.of());

    private DocumentJson() {
    }

    static JsonObject of(IndexedDocument d) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("id", d.id());
        put(json, "versionId", d.versionId());
        put(json, "numberSymbol", NumberSymbols.normalize(d.numberSymbol()));
        put(json, "type", d.type());
        put(json, "typeName", nfc(d.typeName()));
        put(json, "issuer", nfc(d.issuer()));
        put(json, "agencyCode", d.agencyCode());
        if (d.date() != null) {
            json.add("date", d.date().toString());
        }
        if (d.year() != null) {
            json.add("year", d.year());
        }
        put(json, "secrecy", d.secrecy());
        put(json, "dossierCode", NumberSymbols.normalize(d.dossierCode()));
        put(json, "ccn", d.ccn());
        put(json, "status", d.status());
        put(json, "summary", nfc(d.summary()));
        json.add("content", nfc(d.content()));
        json.add("ocr", d.ocr());
        JsonArrayBuilder readers = JSON.createArrayBuilder();
        d.readers().forEach(readers::add);
        json.add("readers", readers);
        return json.build();
    }

    static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static void put(JsonObjectBuilder json, String field, String value) {
        if (value != null) {
            json.add(field, value);
        }
    }
}
