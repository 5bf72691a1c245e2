package vn.ccn.dms.devstack.demo;

import jakarta.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.ccn.dms.devstack.api.ApiClient;
import vn.ccn.dms.devstack.api.MultipartBody;
import vn.ccn.dms.pades.crypto.Pem;
import vn.ccn.dms.pades.testpki.TestDocuments;
import vn.ccn.dms.pades.testpki.TestPki;

/**
 * Digital signing in the demo (issue 4), so that a leader can sign and the desk can seal as soon as the stack is up:
 * a throw-away PKI made at start (root, issuing CA, TSA, OCSP responder, CRLs — the one the tests use), served by
 * the run command's JVM on a free port of 127.0.0.1 for as long as the stack runs; PKCS#12 keystores for the
 * Department of Industry and Trade's leader and for the Department itself, whose password is the demo PIN; the
 * root as the trust anchor; the leader's signature image and the Department's seal and place name; and one
 * outgoing letter waiting in the leader's inbox.
 *
 * <p>Everything is made anew at each start (certificates valid from a month ago for ten years), so documents
 * signed in an earlier run chain to a root that is no longer trusted and show as not verifiable: a demo, not a CA.
 */
public final class DemoSigning implements AutoCloseable {

    static final String LEADER = "lanhdao.sct";
    static final String LEADER_KEYSTORE = "lanhdao-sct.p12";
    static final String AGENCY_KEYSTORE = "so-cong-thuong.p12";

    private final TestPki pki;
    private final Path directory;

    private DemoSigning(TestPki pki, Path directory) {
        this.pki = pki;
        this.directory = directory;
    }

    /** Makes the PKI and the keystores in {@code directory} (emptied first) and starts serving TSA, OCSP and CRLs. */
    public static DemoSigning start(Path directory, String pin) {
        Objects.requireNonNull(pin, "pin");
        try {
            if (Files.isDirectory(directory)) {
                try (var files = Files.walk(directory)) {
                    for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(directory.resolve("anchors"));
            TestPki pki = new TestPki(0);
            Files.writeString(directory.resolve("anchors/demo-root.pem"), Pem.format(List.of(pki.rootCertificate())));
            Files.move(TestPki.pkcs12(pki.rsaSigner(), pin.toCharArray(), directory), directory.resolve(LEADER_KEYSTORE));
            Files.move(TestPki.pkcs12(pki.ecSigner(), pin.toCharArray(), directory), directory.resolve(AGENCY_KEYSTORE));
            return new DemoSigning(pki, directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the demo signing keys in " + directory, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the demo PKI", e);
        }
    }

    /** What Payara needs to sign and validate with this PKI ({@code dms.signature.*}, docs/signing.md). */
    public Map<String, String> environment() {
        return Map.of(
                "DMS_SIGNATURE_TSA_URL", pki.tsaUrl().toString(),
                "DMS_SIGNATURE_TRUST_ANCHORS", directory.resolve("anchors").toString(),
                "DMS_SIGNATURE_PKCS12_DIRECTORY", directory.toString());
    }

    /**
     * Registers the keystores, the leader's signature image, the seal and the place name through the API as the
     * administrator, and puts one letter in the leader's inbox. Idempotent: settings are PUT, the letter is made
     * only when the inbox is empty. Returns what was done, for the run command's summary.
     */
    public List<String> configure(ApiClient admin, String demoPassword) throws IOException {
        List<String> done = new ArrayList<>();
        admin.put("signature/credentials/users/" + LEADER, Json.createObjectBuilder().add("kind", "PKCS12")
                .add("file", LEADER_KEYSTORE).build()).expect(200);
        admin.put("signature/credentials/agencies/" + DemoData.SCT, Json.createObjectBuilder().add("kind", "PKCS12")
                .add("file", AGENCY_KEYSTORE).build()).expect(200);
        admin.put("signature/users/" + LEADER + "/signature-image", "image/png", TestDocuments.signatureImagePng()).expect(204);
        admin.put("signature/agencies/" + DemoData.SCT + "/place", Json.createObjectBuilder().add("placeName", "Lạng Sơn")
                .build()).expect(200);
        admin.put("signature/agencies/" + DemoData.SCT + "/seal?widthMm=36&heightMm=36", "image/png",
                TestDocuments.sealImagePng()).expect(200);
        done.add("signing: keys of " + LEADER + " and of the Department (PKCS#12), signature image, seal, TSA/OCSP at "
                + pki.baseUrl());
        ApiClient leader = admin.as(LEADER, demoPassword);
        if (leader.get("signature/inbox").expect(200).array().isEmpty()) {
            ApiClient specialist = admin.as("chuyenvien.sct", demoPassword);
            String summary = "Kế hoạch kiểm tra việc đầu tư hạ tầng kỹ thuật các cụm công nghiệp năm 2027";
            Path pdf = directory.resolve("ke-hoach-kiem-tra.pdf");
            DemoPdf.write(new DemoPdf.Letter("Ủy ban nhân dân tỉnh Lạng Sơn", "Sở Công Thương", null, "/KH-SCT", "Lạng Sơn",
                    java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")), "Kế hoạch", summary,
                    List.of("Thực hiện Quy chế phối hợp ban hành kèm theo Quyết định số 09/2025/QĐ-UBND, Sở Công Thương"
                            + " kiểm tra việc đầu tư hạ tầng kỹ thuật của các cụm công nghiệp trên địa bàn tỉnh trong năm 2027.",
                            "Đề nghị Sở Tài chính phối hợp kiểm tra việc sử dụng vốn ngân sách hỗ trợ đầu tư hạ tầng."),
                    "KT. Giám đốc - Phó Giám đốc", "Lương Văn Đức"), pdf);
            var metadata = Json.createObjectBuilder().add("typeCode", "KH").add("summary", summary)
                    .add("registerId", DemoData.outgoingRegisterId(specialist))
                    .add("signerName", "Lương Văn Đức").add("signerPosition", "KT. Giám đốc\nPhó Giám đốc")
                    .add("recipients", Json.createArrayBuilder().add(Json.createObjectBuilder().add("agencyCode", DemoData.STC)))
                    .build();
            long id = specialist.post("documents/outgoing", MultipartBody.builder().json("metadata", metadata)
                    .file("file", pdf, "application/pdf").build()).expect(201).object().getJsonNumber("id").longValue();
            specialist.post("signature/documents/" + id + "/submit", Json.createObjectBuilder().add("leader", LEADER).build())
                    .expect(200);
            done.add("signing: one outgoing plan waiting in the leader's inbox (document " + id + ")");
        }
        return done;
    }

    @Override
    public void close() {
        pki.close();
    }
}
