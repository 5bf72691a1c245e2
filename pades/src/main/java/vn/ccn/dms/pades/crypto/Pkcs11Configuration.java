package vn.ccn.dms.pades.crypto;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a PKCS#11 token is: the module library (e.g. {@code /usr/lib/softhsm/libsofthsm2.so} or the vendor
 * driver of a USB token) and the slot, by slot id or by index in the slot list, as SunPKCS11 accepts them.
 * Selecting a token by label is not offered: SunPKCS11 cannot do it, and guessing among slots could sign
 * with the wrong token.
 *
 * @param name a short provider name, letters and digits only
 * @param library the PKCS#11 module
 * @param slotId the slot id, or {@code null} to use {@code slotListIndex}
 * @param slotListIndex index in the module's slot list, used when {@code slotId} is null
 * @param keyAlias the key entry (CKA_LABEL) to use, or {@code null} for the first key on the token
 */
public record Pkcs11Configuration(String name, Path library, Long slotId, int slotListIndex, String keyAlias) {

    public Pkcs11Configuration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(library, "library");
        if (!name.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("provider name must be letters and digits: " + name);
        }
        if (slotListIndex < 0) {
            throw new IllegalArgumentException("slotListIndex < 0");
        }
    }

    public static Pkcs11Configuration ofSlot(String name, Path library, long slotId, String keyAlias) {
        return new Pkcs11Configuration(name, library, slotId, 0, keyAlias);
    }

    public static Pkcs11Configuration ofSlotIndex(String name, Path library, int slotListIndex, String keyAlias) {
        return new Pkcs11Configuration(name, library, null, slotListIndex, keyAlias);
    }

    /** The SunPKCS11 configuration text (the "--" prefix makes it inline rather than a file name). */
    String sunPkcs11Config() {
        StringBuilder sb = new StringBuilder("--name=").append(name).append('\n')
                .append("library=").append(library.toAbsolutePath()).append('\n');
        if (slotId != null) {
            sb.append("slot=").append(slotId).append('\n');
        } else {
            sb.append("slotListIndex=").append(slotListIndex).append('\n');
        }
        return sb.toString();
    }
}
