package dev.agentlocator.telephony.numbers;

import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.platform.kit.features.Features;
import dev.agentlocator.platform.kit.features.RequiresFeature;
import dev.agentlocator.platform.kit.phone.PhoneNumbers;
import dev.agentlocator.platform.kit.security.CurrentUser;
import dev.agentlocator.platform.kit.security.Roles;
import dev.agentlocator.telephony.numbers.NumberSetupService.AccountView;
import dev.agentlocator.telephony.numbers.NumberSetupService.Health;
import dev.agentlocator.telephony.numbers.NumberSetupService.NumberView;
import dev.agentlocator.telephony.numbers.NumberSetupService.Setup;
import dev.agentlocator.telephony.numbers.TwilioNumbersApi.AvailableNumber;
import dev.agentlocator.telephony.twilio.PublicUrls;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Settings → Numbers (SPEC C16, ADR 0032): the owner connects the office's phone number without an
 * operator — through a Twilio account of their own, or by buying one on the platform's.
 */
@RestController
@RequestMapping("/api/calls/numbers/setup")
@RequiresFeature(Features.CALLS)
@PreAuthorize(Roles.CAN_MANAGE)
class NumberSetupController {

    private final NumberSetupService setup;
    private final PublicUrls urls;

    NumberSetupController(NumberSetupService setup, PublicUrls urls) {
        this.setup = setup;
        this.urls = urls;
    }

    /**
     * An own account: the Account SID and its Auth Token (Twilio signs webhooks with it, so it is
     * always needed), optionally an API key the REST calls use instead.
     */
    record ConnectAccountRequest(
            @NotBlank(message = "יש להזין Account SID")
            @Pattern(regexp = "AC[0-9a-fA-F]{32}", message = "Account SID מתחיל ב-AC ואחריו 32 תווים")
            String accountSid,

            @NotBlank(message = "יש להזין Auth Token")
            @Pattern(regexp = "[0-9a-zA-Z]{16,64}", message = "ה-Auth Token אינו תקין")
            String authToken,

            @Pattern(regexp = "SK[0-9a-fA-F]{32}", message = "API Key SID מתחיל ב-SK ואחריו 32 תווים")
            String apiKeySid,

            @Size(max = 128, message = "הסוד של המפתח ארוך מדי")
            String apiKeySecret) {}

    record ConnectNumberRequest(
            @NotBlank(message = "יש לבחור מספר")
            @Pattern(regexp = "PN[0-9a-fA-F]{32}", message = "מזהה המספר אינו תקין")
            String phoneSid,

            @Size(max = 100, message = "התיאור ארוך מדי") String label) {}

    record BuyNumberRequest(
            @NotBlank(message = "יש לבחור מספר") @Pattern(regexp = "\\+972\\d{8,9}", message = "יש לבחור מספר ישראלי")
            String phoneNumber,

            @Size(max = 100, message = "התיאור ארוך מדי") String label) {}

    record TestCall(String callSid) {}

    @GetMapping
    Setup get(CurrentUser caller) {
        return setup.setup(caller.tenantId());
    }

    @PutMapping("/account")
    AccountView connectAccount(@Valid @RequestBody ConnectAccountRequest request, CurrentUser caller) {
        if ((request.apiKeySid() == null)
                != (request.apiKeySecret() == null || request.apiKeySecret().isBlank())) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "validation_failed",
                    "מפתח API דורש גם SID וגם סוד",
                    Map.of("fields", Map.of("apiKeySecret", "מפתח API דורש גם SID וגם סוד")));
        }
        return setup.connectAccount(
                caller.tenantId(),
                request.accountSid(),
                request.authToken(),
                request.apiKeySid(),
                request.apiKeySid() == null ? null : request.apiKeySecret());
    }

    @DeleteMapping("/account")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disconnectAccount(CurrentUser caller) {
        setup.disconnectAccount(caller.tenantId());
    }

    /** The numbers of the tenant's own account, to pick one. */
    @GetMapping("/account/numbers")
    List<TwilioNumbersApi.IncomingNumber> accountNumbers(CurrentUser caller) {
        return setup.ownNumbers(caller.tenantId());
    }

    /** Israeli numbers for sale on the platform's account. */
    @GetMapping("/available")
    List<AvailableNumber> available(
            @RequestParam(defaultValue = "local") String type, @RequestParam(required = false) String contains) {
        String resource = switch (type) {
            case "local" -> "Local";
            case "mobile" -> "Mobile";
            default -> throw ApiException.badRequest("invalid_type", "סוג המספר יכול להיות קווי או נייד");
        };
        if (contains != null && !contains.matches("\\d{1,10}")) {
            throw ApiException.badRequest("invalid_contains", "אפשר לחפש רק ספרות");
        }
        return setup.available(resource, contains);
    }

    @PostMapping("/connect")
    @ResponseStatus(HttpStatus.CREATED)
    NumberView connect(@Valid @RequestBody ConnectNumberRequest request, CurrentUser caller, HttpServletRequest http) {
        return setup.connectOwn(caller.tenantId(), request.phoneSid(), request.label(), urls.origin(http));
    }

    @PostMapping("/buy")
    @ResponseStatus(HttpStatus.CREATED)
    NumberView buy(@Valid @RequestBody BuyNumberRequest request, CurrentUser caller, HttpServletRequest http) {
        return setup.buy(caller.tenantId(), request.phoneNumber(), request.label(), urls.origin(http));
    }

    @DeleteMapping("/numbers/{phone}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disconnect(@PathVariable String phone, CurrentUser caller) {
        setup.disconnect(caller.tenantId(), e164(phone));
    }

    @GetMapping("/numbers/{phone}/health")
    Health health(@PathVariable String phone, CurrentUser caller, HttpServletRequest http) {
        return setup.health(caller.tenantId(), e164(phone), urls.origin(http));
    }

    @PostMapping("/numbers/{phone}/test-call")
    @ResponseStatus(HttpStatus.CREATED)
    TestCall testCall(@PathVariable String phone, CurrentUser caller) {
        return new TestCall(setup.testCall(caller.tenantId(), e164(phone)));
    }

    private static String e164(String phone) {
        return PhoneNumbers.normalise(phone)
                .orElseThrow(() -> new ApiException(
                        HttpStatus.BAD_REQUEST,
                        "invalid_phone",
                        NumberController.BAD_PHONE,
                        Map.of("fields", Map.of("phone", NumberController.BAD_PHONE))));
    }
}
