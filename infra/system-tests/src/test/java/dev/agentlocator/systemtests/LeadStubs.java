package dev.agentlocator.systemtests;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Twilio's recordings and OpenAI's transcription and chat, on one local port, in their documented
 * wire formats: a recording is a WAV file at {@code /2010-04-01/Accounts/{sid}/Recordings/{RE}.wav};
 * Whisper answers {@code {"text":…}}; the chat answers a structured output ({@code
 * response_format: json_schema}, strict: the schema's JSON as {@code choices[0].message.content},
 * {@code refusal} null). What the caller "says" in each recording, and what the model answers to
 * it, is scripted by the test.
 */
final class LeadStubs implements AutoCloseable {

    static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
    static final String OPENAI_KEY = "sk-system-tests";
    private static final Pattern FILE = Pattern.compile("filename=\"(RE[0-9a-f]+)\\.wav\"");
    private static final List<String> LEAD_FIELDS =
            List.of("name", "intent", "area", "rooms", "budget", "timing", "summary", "callbackPromised");
    /** The smallest WAV there is: a RIFF header and two samples of silence. */
    private static final byte[] WAV = {
        'R',
        'I',
        'F',
        'F',
        40,
        0,
        0,
        0,
        'W',
        'A',
        'V',
        'E',
        'f',
        'm',
        't',
        ' ',
        16,
        0,
        0,
        0,
        1,
        0,
        1,
        0,
        64,
        31,
        0,
        0,
        (byte) 128,
        62,
        0,
        0,
        2,
        0,
        16,
        0,
        'd',
        'a',
        't',
        'a',
        4,
        0,
        0,
        0,
        0,
        0,
        0,
        0
    };

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, String> said = new ConcurrentHashMap<>();
    private final Map<String, String> answers = new ConcurrentHashMap<>();

    LeadStubs() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/2010-04-01/Accounts/", this::recording);
        server.createContext("/v1/audio/transcriptions", this::whisper);
        server.createContext("/v1/chat/completions", this::chat);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A recording in which the caller says {@code words}, to which the model answers {@code reply} and {@code lead}. */
    String recording(String recordingSid, String words, String reply, Map<String, Object> lead) {
        said.put(recordingSid, words);
        Map<String, Object> full = new LinkedHashMap<>();
        LEAD_FIELDS.forEach(f -> full.put(f, f.equals("callbackPromised") ? Boolean.FALSE : null));
        full.putAll(lead);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("reply", reply);
        content.put("lead", full);
        answers.put(words, json.writeValueAsString(content));
        return url() + "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Recordings/" + recordingSid;
    }

    private void recording(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "audio/x-wav");
        respond(exchange, 200, WAV);
    }

    private void whisper(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1);
        Matcher file = FILE.matcher(body);
        String text = file.find() ? said.getOrDefault(file.group(1), "") : "";
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        respond(exchange, 200, json.writeValueAsBytes(Map.of("text", text)));
    }

    private void chat(HttpExchange exchange) throws IOException {
        JsonNode request = json.readTree(exchange.getRequestBody().readAllBytes());
        JsonNode messages = request.path("messages");
        String lastWords = messages.path(messages.size() - 1).path("content").asString("");
        String content = answers.getOrDefault(lastWords, "{\"reply\":\"סליחה?\",\"lead\":null}");
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "assistant");
        message.put("content", content);
        message.put("refusal", null);
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("message", message);
        choice.put("logprobs", null);
        choice.put("finish_reason", "stop");
        Map<String, Object> completion = new LinkedHashMap<>();
        completion.put("id", "chatcmpl-system-tests");
        completion.put("object", "chat.completion");
        completion.put("created", 1764064800);
        completion.put("model", "gpt-4o-mini-2024-07-18");
        completion.put("choices", List.of(choice));
        completion.put("usage", Map.of("prompt_tokens", 120, "completion_tokens", 40, "total_tokens", 160));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        respond(exchange, 200, json.writeValueAsBytes(completion));
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
