package dev.agentlocator.billing.taxauthority;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The committed JSON schema of the Invoices API approval request (see the schema file for its sources). */
public final class ApprovalSchema {

    static final String RESOURCE = "/tax-authority/approval-v2-request.schema.json";

    private static final Schema SCHEMA = load();

    /** Fails with every violation when {@code body} is not a request the schema allows. */
    public static void assertValid(String body) {
        assertThat(SCHEMA.validate(body, InputFormat.JSON))
                .as("the approval request %s against %s", body, RESOURCE)
                .isEmpty();
    }

    public static boolean isValid(String body) {
        return SCHEMA.validate(body, InputFormat.JSON).isEmpty();
    }

    private static Schema load() {
        try (InputStream in = ApprovalSchema.class.getResourceAsStream(RESOURCE)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ApprovalSchema() {}
}
