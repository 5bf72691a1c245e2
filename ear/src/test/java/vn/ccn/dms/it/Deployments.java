package vn.ccn.dms.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The EAR the build produced: integration tests deploy exactly what ships. */
public final class Deployments {

    private Deployments() {
    }

    public static EnterpriseArchive builtEar() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("ear.file")));
    }

    /** The archive name of {@link #builtEar()}: the file's name, which ShrinkWrap takes as the archive's. */
    static String builtEarName() {
        return new File(System.getProperty("ear.file")).getName();
    }
}
