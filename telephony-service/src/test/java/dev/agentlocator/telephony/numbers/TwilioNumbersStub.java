package dev.agentlocator.telephony.numbers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Twilio's phone-number API (2010-04-01) on the shared WireMock server, in its documented wire
 * format: list resources with {@code page}, {@code page_size}, {@code next_page_uri} …, instances with
 * snake_case fields, errors as {@code {code, message, more_info, status}}. Every answer needs the
 * account's basic auth; anything else is Twilio's 401 / 20003.
 */
final class TwilioNumbersStub {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String V = "/2010-04-01/Accounts/";

    private final WireMockServer server;

    TwilioNumbersStub(WireMockServer server) {
        this.server = server;
    }

    /** Twilio's IncomingPhoneNumber instance. */
    static Map<String, Object> number(
            String accountSid, String sid, String phone, String voiceUrl, String statusCallback, String smsUrl) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("account_sid", accountSid);
        n.put("address_requirements", "none");
        n.put("api_version", "2010-04-01");
        n.put("beta", false);
        n.put("capabilities", Map.of("voice", true, "sms", true, "mms", false, "fax", false));
        n.put("date_created", "Thu, 30 Jul 2026 20:12:31 +0000");
        n.put("date_updated", "Thu, 30 Jul 2026 20:12:33 +0000");
        n.put("friendly_name", phone);
        n.put("phone_number", phone);
        n.put("origin", "twilio");
        n.put("sid", sid);
        n.put("sms_method", "POST");
        n.put("sms_url", smsUrl == null ? "" : smsUrl);
        n.put("status_callback", statusCallback == null ? "" : statusCallback);
        n.put("status_callback_method", "POST");
        n.put("voice_method", "POST");
        n.put("voice_url", voiceUrl == null ? "" : voiceUrl);
        n.put("status", "in-use");
        n.put("uri", V + accountSid + "/IncomingPhoneNumbers/" + sid + ".json");
        return n;
    }

    /** The account's numbers over pages of {@code pageSize}, linked by {@code next_page_uri}. */
    void incomingNumbers(String accountSid, String token, List<Map<String, Object>> numbers, int pageSize) {
        unauthorizedOtherwise(accountSid);
        String base = V + accountSid + "/IncomingPhoneNumbers.json";
        int pages = Math.max(1, (numbers.size() + pageSize - 1) / pageSize);
        for (int page = 0; page < pages; page++) {
            List<Map<String, Object>> slice =
                    new ArrayList<>(numbers.subList(page * pageSize, Math.min(numbers.size(), (page + 1) * pageSize)));
            String uri =
                    page == 0 ? base + "?PageSize=50" : base + "?PageSize=50&Page=" + page + "&PageToken=PT" + page;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("end", page * pageSize + slice.size() - 1);
            body.put("first_page_uri", base + "?PageSize=50&Page=0");
            body.put("incoming_phone_numbers", slice);
            body.put(
                    "next_page_uri",
                    page + 1 < pages ? base + "?PageSize=50&Page=" + (page + 1) + "&PageToken=PT" + (page + 1) : null);
            body.put("page", page);
            body.put("page_size", pageSize);
            body.put("previous_page_uri", page == 0 ? null : base + "?PageSize=50&Page=" + (page - 1));
            body.put("start", page * pageSize);
            body.put("uri", uri);
            server.stubFor(authed(get(urlEqualTo(uri)), accountSid, token).willReturn(json(200, body)));
        }
    }

    /**
     * The instance as Twilio keeps it: {@code GET} answers {@code current} until a {@code POST} (update)
     * answers {@code afterUpdate}, and from then on {@code GET} answers that too.
     */
    void instance(String accountSid, String token, Map<String, Object> current, Map<String, Object> afterUpdate) {
        unauthorizedOtherwise(accountSid);
        String uri = V + accountSid + "/IncomingPhoneNumbers/" + current.get("sid") + ".json";
        String scenario = "number " + current.get("sid");
        server.stubFor(authed(get(urlEqualTo(uri)), accountSid, token)
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, current)));
        server.stubFor(authed(post(urlEqualTo(uri)), accountSid, token)
                .inScenario(scenario)
                .willSetStateTo("updated")
                .willReturn(json(200, afterUpdate)));
        server.stubFor(authed(get(urlEqualTo(uri)), accountSid, token)
                .inScenario(scenario)
                .whenScenarioStateIs("updated")
                .willReturn(json(200, afterUpdate)));
    }

    /** {@code AvailablePhoneNumbers/IL/Local.json}. */
    void available(String accountSid, String token, List<String> phones) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (String p : phones) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("friendly_name", p);
            n.put("phone_number", p);
            n.put("lata", "");
            n.put("locality", "Tel Aviv");
            n.put("rate_center", "");
            n.put("latitude", "0.0");
            n.put("longitude", "0.0");
            n.put("region", "");
            n.put("postal_code", "");
            n.put("iso_country", "IL");
            n.put("address_requirements", "any");
            n.put("beta", false);
            n.put("capabilities", Map.of("voice", true, "SMS", false, "MMS", false));
            list.add(n);
        }
        server.stubFor(
                authed(get(urlPathEqualTo(V + accountSid + "/AvailablePhoneNumbers/IL/Local.json")), accountSid, token)
                        .willReturn(json(
                                200,
                                Map.of(
                                        "available_phone_numbers",
                                        list,
                                        "uri",
                                        V + accountSid + "/AvailablePhoneNumbers/IL/Local.json"))));
    }

    /** {@code POST IncomingPhoneNumbers.json} (buy) answering 201 with {@code bought}. */
    void buys(String accountSid, String token, Map<String, Object> bought) {
        server.stubFor(authed(post(urlEqualTo(V + accountSid + "/IncomingPhoneNumbers.json")), accountSid, token)
                .willReturn(json(201, bought)));
    }

    /** Buying answers Twilio's 400 / 21452: the number is no longer available. */
    void buyingUnavailable(String accountSid, String token) {
        server.stubFor(authed(post(urlEqualTo(V + accountSid + "/IncomingPhoneNumbers.json")), accountSid, token)
                .willReturn(error(400, 21452, "Number is not available")));
    }

    /** {@code POST Calls.json} answering 201. */
    void callCreated(String accountSid, String token, String callSid) {
        server.stubFor(authed(post(urlEqualTo(V + accountSid + "/Calls.json")), accountSid, token)
                .willReturn(json(
                        201,
                        Map.of(
                                "sid", callSid,
                                "account_sid", accountSid,
                                "status", "queued",
                                "direction", "outbound-api",
                                "api_version", "2010-04-01"))));
    }

    /** Any request to the account without its credentials: 401 / 20003, as Twilio answers. */
    private void unauthorizedOtherwise(String accountSid) {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(V + accountSid + "/.*"))
                .atPriority(10)
                .willReturn(error(401, 20003, "Authenticate")));
    }

    private static MappingBuilder authed(MappingBuilder mapping, String accountSid, String token) {
        return mapping.withBasicAuth(accountSid, token).atPriority(1);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, Object body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(JSON.writeValueAsString(body));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(
            int status, int code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        body.put("status", status);
        return json(status, body);
    }
}
