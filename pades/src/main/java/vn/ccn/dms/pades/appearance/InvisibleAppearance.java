package vn.ccn.dms.pades.appearance;

/** No visible appearance: a zero-size widget, as ISO 32000-1 §12.7.4.5 prescribes for invisible signatures. */
public enum InvisibleAppearance implements SignatureAppearance {
    INSTANCE;

    @Override
    public PageRect area() {
        return null;
    }
}
