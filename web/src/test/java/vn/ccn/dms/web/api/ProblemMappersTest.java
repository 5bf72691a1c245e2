package vn.ccn.dms.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    @Test
    void theParsersWordsReachTheCallerWithoutTheServersClassNames() {
        assertEquals("Incorrect position for processing type: OutgoingRequest. Received event: START_ARRAY",
                ProblemMappers.BadJson.withoutClassNames("Incorrect position for processing type: class"
                        + " vn.ccn.dms.document.application.DocumentService$OutgoingRequest. Received event: START_ARRAY"));
        assertEquals("Unable to deserialize property 'copies' because of: Integer",
                ProblemMappers.BadJson.withoutClassNames("Unable to deserialize property 'copies' because of: java.lang.Integer"));
        assertEquals("Unexpected char 39 at (line no=1, column no=2, offset=1)",
                ProblemMappers.BadJson.withoutClassNames("Unexpected char 39 at (line no=1, column no=2, offset=1)"));
    }
}
