package dev.agentlocator.telephony.numbers;

import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.telephony.numbers.NumberSetupRepository.ConnectedNumber;
import dev.agentlocator.telephony.numbers.NumberSetupRepository.StoredAccount;
import dev.agentlocator.telephony.numbers.TwilioNumbersApi.AvailableNumber;
import dev.agentlocator.telephony.numbers.TwilioNumbersApi.Credentials;
import dev.agentlocator.telephony.numbers.TwilioNumbersApi.IncomingNumber;
import dev.agentlocator.telephony.numbers.TwilioNumbersApi.TwilioRefused;
import dev.agentlocator.telephony.numbers.TwilioNumbersApi.Webhooks;
import dev.agentlocator.telephony.providers.ProviderException;
import dev.agentlocator.telephony.twilio.TwilioProperties;
import dev.agentlocator.telephony.twilio.WebhookAccounts;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Settings → Numbers (SPEC C16, ADR 0032): the owner connects a Twilio account of their own or buys a
 * number on the platform's; connecting sets the number's webhooks to this suite through Twilio's API
 * and remembers the old ones, disconnecting puts them back. Also the {@link WebhookAccounts} the
 * signature filter asks which token signs a number's webhooks.
 */
@Service
class NumberSetupService implements WebhookAccounts {

    static final String VOICE_PATH = "/webhook/incoming_call";
    static final String STATUS_PATH = "/webhook/call_status";
    static final String MESSAGING_PATH = "/webhook/whatsapp_incoming";

    private static final Logger log = LoggerFactory.getLogger(NumberSetupService.class);

    /** What the page shows about the tenant's setup. */
    record Setup(boolean sandbox, boolean platformAvailable, AccountView account, List<NumberView> numbers) {}

    record AccountView(String accountSid, String apiKeySid, OffsetDateTime connectedAt) {}

    record NumberView(String phone, String label, String source, String phoneSid, OffsetDateTime connectedAt) {}

    record Health(
            String phone,
            boolean webhooksPointHere,
            String voiceUrl,
            String statusCallback,
            String smsUrl,
            OffsetDateTime lastCallAt,
            long signatureFailuresLastDay) {}

    private record Secrets(String authToken, String apiKeySecret) {}

    private final NumberSetupRepository repository;
    private final TwilioNumbersApi twilio;
    private final TwilioProperties platform;
    private final NumbersProperties properties;
    private final CredentialCipher cipher;
    private final JsonMapper json;
    private final Clock clock;

    NumberSetupService(
            NumberSetupRepository repository,
            TwilioNumbersApi twilio,
            TwilioProperties platform,
            NumbersProperties properties,
            CredentialCipher cipher,
            JsonMapper json,
            Clock clock) {
        this.repository = repository;
        this.twilio = twilio;
        this.platform = platform;
        this.properties = properties;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
    }

    Setup setup(UUID tenantId) {
        Optional<StoredAccount> account = repository.account(tenantId);
        List<NumberView> numbers = repository.numbers(tenantId).stream()
                .map(n -> new NumberView(
                        n.phone(),
                        n.label(),
                        n.accountSid() == null ? "platform" : "own",
                        n.phoneSid(),
                        n.connectedAt()))
                .toList();
        return new Setup(
                !platform.restConfigured() && account.isEmpty(),
                platform.restConfigured(),
                account.map(a -> new AccountView(a.accountSid(), a.apiKeySid(), a.createdAt()))
                        .orElse(null),
                numbers);
    }

    /** Checks the credentials with Twilio (one page of the account's numbers), then stores them encrypted. */
    AccountView connectAccount(
            UUID tenantId, String accountSid, String authToken, String apiKeySid, String apiKeySecret) {
        Optional<StoredAccount> existing = repository.account(tenantId);
        if (existing.isPresent()
                && !existing.get().accountSid().equals(accountSid)
                && repository.ownNumbers(tenantId) > 0) {
            throw ApiException.conflict(
                    "numbers_connected", "יש מספרים מחוברים דרך החשבון הנוכחי. נתקו אותם לפני החלפת החשבון.");
        }
        Credentials credentials = apiKeySid != null
                ? new Credentials(accountSid, apiKeySid, apiKeySecret)
                : new Credentials(accountSid, accountSid, authToken);
        twilioCall(() -> twilio.incomingNumbers(credentials).size());
        byte[] secrets =
                cipher.encrypt(json.writeValueAsString(new Secrets(authToken, apiKeySecret)), tenantId.toString());
        repository.saveAccount(tenantId, accountSid, apiKeySid, secrets, clock.instant());
        log.info("Tenant {} connected its own Twilio account {}", tenantId, accountSid);
        return repository
                .account(tenantId)
                .map(a -> new AccountView(a.accountSid(), a.apiKeySid(), a.createdAt()))
                .orElseThrow();
    }

    void disconnectAccount(UUID tenantId) {
        if (repository.ownNumbers(tenantId) > 0) {
            throw ApiException.conflict(
                    "numbers_connected", "יש מספרים מחוברים דרך החשבון. נתקו אותם לפני ניתוק החשבון.");
        }
        if (!repository.deleteAccount(tenantId)) {
            throw ApiException.notFound();
        }
    }

    /** The own account's numbers, marked whether one of them is already connected here. */
    List<IncomingNumber> ownNumbers(UUID tenantId) {
        Credentials credentials = ownCredentials(tenantId);
        return twilioCall(() -> twilio.incomingNumbers(credentials));
    }

    List<AvailableNumber> available(String type, String contains) {
        return twilioCall(() -> twilio.available(platformCredentials(), type, contains));
    }

    /** Connects a number of the tenant's own account: our webhooks on it, its old ones remembered. */
    NumberView connectOwn(UUID tenantId, String phoneSid, String label, String origin) {
        StoredAccount account = repository
                .account(tenantId)
                .orElseThrow(() -> ApiException.conflict("no_account", "יש לחבר חשבון Twilio לפני בחירת מספר."));
        Credentials credentials = credentials(account);
        IncomingNumber before = twilioCall(() -> twilio.fetch(credentials, phoneSid));
        requireFree(before.phoneNumber(), tenantId);
        twilioCall(() -> twilio.setWebhooks(credentials, phoneSid, ours(origin)));
        return remember(tenantId, before, account.accountSid(), label);
    }

    /** Buys {@code phoneNumber} on the platform's account, our webhooks set in the same request. */
    NumberView buy(UUID tenantId, String phoneNumber, String label, String origin) {
        Credentials credentials = platformCredentials();
        requireFree(phoneNumber, tenantId);
        IncomingNumber bought = twilioCall(() ->
                twilio.buy(credentials, phoneNumber, ours(origin), properties.bundleSid(), properties.addressSid()));
        log.info(
                "Tenant {} bought {} ({}) on the platform's Twilio account",
                tenantId,
                bought.phoneNumber(),
                bought.sid());
        // A new number had no webhooks of its own: disconnecting clears ours.
        var blank = new IncomingNumber(
                bought.sid(), bought.phoneNumber(), bought.friendlyName(), null, null, null, null, null);
        return remember(tenantId, blank, null, label);
    }

    /** Puts the number's previous webhooks back, then lets it go. */
    void disconnect(UUID tenantId, String phone) {
        ConnectedNumber number = repository.number(tenantId, phone).orElseThrow(ApiException::notFound);
        if (number.phoneSid() != null) {
            Credentials credentials = credentialsFor(number);
            twilioCall(() -> twilio.setWebhooks(
                    credentials,
                    number.phoneSid(),
                    new Webhooks(
                            number.previousVoiceUrl(),
                            number.previousVoiceMethod(),
                            number.previousStatusCallback(),
                            number.previousSmsUrl(),
                            number.previousSmsMethod())));
        }
        repository.disconnect(tenantId, phone);
        log.info("Tenant {} disconnected {}; its previous webhooks are restored", tenantId, phone);
    }

    Health health(UUID tenantId, String phone, String origin) {
        ConnectedNumber number = repository.number(tenantId, phone).orElseThrow(ApiException::notFound);
        OffsetDateTime lastCall = repository.lastInboundCall(tenantId, phone).orElse(null);
        long failures = repository.signatureFailuresSince(phone, clock.instant().minus(Duration.ofDays(1)));
        if (number.phoneSid() == null) {
            // Assigned by an admin before numbers were connected here: Twilio's side is unknown.
            return new Health(phone, false, null, null, null, lastCall, failures);
        }
        IncomingNumber live = twilioCall(() -> twilio.fetch(credentialsFor(number), number.phoneSid()));
        Webhooks expected = ours(origin);
        boolean here = expected.voiceUrl().equals(live.voiceUrl())
                && expected.statusCallback().equals(live.statusCallback())
                && expected.smsUrl().equals(live.smsUrl());
        return new Health(phone, here, live.voiceUrl(), live.statusCallback(), live.smsUrl(), lastCall, failures);
    }

    /** Rings the number from itself, so the receptionist answers as it would a customer. */
    String testCall(UUID tenantId, String phone) {
        ConnectedNumber number = repository.number(tenantId, phone).orElseThrow(ApiException::notFound);
        if (number.accountSid() == null && !platform.restConfigured()) {
            throw new ApiException(
                    HttpStatus.CONFLICT, "sandbox", "מצב ניסיון: אין חשבון Twilio מחובר, ולכן לא ניתן לחייג.");
        }
        return twilioCall(() -> twilio.call(credentialsFor(number), phone, phone));
    }

    // --- WebhookAccounts ------------------------------------------------------------------------

    @Override
    public Optional<OwnAccount> ownAccountOf(String to) {
        return repository
                .ownAccountOf(to)
                .map(a ->
                        new OwnAccount(a.tenantId(), a.accountSid(), secrets(a).authToken()));
    }

    @Override
    public boolean belongsToAnotherTenant(String callSid, String messageSid, UUID tenantId) {
        return repository.callOrMessageOfAnotherTenant(callSid, messageSid, tenantId);
    }

    @Override
    public void signatureRefused(String to) {
        repository.signatureRefused(to, clock.instant());
    }

    // --- helpers --------------------------------------------------------------------------------

    private NumberView remember(UUID tenantId, IncomingNumber before, String accountSid, String label) {
        var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        var row = new ConnectedNumber(
                before.phoneNumber(),
                tenantId,
                label,
                before.sid(),
                accountSid,
                before.voiceUrl(),
                before.voiceMethod(),
                before.statusCallback(),
                before.smsUrl(),
                before.smsMethod(),
                now);
        if (!repository.connect(row)) {
            throw ApiException.conflict("number_taken", "המספר כבר משויך לעסק אחר");
        }
        return new NumberView(row.phone(), label, accountSid == null ? "platform" : "own", row.phoneSid(), now);
    }

    private void requireFree(String phone, UUID tenantId) {
        repository.holder(phone).ifPresent(holder -> {
            throw holder.equals(tenantId)
                    ? ApiException.conflict("already_connected", "המספר כבר מחובר לעסק שלכם")
                    : ApiException.conflict("number_taken", "המספר כבר משויך לעסק אחר");
        });
    }

    private static Webhooks ours(String origin) {
        return new Webhooks(origin + VOICE_PATH, "POST", origin + STATUS_PATH, origin + MESSAGING_PATH, "POST");
    }

    private Credentials credentialsFor(ConnectedNumber number) {
        if (number.accountSid() == null) {
            return platformCredentials();
        }
        return credentials(repository
                .account(number.tenantId())
                .filter(a -> a.accountSid().equals(number.accountSid()))
                .orElseThrow(() -> new IllegalStateException("own number " + number.phone() + " without its account")));
    }

    private Credentials ownCredentials(UUID tenantId) {
        return credentials(repository
                .account(tenantId)
                .orElseThrow(() -> ApiException.conflict("no_account", "יש לחבר חשבון Twilio לפני בחירת מספר.")));
    }

    private Credentials credentials(StoredAccount account) {
        Secrets secrets = secrets(account);
        return account.apiKeySid() != null
                ? new Credentials(account.accountSid(), account.apiKeySid(), secrets.apiKeySecret())
                : new Credentials(account.accountSid(), account.accountSid(), secrets.authToken());
    }

    private Secrets secrets(StoredAccount account) {
        return json.readValue(
                cipher.decrypt(account.secrets(), account.tenantId().toString()), Secrets.class);
    }

    private Credentials platformCredentials() {
        if (!platform.restConfigured()) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "platform_numbers_unavailable",
                    "רכישת מספר דרך המערכת אינה זמינה בהתקנה זו. חברו חשבון Twilio משלכם.");
        }
        return new Credentials(platform.accountSid(), platform.accountSid(), platform.authToken());
    }

    /** Twilio's refusals as the API's errors, in Hebrew; an outage is a 502. */
    private static <T> T twilioCall(Supplier<T> call) {
        try {
            return call.get();
        } catch (TwilioRefused e) {
            if (e.status() == 401 || e.code() == 20003) {
                throw new ApiException(
                        HttpStatus.BAD_REQUEST,
                        "twilio_credentials_rejected",
                        "Twilio דחתה את פרטי החשבון. בדקו את ה-Account SID וה-Auth Token.",
                        Map.of("twilioCode", e.code()));
            }
            if (e.code() == 21452 || e.code() == 21422) {
                throw new ApiException(
                        HttpStatus.CONFLICT,
                        "number_unavailable",
                        "המספר כבר אינו זמין לרכישה. בחרו מספר אחר.",
                        Map.of("twilioCode", e.code()));
            }
            if (e.status() == 404) {
                throw new ApiException(
                        HttpStatus.NOT_FOUND,
                        "number_not_found",
                        "המספר לא נמצא בחשבון Twilio.",
                        Map.of("twilioCode", e.code()));
            }
            throw new ApiException(
                    HttpStatus.BAD_GATEWAY,
                    "twilio_refused",
                    "Twilio דחתה את הבקשה. נסו שוב או פנו לתמיכה.",
                    Map.of("twilioCode", e.code(), "twilioStatus", e.status()));
        } catch (ProviderException e) {
            throw new ApiException(
                    HttpStatus.BAD_GATEWAY,
                    "twilio_unavailable",
                    "לא הצלחנו להגיע ל-Twilio. נסו שוב בעוד רגע.",
                    Map.of("reason", e.reason()));
        }
    }
}
