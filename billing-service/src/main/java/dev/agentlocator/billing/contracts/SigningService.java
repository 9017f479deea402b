package dev.agentlocator.billing.contracts;

import dev.agentlocator.billing.contracts.ContractRepository.Signing;
import dev.agentlocator.billing.contracts.ContractRequests.SignRequest;
import dev.agentlocator.billing.settings.BillingSettings;
import dev.agentlocator.billing.settings.SettingsService;
import dev.agentlocator.platform.events.ContractEvent;
import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.platform.kit.features.FeatureDisabledException;
import dev.agentlocator.platform.kit.features.Features;
import dev.agentlocator.platform.kit.features.TenantFeatures;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public side of e-signing, reached with a one-time token and nothing else. Every refusal
 * (unknown, used, expired) happens before anything is written, so a bad token changes nothing.
 */
@Service
public class SigningService {

    static final String LINK_NOT_FOUND = "הקישור לחתימה אינו תקין";
    static final String LINK_USED = "המסמך כבר נחתם או נדחה באמצעות קישור זה";
    static final String LINK_EXPIRED = "תוקף הקישור לחתימה פג. בקשו מהעסק לשלוח קישור חדש.";
    static final String DOCUMENT_CHANGED = "המסמך השתנה מאז שנפתח. טענו את הדף מחדש ועיינו בו לפני החתימה.";

    /** What the signing page shows: the document and the fingerprint the signature will bind to. */
    record SigningView(SignableDocument document, String status, OffsetDateTime expiresAt, String documentSha256) {}

    private final ContractRepository contracts;
    private final SettingsService settings;
    private final ContractEvents events;
    private final ContractPdf pdf;
    private final ContractsProperties properties;
    private final TenantFeatures features;
    private final JsonMapper json;

    SigningService(
            ContractRepository contracts,
            SettingsService settings,
            ContractEvents events,
            ContractPdf pdf,
            ContractsProperties properties,
            TenantFeatures features,
            JsonMapper json) {
        this.contracts = contracts;
        this.settings = settings;
        this.events = events;
        this.pdf = pdf;
        this.properties = properties;
        this.features = features;
        this.json = json;
    }

    /** Shows the document; the first opening marks the contract {@code viewed}. */
    @Transactional
    public SigningView view(String token) {
        Signing signing = open(token, false);
        BillingSettings business = settings.get(signing.tenantId());
        SignableDocument document = document(signing.contract(), business);
        if (contracts.markViewed(signing.tenantId(), signing.contract().id())) {
            events.emit(
                    signing.tenantId(),
                    ContractEvent.VIEWED,
                    contracts.find(signing.tenantId(), signing.contract().id()).orElseThrow());
        }
        return new SigningView(
                document,
                "sent".equals(signing.contract().status())
                        ? "viewed"
                        : signing.contract().status(),
                signing.contract().signingLinkExpiresAt(),
                SigningTokens.sha256Hex(bytes(document)));
    }

    @Transactional
    public void sign(String token, SignRequest request, String ip, String userAgent) {
        Signing signing = open(token, true);
        // Validated before any write: a bad signature leaves the contract and token untouched.
        SignatureImage signature = SignatureImage.parse(request.signature(), properties.maxSignatureBytes());
        Contract contract = signing.contract();
        BillingSettings business = settings.get(signing.tenantId());
        byte[] document = bytes(document(contract, business));
        String sha256 = SigningTokens.sha256Hex(document);
        if (request.documentSha256() != null && !request.documentSha256().equalsIgnoreCase(sha256)) {
            throw new ApiException(HttpStatus.CONFLICT, "document_changed", DOCUMENT_CHANGED);
        }
        // Microseconds are what PostgreSQL keeps; the PDF and the row must show the same instant.
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
        String agent = userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), 500));
        var unsigned = new SignedRecord(now, request.signerName().trim(), ip, agent, document, sha256, signature, null);
        byte[] signedPdf = pdf.render(contract, business, unsigned);
        contracts.markSigned(
                signing.tenantId(),
                contract.id(),
                new SignedRecord(now, unsigned.signerName(), ip, agent, document, sha256, signature, signedPdf));
        events.emit(
                signing.tenantId(),
                ContractEvent.SIGNED,
                contracts.find(signing.tenantId(), contract.id()).orElseThrow());
    }

    @Transactional
    public void decline(String token) {
        Signing signing = open(token, true);
        contracts.markDeclined(signing.tenantId(), signing.contract().id());
        events.emit(
                signing.tenantId(),
                ContractEvent.DECLINED,
                contracts.find(signing.tenantId(), signing.contract().id()).orElseThrow());
    }

    /** The contract behind a usable token, or the refusal that says why it is not usable. */
    private Signing open(String token, boolean lock) {
        if (!SigningTokens.looksValid(token)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "signing_link_not_found", LINK_NOT_FOUND);
        }
        Signing signing = contracts
                .findByTokenHash(SigningTokens.hash(token), lock)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "signing_link_not_found", LINK_NOT_FOUND));
        if (!features.isEnabled(signing.tenantId(), Features.SIGNATURES)) {
            throw new FeatureDisabledException(Features.SIGNATURES);
        }
        String status = signing.contract().status();
        if (signing.tokenUsedAt() != null || "signed".equals(status) || "declined".equals(status)) {
            throw new ApiException(HttpStatus.GONE, "signing_link_used", LINK_USED);
        }
        OffsetDateTime expiresAt = signing.contract().signingLinkExpiresAt();
        if ("expired".equals(status) || expiresAt == null || !expiresAt.isAfter(OffsetDateTime.now())) {
            throw new ApiException(HttpStatus.GONE, "signing_link_expired", LINK_EXPIRED);
        }
        return signing;
    }

    private static SignableDocument document(Contract c, BillingSettings business) {
        return new SignableDocument(
                c.id(),
                c.title(),
                business.businessName(),
                business.businessId(),
                c.customerName(),
                c.terms(),
                c.lines(),
                c.vatRateBasisPoints(),
                c.subtotalAgorot(),
                c.vatAgorot(),
                c.totalAgorot(),
                c.currency());
    }

    private byte[] bytes(SignableDocument document) {
        return json.writeValueAsBytes(document);
    }
}
