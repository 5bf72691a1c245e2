package vn.ccn.dms.indexing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The index readers mirror DocumentService.readable for every kind of document. */
class ReadersTest {

    @Test
    void ordinaryDocumentIsReadByItsOwnerAndItsRecipientsOnceIssued() {
        assertEquals(List.of("agency:000.00.12.H37", "agency:000.00.13.H37"),
                Readers.ofDocument(false, "000.00.12.H37", false, List.of("000.00.13.H37"), List.of("alice")));
    }

    @Test
    void draftIsReadByItsOwnerOnly() {
        assertEquals(List.of("agency:000.00.12.H37"),
                Readers.ofDocument(false, "000.00.12.H37", true, List.of("000.00.13.H37"), List.of()));
    }

    @Test
    void restrictedDocumentIsReadByGrantedUsersOnlyNotEvenItsAgency() {
        assertEquals(List.of("user:alice", "user:bob"),
                Readers.ofDocument(true, "000.00.12.H37", false, List.of("000.00.13.H37"), List.of("bob", "alice")));
        assertEquals(List.of(), Readers.ofDocument(true, "000.00.12.H37", false, List.of(), List.of()),
                "no grant: nobody finds it");
    }

    @Test
    void userSearchesAsThemselfAndTheirAgency() {
        assertEquals(Set.of("user:alice", "agency:000.00.12.H37"), Readers.ofUser("alice", "000.00.12.H37"));
    }
}
