package dev.agentlocator.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.testkit.PathSpellings;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalPathTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/webhook/incoming_call",
                "/webhook/handle_recording",
                "/static/voice_responses/greeting-1f3a.mp3",
                "/api/public/sign/AbCdEf_-0123456789abcdefghijklmnopqrstuvwxyz",
                "/api/auth/login",
                "/api/crm/customers/0b6a3f8e-4a55-4a8e-9d4c-1f0e2b3c4d5e",
                "/api/crm/customers/by-phone/%2B972501234567",
                "/api/crm/customers/by-phone/%2b972501234567",
                "/assets/index-Bc1_x~y.js",
                "/.well-known/security.txt",
                "/a/.../b",
                "/a/..b/c.",
                "/files/%D7%A9%D7%9C%D7%95%D7%9D.pdf", // "שלום", percent-encoded UTF-8
                "/files/%d7%a9%d7%9c%d7%95%d7%9d.pdf", // the same in lowercase hex
                "/files/a%20b",
                "/files/%E2%82%AC",
                "/files/%F0%9F%98%80",
                "/x/!$&'()*+,=:@",
                "/x/a%3Fb%23c",
                "/x/%22quoted%22",
            })
    void acceptsCanonicalPaths(String path) {
        assertThat(CanonicalPath.problem(path)).as(path).isEmpty();
        assertThat(CanonicalPath.isCanonical(path)).isTrue();
    }

    static Stream<Arguments> nonCanonical() {
        return Stream.of(
                Arguments.of("", "does not start with /"),
                Arguments.of("webhook/incoming_call", "does not start with /"),
                Arguments.of("*", "does not start with /"),
                Arguments.of("/%77ebhook/incoming_call", "percent-encoded unreserved character (w)"),
                Arguments.of("/webhook/incoming%5Fcall", "percent-encoded unreserved character (_)"),
                Arguments.of("/webhook/incoming%5fcall", "percent-encoded unreserved character (_)"),
                Arguments.of("/api/%70ublic/sign/x", "percent-encoded unreserved character (p)"),
                Arguments.of("/api/public/sign/a%2Db", "percent-encoded unreserved character (-)"),
                Arguments.of("/api/public/sign/a%2db", "percent-encoded unreserved character (-)"),
                Arguments.of("/api/auth/login%7E", "percent-encoded unreserved character (~)"),
                Arguments.of("/api/auth/%6Cogin", "percent-encoded unreserved character (l)"),
                Arguments.of("/api/auth/%6cogin", "percent-encoded unreserved character (l)"),
                Arguments.of("/static/voice_responses/a%2Emp3", "percent-encoded unreserved character (.)"),
                Arguments.of("/x/%2e%2e/webhook/incoming_call", "percent-encoded unreserved character (.)"),
                Arguments.of("/x/%30", "percent-encoded unreserved character (0)"),
                Arguments.of("/webhook%2Fincoming_call", "encoded slash"),
                Arguments.of("/webhook%2fincoming_call", "encoded slash"),
                Arguments.of("/webhook%5Cincoming_call", "encoded backslash"),
                Arguments.of("/webhook%3Bx/incoming_call", "encoded semicolon"),
                Arguments.of("/webhook/%2577ebhook", "encoded percent sign"),
                Arguments.of("/webhook/incoming_call;jsessionid=x", "path parameter (;)"),
                Arguments.of("/webhook;a=b/incoming_call", "path parameter (;)"),
                Arguments.of("/webhook/;/incoming_call", "path parameter (;)"),
                Arguments.of("//webhook/incoming_call", "empty segment (//)"),
                Arguments.of("/webhook//incoming_call", "empty segment (//)"),
                Arguments.of("/webhook/incoming_call/", "trailing slash"),
                Arguments.of("/api/auth/", "trailing slash"),
                Arguments.of("/./webhook/incoming_call", "dot segment (.)"),
                Arguments.of("/webhook/./incoming_call", "dot segment (.)"),
                Arguments.of("/x/../webhook/incoming_call", "dot segment (..)"),
                Arguments.of("/webhook/incoming_call/.", "dot segment (.)"),
                Arguments.of("/webhook/incoming_call/..", "dot segment (..)"),
                Arguments.of("/..", "dot segment (..)"),
                Arguments.of("/webhook\\incoming_call", "backslash"),
                Arguments.of("\\webhook", "does not start with /"),
                Arguments.of("/webhook/incoming_call\u0000", "control character"),
                Arguments.of("/webhook/incoming\tcall", "control character"),
                Arguments.of("/webhook/incoming_call\u007F", "control character"),
                Arguments.of("/webhook/%00", "percent-encoded control character"),
                Arguments.of("/webhook/%0A", "percent-encoded control character"),
                Arguments.of("/webhook/%7F", "percent-encoded control character"),
                Arguments.of("/webhook/%C2%85", "percent-encoded control character"), // U+0085 NEL
                Arguments.of("/webhook/%", "invalid percent-encoding"),
                Arguments.of("/webhook/%7", "invalid percent-encoding"),
                Arguments.of("/webhook/%zz", "invalid percent-encoding"),
                Arguments.of("/webhook/%G1", "invalid percent-encoding"),
                Arguments.of("/webhook/%D7", "percent-encoded bytes are not valid UTF-8"),
                Arguments.of("/webhook/%D7%2B", "percent-encoded bytes are not valid UTF-8"),
                Arguments.of("/webhook/%C0%AE%C0%AE", "percent-encoded bytes are not valid UTF-8"), // overlong "."
                Arguments.of("/webhook/%C0%AF", "percent-encoded bytes are not valid UTF-8"), // overlong "/"
                Arguments.of("/webhook/%ED%A0%80", "percent-encoded bytes are not valid UTF-8"), // a surrogate
                Arguments.of("/webhook/%FF", "percent-encoded bytes are not valid UTF-8"),
                Arguments.of("/files/שלום", "raw non-ASCII character (must be percent-encoded)"),
                Arguments.of("/files/a b", "character not allowed in a path:  "),
                Arguments.of("/files/a\"b", "character not allowed in a path: \""),
                Arguments.of("/files/<script>", "character not allowed in a path: <"),
                Arguments.of("/files/a|b", "character not allowed in a path: |"),
                Arguments.of("/files/a{b}", "character not allowed in a path: {"),
                Arguments.of("/files/a`b", "character not allowed in a path: `"),
                Arguments.of("/files/a^b", "character not allowed in a path: ^"),
                Arguments.of("/files/a[0]", "character not allowed in a path: ["),
                Arguments.of("/files/a#b", "character not allowed in a path: #"),
                Arguments.of("/files/a?b", "character not allowed in a path: ?"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("nonCanonical")
    void refusesEveryOtherSpellingAndSaysWhy(String path, String problem) {
        assertThat(CanonicalPath.problem(path)).as(path).contains(problem);
        assertThat(CanonicalPath.isCanonical(path)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/webhook/incoming_call",
                "/webhook/handle_recording",
                "/webhook/call_status",
                "/webhook/whatsapp/incoming",
                "/static/voice_responses/greeting.mp3",
                "/api/public/sign/AbCdEf0123456789",
                "/api/auth/login",
                "/api/auth/signup",
                "/api/auth/refresh",
            })
    void noOtherSpellingOfAPublicRouteIsCanonical(String path) {
        List<String> spellings = PathSpellings.of(path);
        assertThat(spellings).hasSizeGreaterThan(path.length());
        assertThat(spellings).noneMatch(CanonicalPath::isCanonical);
        assertThat(PathSpellings.otherCase(path)).isNotEqualTo(path).matches(CanonicalPath::isCanonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/webhook/incoming_call", "/api/public/sign/x"})
    void encodingAnyOneLetterOfThePathIsRefusedInEitherCase(String path) {
        for (int i = 1; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '/') {
                continue;
            }
            String hex = "%02X".formatted((int) c);
            for (String encoded : List.of(hex, hex.toLowerCase())) {
                String spelling = path.substring(0, i) + "%" + encoded + path.substring(i + 1);
                assertThat(CanonicalPath.isCanonical(spelling)).as(spelling).isFalse();
            }
        }
    }
}
