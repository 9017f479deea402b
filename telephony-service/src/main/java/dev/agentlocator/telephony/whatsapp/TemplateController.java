package dev.agentlocator.telephony.whatsapp;

import dev.agentlocator.platform.kit.features.Features;
import dev.agentlocator.platform.kit.features.RequiresFeature;
import dev.agentlocator.platform.kit.security.CurrentUser;
import dev.agentlocator.platform.kit.security.Roles;
import dev.agentlocator.telephony.twilio.TwilioContent.Template;
import dev.agentlocator.telephony.whatsapp.TemplateRepository.PurposeTemplate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * WhatsApp templates (ADR 0029): the Twilio account's Content templates with their approval, and
 * which one serves each purpose. Everyone reads the purposes (the composer offers them); only the
 * owner chooses.
 */
@RestController
@RequiresFeature(Features.WHATSAPP)
class TemplateController {

    private final TemplateService templates;

    TemplateController(TemplateService templates) {
        this.templates = templates;
    }

    @GetMapping("/api/whatsapp/templates")
    @PreAuthorize(Roles.OWNER_ONLY)
    List<Template> list() {
        return templates.list();
    }

    record PurposeView(
            String purpose, String label, String contentSid, String name, String body, Map<String, String> variables) {
        static PurposeView of(PurposeTemplate t) {
            return new PurposeView(
                    t.purpose(),
                    TemplateService.purposeHebrew(t.purpose()),
                    t.contentSid(),
                    t.name(),
                    t.body(),
                    t.variables());
        }
    }

    @GetMapping("/api/whatsapp/templates/purposes")
    @PreAuthorize(Roles.CAN_READ)
    List<PurposeView> purposes(CurrentUser caller) {
        return templates.purposes(caller.tenantId()).stream()
                .map(PurposeView::of)
                .toList();
    }

    record ChooseRequest(
            @NotBlank(message = "יש לבחור תבנית") @Pattern(regexp = "HX[0-9a-fA-F]{32}", message = "מזהה תבנית לא תקין")
            String contentSid,

            Map<String, String> variables) {}

    @PutMapping("/api/whatsapp/templates/purposes/{purpose}")
    @PreAuthorize(Roles.OWNER_ONLY)
    PurposeView choose(@PathVariable String purpose, @Valid @RequestBody ChooseRequest body, CurrentUser caller) {
        return PurposeView.of(templates.choose(caller.tenantId(), purpose, body.contentSid(), body.variables()));
    }

    @DeleteMapping("/api/whatsapp/templates/purposes/{purpose}")
    @PreAuthorize(Roles.OWNER_ONLY)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clear(@PathVariable String purpose, CurrentUser caller) {
        templates.clear(caller.tenantId(), purpose);
    }
}
