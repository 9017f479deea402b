package dev.agentlocator.gateway.spa;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The content codings an {@code Accept-Encoding} header allows (RFC 9110 section 12.5.3). */
final class AcceptedEncodings {

    private final Set<String> accepted;
    private final Set<String> refused;
    private final boolean wildcard;

    private AcceptedEncodings(Set<String> accepted, Set<String> refused, boolean wildcard) {
        this.accepted = accepted;
        this.refused = refused;
        this.wildcard = wildcard;
    }

    static AcceptedEncodings of(List<String> headerValues) {
        Set<String> accepted = new HashSet<>();
        Set<String> refused = new HashSet<>();
        boolean wildcard = false;
        for (String value : headerValues) {
            for (String element : value.split(",")) {
                String[] parts = element.split(";");
                String coding = parts[0].trim().toLowerCase(Locale.ROOT);
                if (coding.isEmpty()) {
                    continue;
                }
                boolean allowed = qualityOf(parts) > 0;
                if (coding.equals("*")) {
                    wildcard = allowed;
                } else if (allowed) {
                    accepted.add(coding);
                } else {
                    refused.add(coding);
                }
            }
        }
        return new AcceptedEncodings(accepted, refused, wildcard);
    }

    boolean accepts(String coding) {
        return accepted.contains(coding) || (wildcard && !refused.contains(coding));
    }

    private static double qualityOf(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].trim();
            if (parameter.length() > 2 && parameter.regionMatches(true, 0, "q=", 0, 2)) {
                try {
                    return Double.parseDouble(parameter.substring(2).trim());
                } catch (NumberFormatException e) {
                    // A weight that is no number counts as a refusal: nothing is lost by sending it plain.
                    return 0;
                }
            }
        }
        return 1;
    }
}
