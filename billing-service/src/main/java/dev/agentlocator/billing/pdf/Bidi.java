package dev.agentlocator.billing.pdf;

/**
 * Turns a line in logical order (as typed) into visual order (as drawn left to right), with a
 * right-to-left paragraph: a PDF content stream places glyphs, it does not run the bidi algorithm,
 * so "חשבונית מס 12" must be drawn as "12 סמ תינובשח".
 */
public final class Bidi {

    public static String visual(String logical) {
        var bidi = new com.ibm.icu.text.Bidi();
        bidi.setPara(logical, com.ibm.icu.text.Bidi.RTL, null);
        // Mirroring turns "(" into ")" inside right-to-left runs, as a reader expects to see it.
        return bidi.writeReordered(com.ibm.icu.text.Bidi.DO_MIRRORING | com.ibm.icu.text.Bidi.REMOVE_BIDI_CONTROLS);
    }

    private Bidi() {}
}
