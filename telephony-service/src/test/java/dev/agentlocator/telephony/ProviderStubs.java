package dev.agentlocator.telephony;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.agentlocator.testkit.TestJwt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * One local HTTP server standing in for Twilio, OpenAI, Google (OAuth + Text-to-Speech) and
 * crm-service, answering in each one's documented wire format, including their error bodies and
 * slow answers. The service's real clients talk to it over real HTTP.
 */
public final class ProviderStubs {

    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "test-auth-token-0123456789abcdef";
    public static final String WHATSAPP_DEVICE = "+14155238886";
    public static final String OPENAI_KEY = "sk-test-key";
    /** Bytes our TTS stub returns, so a test can recognise them when Twilio would fetch them. */
    public static final byte[] MP3 = "ID3\u0004fake-mp3-frames".getBytes(StandardCharsets.ISO_8859_1);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public final WireMockServer server;
    public final KeyPair googleKey;
    public final Path googleCredentials;

    public ProviderStubs() {
        server = new WireMockServer(options().dynamicPort().containerThreads(24).asynchronousResponseEnabled(true));
        server.start();
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            googleKey = generator.generateKeyPair();
            googleCredentials = Files.createTempFile("google-sa-", ".json");
            googleCredentials.toFile().deleteOnExit();
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(googleKey.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            Files.writeString(
                    googleCredentials,
                    JSON.writeValueAsString(Map.of(
                            "type", "service_account",
                            "project_id", "agentlocator-test",
                            "private_key_id", "key-1",
                            "private_key", pem,
                            "client_email", "tts@agentlocator-test.iam.gserviceaccount.com",
                            "client_id", "1234567890",
                            "token_uri", url() + "/token")));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return server.baseUrl();
    }

    public void reset() {
        server.resetAll();
    }

    // --- Twilio -------------------------------------------------------------------------------

    /** The RecordingUrl Twilio would send; the audio is served at it + ".wav" with basic auth. */
    public String recording(String recordingSid, int delayMillis) {
        String path = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Recordings/" + recordingSid;
        server.stubFor(get(urlEqualTo(path + ".wav"))
                .withBasicAuth(ACCOUNT_SID, AUTH_TOKEN)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "audio/x-wav")
                        .withBody(wav(2))
                        .withFixedDelay(delayMillis)));
        return url() + path;
    }

    public String recording(String recordingSid) {
        return recording(recordingSid, 0);
    }

    /** Twilio's Call resource as {@code POST /Calls.json} returns it (201). */
    public void callCreated(String callSid) {
        server.stubFor(post(urlEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls.json"))
                .withBasicAuth(ACCOUNT_SID, AUTH_TOKEN)
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(json(Map.ofEntries(
                                Map.entry("sid", callSid),
                                Map.entry("account_sid", ACCOUNT_SID),
                                Map.entry("api_version", "2010-04-01"),
                                Map.entry("direction", "outbound-api"),
                                Map.entry("status", "queued"),
                                Map.entry("from", "+97233760000"),
                                Map.entry("from_formatted", "03-376-0000"),
                                Map.entry("to", "+972521111111"),
                                Map.entry("date_created", "Wed, 25 Nov 2026 10:00:00 +0000"),
                                Map.entry(
                                        "uri",
                                        "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls/" + callSid + ".json"))))));
    }

    /** Twilio's Message resource as {@code POST /Messages.json} returns it (201). */
    public void messageCreated(String messageSid) {
        server.stubFor(post(urlEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json"))
                .withBasicAuth(ACCOUNT_SID, AUTH_TOKEN)
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(json(Map.ofEntries(
                                Map.entry("sid", messageSid),
                                Map.entry("account_sid", ACCOUNT_SID),
                                Map.entry("api_version", "2010-04-01"),
                                Map.entry("direction", "outbound-api"),
                                Map.entry("status", "queued"),
                                Map.entry("from", "whatsapp:" + WHATSAPP_DEVICE),
                                Map.entry("to", "whatsapp:+972521111111"),
                                Map.entry("body", "שלום"),
                                Map.entry("num_segments", "1"),
                                Map.entry("num_media", "0"),
                                Map.entry("date_created", "Wed, 25 Nov 2026 10:00:00 +0000"),
                                Map.entry(
                                        "uri",
                                        "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/" + messageSid
                                                + ".json"))))));
    }

    /** Twilio's documented error body (e.g. 21211 invalid 'To'). */
    public void twilioRefuses(String resource, int status, int code, String message) {
        server.stubFor(post(urlEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + "/" + resource + ".json"))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(json(Map.of(
                                "code", code,
                                "message", message,
                                "more_info", "https://www.twilio.com/docs/errors/" + code,
                                "status", status)))));
    }

    // --- OpenAI -------------------------------------------------------------------------------

    public void whisper(String text, int delayMillis) {
        server.stubFor(post(urlEqualTo("/v1/audio/transcriptions"))
                .withHeader(
                        "Authorization",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + OPENAI_KEY))
                .willReturn(okJson(json(Map.of("text", text))).withFixedDelay(delayMillis)));
    }

    /** The lead fields of the receptionist's structured output (strict: every one present, null when unsaid). */
    public static final java.util.List<String> LEAD_FIELDS =
            java.util.List.of("name", "intent", "area", "rooms", "budget", "timing", "summary", "callbackPromised");

    /**
     * A structured output as OpenAI returns it for {@code response_format: json_schema}, strict:
     * {@code choices[0].message.content} is the schema's JSON as a string, {@code refusal} null.
     */
    public void chat(String reply, Map<String, Object> lead, int delayMillis) {
        Map<String, Object> full = new java.util.LinkedHashMap<>();
        LEAD_FIELDS.forEach(f -> full.put(f, f.equals("callbackPromised") ? Boolean.FALSE : null));
        full.putAll(lead);
        Map<String, Object> content = new java.util.LinkedHashMap<>();
        content.put("reply", reply);
        content.put("lead", full);
        chatAnswer(json(content), null, "stop", delayMillis);
    }

    /** Any content (malformed, partial), or a refusal, in the completion's documented envelope. */
    public void chatAnswer(String content, String refusal, String finishReason, int delayMillis) {
        Map<String, Object> message = new java.util.LinkedHashMap<>();
        message.put("role", "assistant");
        message.put("content", content);
        message.put("refusal", refusal);
        Map<String, Object> choice = new java.util.LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("message", message);
        choice.put("logprobs", null);
        choice.put("finish_reason", finishReason);
        server.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .willReturn(okJson(json(Map.of(
                                "id",
                                "chatcmpl-" + UUID.randomUUID(),
                                "object",
                                "chat.completion",
                                "created",
                                1764064800,
                                "model",
                                "gpt-4o-mini-2024-07-18",
                                "choices",
                                java.util.List.of(choice),
                                "usage",
                                Map.of("prompt_tokens", 120, "completion_tokens", 40, "total_tokens", 160))))
                        .withFixedDelay(delayMillis)));
    }

    /** OpenAI's documented error shape for a 5xx. */
    public void openAiFails(String path, int status) {
        server.stubFor(post(urlEqualTo(path))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"The server had an error while processing your request."
                                + " Sorry about that!\",\"type\":\"server_error\",\"param\":null,\"code\":null}}")));
    }

    // --- Google -------------------------------------------------------------------------------

    /** A token that is fetched again for every synthesis (it expires within the cache's margin). */
    public void googleToken() {
        googleToken(60);
    }

    public void googleToken(int expiresInSeconds) {
        server.stubFor(post(urlEqualTo("/token"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer"))
                .willReturn(okJson("{\"access_token\":\"ya29.test-access-token\",\"expires_in\":" + expiresInSeconds
                        + ",\"token_type\":\"Bearer\"}")));
    }

    public void tts(int delayMillis) {
        server.stubFor(post(urlEqualTo("/v1/text:synthesize"))
                .withHeader(
                        "Authorization",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer ya29.test-access-token"))
                .willReturn(
                        okJson(json(Map.of("audioContent", Base64.getEncoder().encodeToString(MP3))))
                                .withFixedDelay(delayMillis)));
    }

    /** Google's documented error shape (google.rpc.Status) for an outage. */
    public void ttsDown() {
        server.stubFor(post(urlEqualTo("/v1/text:synthesize"))
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "application/json; charset=UTF-8")
                        .withBody("{\"error\":{\"code\":503,\"message\":\"The service is currently unavailable.\","
                                + "\"status\":\"UNAVAILABLE\"}}")));
    }

    // --- Twilio Content API (WhatsApp templates) ------------------------------------------------

    public static final String OPENING_TEMPLATE = "HX" + "a".repeat(32);
    public static final String FOLLOW_UP_TEMPLATE = "HX" + "b".repeat(32);
    public static final String SIGNING_TEMPLATE = "HX" + "c".repeat(32);
    public static final String PENDING_TEMPLATE = "HX" + "d".repeat(32);

    /**
     * {@code GET https://content.twilio.com/v1/ContentAndApprovals} as Twilio documents it: {@code
     * contents} with {@code types}, {@code variables} and {@code approval_requests}, in two pages
     * linked by {@code meta.next_page_url} (Twilio's own host, which the client must map to ours).
     */
    public void contentTemplates() {
        String first = "/v1/ContentAndApprovals?PageSize=100";
        String second = "/v1/ContentAndApprovals?PageSize=100&Page=1&PageToken=PTabc";
        server.stubFor(get(urlEqualTo(first))
                .withBasicAuth(ACCOUNT_SID, AUTH_TOKEN)
                .willReturn(okJson(json(Map.of(
                        "contents",
                        java.util.List.of(
                                content(
                                        OPENING_TEMPLATE,
                                        "opening_he",
                                        "שלום {{1}}, כאן משרד התיווך. נשמח לעזור, אפשר לענות להודעה הזו.",
                                        Map.of("1", "דנה"),
                                        "approved"),
                                content(
                                        FOLLOW_UP_TEMPLATE,
                                        "follow_up_he",
                                        "שלום {{1}}, רצינו לחזור אליך כפי שסיכמנו.",
                                        Map.of("1", "דנה"),
                                        "approved")),
                        "meta",
                        meta(first, "https://content.twilio.com" + second, 0))))));
        server.stubFor(get(urlEqualTo(second))
                .withBasicAuth(ACCOUNT_SID, AUTH_TOKEN)
                .willReturn(okJson(json(Map.of(
                        "contents",
                        java.util.List.of(
                                content(
                                        SIGNING_TEMPLATE,
                                        "signing_he",
                                        "שלום {{1}}, המסמך מוכן לחתימה: {{2}}",
                                        Map.of("1", "דנה", "2", "https://example.com"),
                                        "approved"),
                                content(PENDING_TEMPLATE, "promo_he", "מבצע! {{1}}", Map.of("1", "דנה"), "pending")),
                        "meta",
                        meta(second, null, 1))))));
    }

    private static Map<String, Object> content(
            String sid, String name, String body, Map<String, String> variables, String status) {
        return Map.of(
                "sid",
                sid,
                "account_sid",
                ACCOUNT_SID,
                "friendly_name",
                name,
                "language",
                "he",
                "variables",
                variables,
                "types",
                Map.of("twilio/text", Map.of("body", body)),
                "url",
                "https://content.twilio.com/v1/Content/" + sid,
                "date_created",
                "2026-11-01T10:00:00Z",
                "date_updated",
                "2026-11-02T10:00:00Z",
                "approval_requests",
                Map.of(
                        "name",
                        name,
                        "category",
                        "UTILITY",
                        "content_type",
                        "twilio/text",
                        "status",
                        status,
                        "rejection_reason",
                        "",
                        "allow_category_change",
                        true));
    }

    private static Map<String, Object> meta(String path, String next, int page) {
        Map<String, Object> meta = new java.util.LinkedHashMap<>();
        meta.put("page", page);
        meta.put("page_size", 100);
        meta.put("first_page_url", "https://content.twilio.com/v1/ContentAndApprovals?PageSize=100&Page=0");
        meta.put("previous_page_url", null);
        meta.put("url", "https://content.twilio.com" + path);
        meta.put("next_page_url", next);
        meta.put("key", "contents");
        return meta;
    }

    // --- crm-service (ADR 0004) ------------------------------------------------------------------

    /**
     * What crm-service's token endpoint hands telephony for any tenant (ADR 0021): telephony treats
     * it as opaque and sends it on, so one token serves every test.
     */
    public final String crmServiceToken = TestJwt.sign(
            TestJwt.KEY,
            new JWTClaimsSet.Builder()
                    .issuer(TestJwt.ISSUER)
                    .subject(UUID.nameUUIDFromBytes("telephony-service".getBytes(StandardCharsets.UTF_8))
                            .toString())
                    .claim("tid", UUID.randomUUID().toString())
                    .claim("roles", java.util.List.of("service"))
                    .claim("client_id", "telephony-service")
                    .expirationTime(java.util.Date.from(java.time.Instant.now().plusSeconds(300)))
                    .build());

    /** crm-service issuing service tokens to telephony's own client secret, and refusing any other. */
    public void crmIssuesServiceTokens() {
        server.stubFor(post(urlEqualTo("/internal/auth/token"))
                .withRequestBody(containing("client_secret=" + TestJwt.TELEPHONY_CLIENT_SECRET))
                .willReturn(okJson(
                        json(Map.of("access_token", crmServiceToken, "token_type", "Bearer", "expires_in", 300)))));
    }

    public void crmResolves(UUID customerId, String phone) {
        crmIssuesServiceTokens();
        server.stubFor(post(urlEqualTo("/internal/customers/resolve"))
                .willReturn(okJson(json(Map.of(
                        "customer",
                        Map.of(
                                "id",
                                customerId.toString(),
                                "name",
                                phone,
                                "phone",
                                phone,
                                "status",
                                "new",
                                "source",
                                "call",
                                "tags",
                                java.util.List.of()),
                        "created",
                        true)))));
    }

    /** Every provider answering well and fast. */
    public void allHealthy(String transcript, String reply) {
        whisper(transcript, 0);
        chat(reply, Map.of("area", "תל אביב", "rooms", 3, "intent", "buy"), 0);
        googleToken();
        tts(0);
    }

    /** A valid 8 kHz mono 16-bit PCM WAV of silence. */
    static byte[] wav(int seconds) {
        int rate = 8000;
        int dataBytes = rate * 2 * seconds;
        var out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(36 + dataBytes)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) 1)
                .putInt(rate)
                .putInt(rate * 2)
                .putShort((short) 2)
                .putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII))
                .putInt(dataBytes);
        out.writeBytes(header.array());
        out.writeBytes(new byte[dataBytes]);
        return out.toByteArray();
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
