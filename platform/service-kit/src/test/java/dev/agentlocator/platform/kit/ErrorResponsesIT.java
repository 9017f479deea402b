package dev.agentlocator.platform.kit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.platform.kit.errors.Messages;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.TestJwt;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

@ServiceIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ErrorResponsesIT {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void signIn() {
        api = Api.at(port).withToken(TestJwt.token(UUID.randomUUID(), UUID.randomUUID(), "agent"));
    }

    @Test
    void unknownPathIsA404InTheSuitesJsonShape() {
        var response = api.get("/test/no-such-thing");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.isJson()).isTrue();
        assertThat(response.<String>json("$.error")).isEqualTo("not_found");
        assertThat(response.<String>json("$.message")).isEqualTo("הפריט המבוקש לא נמצא");
    }

    @Test
    void theErrorPageAskedForDirectlyIsA404AndNotDocumented() {
        for (String method : new String[] {"GET", "POST", "DELETE"}) {
            var response = api.send(method, "/error", null, null);
            assertThat(response.status()).as(method).isEqualTo(404);
            assertThat(response.<String>json("$.error")).isEqualTo("not_found");
        }
        assertThat(api.get("/v3/api-docs").body()).doesNotContain("\"/error\"");
    }

    @Test
    void exceptionInAControllerIsA500WithTheStackTraceLoggedNotReturned(CapturedOutput output) {
        var response = api.withHeader("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .get("/test/boom");

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.<String>json("$.error")).isEqualTo("server_error");
        assertThat(response.body()).doesNotContain("kaboom", "NoteController", "at dev.");
        assertThat(output.getOut())
                .contains("Unhandled exception")
                .contains("java.lang.IllegalStateException: kaboom: a bug in a controller")
                .contains("at dev.agentlocator.platform.kit.testapp.NoteController.boom")
                .as("logged with the request's trace id")
                .contains("[0af7651916cd43dd8448eb211c80319c]");
    }

    @Test
    void invalidBodyIsA400NamingTheField() {
        var response = api.post("/test/notes", "{\"text\":\"  \"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.<String>json("$.error")).isEqualTo("validation_failed");
        assertThat(response.<String>json("$.details.fields.text")).isNotBlank();
    }

    @Test
    void aBodyOverTheCapIsA413AndIsNeverRead() {
        String huge = "{\"text\":\"" + "א".repeat(600_000) + "\"}";

        var response = api.post("/test/notes", huge);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.<String>json("$.error")).isEqualTo("payload_too_large");
        assertThat(response.<String>json("$.message")).isNotBlank();
    }

    @Test
    void malformedJsonIsA400() {
        var response = api.post("/test/notes", "{\"text\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.<String>json("$.error")).isEqualTo("malformed_body");
    }

    @Test
    void aMissingBodyIsA400SayingSoNotThatTheJsonIsInvalid() {
        var response = api.send("POST", "/test/notes", null, "application/json");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.<String>json("$.error")).isEqualTo("missing_body");
        assertThat(response.<String>json("$.message")).isEqualTo(Messages.MISSING_BODY);
    }

    @Test
    void aMultipartUploadIsRead() {
        var response = api.send(
                "POST",
                "/test/upload",
                "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nabc\r\n--b--\r\n",
                "multipart/form-data; boundary=b");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.<Integer>json("$.bytes")).isEqualTo(3);
    }

    @Test
    void aBodyThatIsNotMultipartIsA400NamingTheMissingPart() {
        var response = api.send("POST", "/test/upload", "just some text", "multipart/form-data; boundary=x");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.<String>json("$.error")).isEqualTo("missing_part");
        assertThat(response.<String>json("$.details.part")).isEqualTo("file");
        assertThat(response.<String>json("$.message")).contains("file").matches(".*[א-ת].*");
    }

    @Test
    void aTruncatedMultipartBodyIsA400InHebrew() {
        var response = api.send(
                "POST",
                "/test/upload",
                "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nabc",
                "multipart/form-data; boundary=x");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.<String>json("$.error")).isEqualTo("malformed_multipart");
        assertThat(response.<String>json("$.message")).isEqualTo(Messages.MALFORMED_MULTIPART);
    }

    @Test
    void wrongParameterTypeIsA400NamingTheParameter() {
        var response = api.get("/test/count?limit=abc");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.<String>json("$.error")).isEqualTo("invalid_parameter");
        assertThat(response.<String>json("$.details.parameter")).isEqualTo("limit");
    }

    @Test
    void missingParameterIsA400() {
        var response = api.get("/test/count");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.<String>json("$.error")).isEqualTo("missing_parameter");
    }

    @Test
    void wrongMethodIsA405() {
        var response = api.delete("/test/boom");

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.<String>json("$.error")).isEqualTo("method_not_allowed");
    }

    @Test
    void wrongContentTypeIsA415() {
        var response = api.send("POST", "/test/notes", "text=hi", "application/x-www-form-urlencoded");

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.<String>json("$.error")).isEqualTo("unsupported_media_type");
    }

    @Test
    void correlationIdIsEchoedOrIsTheRequestsTraceId() {
        assertThat(api.withHeader("X-Correlation-Id", "abc-123").get("/test/me").header("X-Correlation-Id"))
                .isEqualTo("abc-123");
        assertThat(api.withHeader("X-Correlation-Id", "not safe; rm -rf")
                        .get("/test/me")
                        .header("X-Correlation-Id"))
                .matches("[0-9a-f]{32}");
        assertThat(api.withHeader("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                        .get("/test/me")
                        .header("X-Correlation-Id"))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }
}
