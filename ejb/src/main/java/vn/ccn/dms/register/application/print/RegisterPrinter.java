package vn.ccn.dms.register.application.print;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Prints a register in the paper form of Decree 30/2020/NĐ-CP Appendix IV, so that the clerk (văn thư)
 * can print, sign and bind it at the end of the period (the Decree registers outgoing documents under
 * Art. 16 and incoming documents under Art. 22).
 *
 * <p>Implementations write the whole document to {@code out} and leave the stream open; the caller owns
 * it. They keep no state between calls and may be shared between threads.
 */
public interface RegisterPrinter {

    /** Prints the incoming register (sổ đăng ký văn bản đến) of {@code sheet} to {@code out}. */
    void printIncoming(IncomingRegisterSheet sheet, OutputStream out) throws IOException;

    /** Prints the outgoing register (sổ đăng ký văn bản đi) of {@code sheet} to {@code out}. */
    void printOutgoing(OutgoingRegisterSheet sheet, OutputStream out) throws IOException;
}
