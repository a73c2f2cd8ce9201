package org.parley.dump.importer;

/** Names shared by the job XML, the batch artifacts and {@link ImportService}. */
public final class ImportJob {

    /** The job's name: {@code META-INF/batch-jobs/se-import.xml}. */
    public static final String NAME = "se-import";
    /** The export job: {@code META-INF/batch-jobs/se-export.xml}. */
    public static final String EXPORT_NAME = "se-export";
    /** Job parameter: the {@link DumpImport} id. */
    public static final String IMPORT_ID = "importId";
    /** Rows per chunk (one transaction). */
    public static final int CHUNK = 1000;

    private ImportJob() {}
}
