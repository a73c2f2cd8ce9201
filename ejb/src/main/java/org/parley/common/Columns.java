package org.parley.common;

/** Column sizes that several features' tables share. */
public final class Columns {

    /**
     * The length of the long text columns (dump attributes kept as they came, revision texts): the longest a plain
     * varchar gets on H2 (1 MiB characters), far above any post body. Plain varchars rather than CLOBs, because H2
     * stores every CLOB value apart and an import writes millions of them.
     */
    public static final int LONG_TEXT = 1_048_576;

    private Columns() {}
}
