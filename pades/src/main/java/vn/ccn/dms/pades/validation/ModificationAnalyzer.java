package vn.ccn.dms.pades.validation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Finds what changed between a signed revision and the final file, object by object: an object whose
 * cross-reference entry differs was (re)written by a later incremental update. Each such object is
 * classified by what it is (catalog, page, field, widget, annotation, content stream, DSS...) and by what
 * changed in it, so that permitted changes (form filling, signing, validation data) are told apart from the
 * shadow-attack classes (hide, replace, hide-and-replace: Mainka et al., NDSS 2021) and incremental-saving
 * attacks (Mladenov et al., CCS 2019): new page content, replaced objects of signed pages, overlay annotations.
 */
final class ModificationAnalyzer {

    private static final COSName DSS = COSName.getPDFName("DSS");
    private static final Set<COSName> FORM_FILL_KEYS = Set.of(COSName.V, COSName.AP, COSName.AS);
    private static final Set<COSName> PAGE_CONTENT_KEYS = Set.of(COSName.CONTENTS, COSName.RESOURCES, COSName.MEDIA_BOX,
            COSName.CROP_BOX, COSName.ROTATE, COSName.getPDFName("UserUnit"));

    private final PDDocument finalDocument;
    private final Map<COSObjectKey, Long> finalXref;

    ModificationAnalyzer(PDDocument finalDocument) {
        this.finalDocument = Objects.requireNonNull(finalDocument, "finalDocument");
        this.finalXref = new HashMap<>(finalDocument.getDocument().getXrefTable());
    }

    /** The changes made after the revision that ends at {@code revisionEnd}. */
    List<Modification> changesAfter(byte[] file, long revisionEnd) throws IOException {
        List<Modification> result = new ArrayList<>();
        if (revisionEnd >= file.length) {
            return result;
        }
        byte[] prefix = java.util.Arrays.copyOf(file, (int) revisionEnd);
        try (PDDocument signed = Loader.loadPDF(prefix)) {
            Map<COSObjectKey, Long> signedXref = signed.getDocument().getXrefTable();
            Set<COSObjectKey> pageContentObjects = pageContentObjects(signed);
            Map<Long, String> signedFieldNames = fieldNames(signed);
            Set<Long> signedPageObjects = new HashSet<>();
            signed.getPages().forEach(p -> signedPageObjects.add(objectNumber(signed, p.getCOSObject())));

            for (Map.Entry<COSObjectKey, Long> e : finalXref.entrySet()) {
                COSObjectKey key = e.getKey();
                Long before = signedXref.get(key);
                if (before == null || before.equals(e.getValue())) {
                    continue; // new objects only matter through what references them; unchanged ones are fine
                }
                COSBase oldObject = resolve(signed, key);
                COSBase newObject = resolve(finalDocument, key);
                if (oldObject == null && newObject == null) {
                    continue;
                }
                classifyChanged(key, oldObject, newObject, pageContentObjects, signedFieldNames, signedPageObjects, result);
            }
            comparePages(signed, result);
            compareFields(signed, signedFieldNames, result);
            if (finalDocument.getDocumentCatalog().getCOSObject().getDictionaryObject(DSS) != null
                    && signed.getDocumentCatalog().getCOSObject().getDictionaryObject(DSS) == null) {
                result.add(new Modification(ModificationKind.VALIDATION_DATA_ADDED, 0, "", "DSS dictionary added"));
            }
        }
        return dedupe(result);
    }

    private void classifyChanged(COSObjectKey key, COSBase oldObject, COSBase newObject, Set<COSObjectKey> pageContentObjects,
            Map<Long, String> signedFieldNames, Set<Long> signedPageObjects, List<Modification> out) {
        long number = key.getNumber();
        if (pageContentObjects.contains(key)) {
            out.add(new Modification(ModificationKind.PAGE_CONTENT_CHANGED, number, "",
                    "an object drawn on a signed page was rewritten"));
            return;
        }
        if (!(newObject instanceof COSDictionary dict) || !(oldObject instanceof COSDictionary old)) {
            out.add(new Modification(ModificationKind.OBJECT_REPLACED, number, "", "non-dictionary object rewritten"));
            return;
        }
        COSName type = dict.getCOSName(COSName.TYPE);
        Set<COSName> changed = changedKeys(old, dict);
        if (changed.isEmpty()) {
            return; // rewritten with identical content (PDFBox does this for catalog/AcroForm when signing)
        }
        if (COSName.CATALOG.equals(type)) {
            Set<COSName> other = new HashSet<>(changed);
            other.removeAll(Set.of(COSName.ACRO_FORM, DSS, COSName.getPDFName("Extensions"), COSName.METADATA));
            if (!other.isEmpty()) {
                out.add(new Modification(ModificationKind.CATALOG_CHANGED, number, "", "catalog keys changed: " + other));
            }
            if (changed.contains(COSName.METADATA)) {
                out.add(new Modification(ModificationKind.METADATA_CHANGED, number, "", "XMP metadata replaced"));
            }
            return; // AcroForm content is compared field by field in compareFields
        }
        if (COSName.PAGE.equals(type)) {
            Set<COSName> content = new HashSet<>(changed);
            content.retainAll(PAGE_CONTENT_KEYS);
            if (!content.isEmpty()) {
                out.add(new Modification(ModificationKind.PAGE_CONTENT_CHANGED, number, "", "page keys changed: " + content));
            }
            Set<COSName> other = new HashSet<>(changed);
            other.removeAll(PAGE_CONTENT_KEYS);
            other.remove(COSName.ANNOTS);
            if (!other.isEmpty()) {
                out.add(new Modification(ModificationKind.OBJECT_REPLACED, number, "", "page keys changed: " + other));
            }
            return; // annotations are compared in comparePages
        }
        if (COSName.PAGES.equals(type)) {
            out.add(new Modification(ModificationKind.PAGES_CHANGED, number, "", "page tree node rewritten: " + changed));
            return;
        }
        if (COSName.SIG.equals(type) || COSName.DOC_TIME_STAMP.equals(type)) {
            out.add(new Modification(ModificationKind.OBJECT_REPLACED, number, "", "an existing signature dictionary was rewritten"));
            return;
        }
        if (DSS.equals(type) || dict.containsKey(COSName.getPDFName("VRI")) || dict.containsKey(COSName.getPDFName("Certs"))) {
            out.add(new Modification(ModificationKind.VALIDATION_DATA_ADDED, number, "", "DSS updated"));
            return;
        }
        boolean isField = dict.containsKey(COSName.FT) || dict.containsKey(COSName.T) || signedFieldNames.containsKey(number);
        boolean isWidget = COSName.WIDGET.equals(dict.getCOSName(COSName.SUBTYPE));
        if (isField || isWidget) {
            String name = signedFieldNames.getOrDefault(number, dict.getString(COSName.T, ""));
            Set<COSName> nonFill = new HashSet<>(changed);
            nonFill.removeAll(FORM_FILL_KEYS);
            // PDFBox and Acrobat set /F (print flag) and /P (page) on a widget when signing into it.
            nonFill.removeAll(Set.of(COSName.F, COSName.P));
            if (!nonFill.isEmpty()) {
                out.add(new Modification(ModificationKind.FIELD_CHANGED, number, name, "field keys changed: " + nonFill));
            }
            if (changed.contains(COSName.V) || changed.contains(COSName.AP) || changed.contains(COSName.AS)) {
                boolean signature = COSName.SIG.equals(dict.getCOSName(COSName.FT));
                out.add(new Modification(signature ? ModificationKind.SIGNATURE_ADDED : ModificationKind.FORM_FILLED, number, name,
                        "changed " + changed));
            }
            return;
        }
        if (COSName.ANNOT.equals(type) || dict.containsKey(COSName.SUBTYPE) && dict.containsKey(COSName.RECT)) {
            out.add(new Modification(ModificationKind.ANNOTATION_CHANGED, number, "", "annotation rewritten"));
            return;
        }
        if (COSName.METADATA.equals(type) || dict.containsKey(COSName.PRODUCER) || dict.containsKey(COSName.MOD_DATE)) {
            out.add(new Modification(ModificationKind.METADATA_CHANGED, number, "", "document information changed"));
            return;
        }
        if (dict instanceof COSStream && isAppearanceStreamOfAWidget(key)) {
            out.add(new Modification(ModificationKind.FORM_FILLED, number, "", "widget appearance stream rewritten"));
            return;
        }
        out.add(new Modification(ModificationKind.OBJECT_REPLACED, number, "", "object rewritten: " + changed));
    }

    private boolean isAppearanceStreamOfAWidget(COSObjectKey key) {
        for (org.apache.pdfbox.pdmodel.PDPage page : finalDocument.getPages()) {
            COSArray annots = page.getCOSObject().getCOSArray(COSName.ANNOTS);
            if (annots == null) {
                continue;
            }
            for (int i = 0; i < annots.size(); i++) {
                if (annots.getObject(i) instanceof COSDictionary annot && COSName.WIDGET.equals(annot.getCOSName(COSName.SUBTYPE))) {
                    COSBase ap = annot.getItem(COSName.AP);
                    if (ap != null && references(ap, key, 0)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean references(COSBase base, COSObjectKey key, int depth) {
        if (depth > 3 || base == null) {
            return false;
        }
        if (base instanceof COSObject o) {
            if (key.equals(o.getKey())) {
                return true;
            }
            return references(o.getObject(), key, depth + 1);
        }
        if (base instanceof COSDictionary d && !(base instanceof COSStream)) {
            for (COSBase v : d.getValues()) {
                if (references(v, key, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Page count and order, and the annotations of each page, before and after. */
    private void comparePages(PDDocument signed, List<Modification> out) {
        int before = signed.getNumberOfPages();
        int after = finalDocument.getNumberOfPages();
        if (before != after) {
            out.add(new Modification(ModificationKind.PAGES_CHANGED, 0, "", before + " pages signed, " + after + " now"));
        }
        for (int i = 0; i < Math.min(before, after); i++) {
            COSDictionary oldPage = signed.getPage(i).getCOSObject();
            COSDictionary newPage = finalDocument.getPage(i).getCOSObject();
            long oldNumber = objectNumber(signed, oldPage);
            long newNumber = objectNumber(finalDocument, newPage);
            if (oldNumber != newNumber) {
                out.add(new Modification(ModificationKind.PAGES_CHANGED, newNumber, "", "page " + (i + 1) + " is another object now"));
                continue;
            }
            Set<Long> oldAnnots = annotationNumbers(signed, oldPage);
            COSArray annots = newPage.getCOSArray(COSName.ANNOTS);
            Set<Long> seen = new HashSet<>();
            if (annots != null) {
                for (int a = 0; a < annots.size(); a++) {
                    COSBase item = annots.get(a);
                    long n = item instanceof COSObject o ? o.getKey().getNumber() : -1;
                    seen.add(n);
                    if (oldAnnots.contains(n)) {
                        continue;
                    }
                    COSBase resolved = annots.getObject(a);
                    if (!(resolved instanceof COSDictionary annot)) {
                        continue;
                    }
                    if (COSName.WIDGET.equals(annot.getCOSName(COSName.SUBTYPE))) {
                        boolean signature = COSName.SIG.equals(fieldType(annot));
                        if (signature) {
                            out.add(new Modification(ModificationKind.SIGNATURE_ADDED, Math.max(n, 0), "",
                                    "new signature widget on page " + (i + 1)));
                        } else {
                            out.add(new Modification(ModificationKind.FIELD_ADDED, Math.max(n, 0), annot.getString(COSName.T, ""),
                                    "new form widget on page " + (i + 1)));
                        }
                    } else {
                        out.add(new Modification(ModificationKind.ANNOTATION_ADDED, Math.max(n, 0), "",
                                annot.getCOSName(COSName.SUBTYPE) + " annotation added on page " + (i + 1)));
                    }
                }
            }
            for (Long n : oldAnnots) {
                if (!seen.contains(n)) {
                    out.add(new Modification(ModificationKind.ANNOTATION_CHANGED, n, "", "annotation removed from page " + (i + 1)));
                }
            }
        }
    }

    /** Fields present after but not before (the AcroForm may be a direct object of the catalog). */
    private void compareFields(PDDocument signed, Map<Long, String> signedFieldNames, List<Modification> out) {
        Map<Long, String> now = fieldNames(finalDocument);
        for (Map.Entry<Long, String> e : now.entrySet()) {
            if (signedFieldNames.containsKey(e.getKey())) {
                continue;
            }
            COSBase obj = resolve(finalDocument, new COSObjectKey(e.getKey(), 0));
            boolean signature = obj instanceof COSDictionary d && COSName.SIG.equals(d.getCOSName(COSName.FT));
            out.add(new Modification(signature ? ModificationKind.SIGNATURE_ADDED : ModificationKind.FIELD_ADDED, e.getKey(),
                    e.getValue(), signature ? "new signature field" : "new form field"));
        }
    }

    private static COSName fieldType(COSDictionary fieldOrWidget) {
        COSDictionary d = fieldOrWidget;
        for (int i = 0; i < 10 && d != null; i++) {
            COSName ft = d.getCOSName(COSName.FT);
            if (ft != null) {
                return ft;
            }
            d = d.getCOSDictionary(COSName.PARENT);
        }
        return null;
    }

    private static Set<Long> annotationNumbers(PDDocument doc, COSDictionary page) {
        Set<Long> numbers = new HashSet<>();
        COSArray annots = page.getCOSArray(COSName.ANNOTS);
        if (annots != null) {
            for (int a = 0; a < annots.size(); a++) {
                if (annots.get(a) instanceof COSObject o) {
                    numbers.add(o.getKey().getNumber());
                }
            }
        }
        return numbers;
    }

    /** Object number of every terminal field, with its fully qualified name. */
    static Map<Long, String> fieldNames(PDDocument doc) {
        Map<Long, String> names = new HashMap<>();
        COSDictionary acroForm = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.ACRO_FORM);
        if (acroForm == null) {
            return names;
        }
        COSArray fields = acroForm.getCOSArray(COSName.FIELDS);
        if (fields != null) {
            collectFields(fields, "", names, 0);
        }
        return names;
    }

    private static void collectFields(COSArray fields, String prefix, Map<Long, String> names, int depth) {
        if (depth > 20) {
            return;
        }
        for (int i = 0; i < fields.size(); i++) {
            COSBase item = fields.get(i);
            if (!(item instanceof COSObject o) || !(o.getObject() instanceof COSDictionary field)) {
                continue;
            }
            String partial = field.getString(COSName.T, "");
            String name = prefix.isEmpty() ? partial : prefix + "." + partial;
            names.put(o.getKey().getNumber(), name);
            COSArray kids = field.getCOSArray(COSName.KIDS);
            if (kids != null) {
                collectFields(kids, name, names, depth + 1);
            }
        }
    }

    /** Objects whose change alters the drawing of a signed page: content streams and resources, two levels deep. */
    private static Set<COSObjectKey> pageContentObjects(PDDocument signed) {
        Set<COSObjectKey> keys = new HashSet<>();
        for (org.apache.pdfbox.pdmodel.PDPage page : signed.getPages()) {
            COSDictionary p = page.getCOSObject();
            collectReferences(p.getItem(COSName.CONTENTS), keys, 0, 2);
            collectReferences(p.getItem(COSName.RESOURCES), keys, 0, 4);
        }
        return keys;
    }

    private static void collectReferences(COSBase base, Set<COSObjectKey> keys, int depth, int maxDepth) {
        if (base == null || depth > maxDepth) {
            return;
        }
        if (base instanceof COSObject o) {
            if (o.getKey() != null && !keys.add(o.getKey())) {
                return;
            }
            collectReferences(o.getObject(), keys, depth + 1, maxDepth);
        } else if (base instanceof COSArray a) {
            for (int i = 0; i < a.size(); i++) {
                collectReferences(a.get(i), keys, depth + 1, maxDepth);
            }
        } else if (base instanceof COSDictionary d) {
            for (COSBase v : d.getValues()) {
                collectReferences(v, keys, depth + 1, maxDepth);
            }
        }
    }

    private static Set<COSName> changedKeys(COSDictionary oldDict, COSDictionary newDict) {
        Set<COSName> changed = new HashSet<>();
        Set<COSName> all = new HashSet<>(oldDict.keySet());
        all.addAll(newDict.keySet());
        for (COSName k : all) {
            if (!same(oldDict.getItem(k), newDict.getItem(k), 0)) {
                changed.add(k);
            }
        }
        if (oldDict instanceof COSStream os && newDict instanceof COSStream ns) {
            try (var a = os.createRawInputStream(); var b = ns.createRawInputStream()) {
                if (!java.util.Arrays.equals(a.readAllBytes(), b.readAllBytes())) {
                    changed.add(COSName.getPDFName("(stream data)"));
                }
            } catch (IOException e) {
                changed.add(COSName.getPDFName("(unreadable stream)"));
            }
        }
        return changed;
    }

    /** Structural equality: references compare by object key, direct objects by content. */
    private static boolean same(COSBase a, COSBase b, int depth) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof COSObject oa && b instanceof COSObject ob) {
            return Objects.equals(oa.getKey(), ob.getKey());
        }
        if (a instanceof COSObject || b instanceof COSObject) {
            return false;
        }
        if (depth > 8) {
            return true;
        }
        if (a instanceof COSArray aa && b instanceof COSArray ab) {
            if (aa.size() != ab.size()) {
                return false;
            }
            for (int i = 0; i < aa.size(); i++) {
                if (!same(aa.get(i), ab.get(i), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof COSDictionary da && b instanceof COSDictionary db) {
            if (!da.keySet().equals(db.keySet())) {
                return false;
            }
            for (COSName k : da.keySet()) {
                if (!same(da.getItem(k), db.getItem(k), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static COSBase resolve(PDDocument doc, COSObjectKey key) {
        COSObject o = doc.getDocument().getObjectFromPool(key);
        return o == null ? null : o.getObject();
    }

    private static long objectNumber(PDDocument doc, COSDictionary dict) {
        // PDFBox 3 records the object key on every object it parsed as an indirect object.
        COSObjectKey key = dict.getKey();
        return key == null ? -1 : key.getNumber();
    }

    private static List<Modification> dedupe(List<Modification> in) {
        List<Modification> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Modification m : in) {
            if (seen.add(m.kind() + "/" + (m.objectNumber() > 0 ? m.objectNumber() : m.fieldName() + m.detail()))) {
                out.add(m);
            }
        }
        return out;
    }
}
