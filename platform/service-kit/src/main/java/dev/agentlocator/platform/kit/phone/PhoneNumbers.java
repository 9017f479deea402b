package dev.agentlocator.platform.kit.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The suite's one phone-number rule (the client's {@code lib/phone.ts} applies the same one with
 * libphonenumber-js): a number is read as Israeli unless it says otherwise ({@code +…}, {@code 00…},
 * {@code 972…}), stored as E.164 ({@code +972501234567}, {@code +9721700500500}), and shown the way
 * people in its country write it.
 *
 * <p>A number is accepted when its length is possible for its country and its digits fit the
 * country's numbering plan as a whole: libphonenumber's strict check, block by block, refuses numbers
 * the metadata has not caught up with (it refuses 050-123-4567 today), and would refuse a customer's
 * real number whenever an operator opens a new block before the library's next release.
 */
public final class PhoneNumbers {

    /** The message for a field that holds no phone number, with an example of one. */
    public static final String INVALID = "מספר הטלפון אינו תקין. לדוגמה: 050-1234567";

    static final String DEFAULT_REGION = "IL";

    /** Left-to-right and other direction marks that Hebrew keyboards and copy-paste slip in. */
    private static final Pattern DIRECTION_MARKS = Pattern.compile("[\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]");
    /** Digits and the punctuation people write between them; letters and extensions are not a number. */
    private static final Pattern WRITTEN = Pattern.compile("[+\\d\\s\\p{Z}\\p{Pd}()./]{1,64}");

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final MetadataSource PLANS =
            DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
    private static final Map<Integer, Optional<Pattern>> PLAN_PATTERNS = new ConcurrentHashMap<>();
    private static final int ISRAEL = UTIL.getCountryCodeForRegion(DEFAULT_REGION);

    /** The number in E.164, or empty when the input is not a phone number. */
    public static Optional<String> normalise(String input) {
        return parse(input).map(number -> UTIL.format(number, PhoneNumberFormat.E164));
    }

    public static boolean isValid(String input) {
        return parse(input).isPresent();
    }

    /** Israeli numbers as written at home ({@code 050-123-4567}, {@code 1-700-500-500}), others internationally. */
    public static String display(String e164) {
        return parse(e164)
                .map(number -> UTIL.format(
                        number,
                        number.getCountryCode() == ISRAEL
                                ? PhoneNumberFormat.NATIONAL
                                : PhoneNumberFormat.INTERNATIONAL))
                .orElse(e164);
    }

    private static Optional<PhoneNumber> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String written = DIRECTION_MARKS.matcher(input).replaceAll("").strip();
        if (!WRITTEN.matcher(written).matches()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(written, DEFAULT_REGION);
            return UTIL.isPossibleNumber(number) && fitsNumberingPlan(number) ? Optional.of(number) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    private static boolean fitsNumberingPlan(PhoneNumber number) {
        return PLAN_PATTERNS
                .computeIfAbsent(number.getCountryCode(), PhoneNumbers::planPattern)
                .map(plan ->
                        plan.matcher(UTIL.getNationalSignificantNumber(number)).matches())
                .orElse(false);
    }

    private static Optional<Pattern> planPattern(int countryCode) {
        String region = UTIL.getRegionCodeForCountryCode(countryCode);
        PhoneMetadata plan = PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(region)
                ? PLANS.getMetadataForNonGeographicalRegion(countryCode)
                : PLANS.getMetadataForRegion(region);
        return Optional.ofNullable(plan)
                .map(metadata -> Pattern.compile(metadata.getGeneralDesc().getNationalNumberPattern()));
    }

    private PhoneNumbers() {}
}
