package dev.agentlocator.platform.kit.testapp;

import dev.agentlocator.platform.kit.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class NoteController {

    record CreateNoteRequest(@NotBlank @Size(max = 200) String text) {}

    private final NoteService notes;

    NoteController(NoteService notes) {
        this.notes = notes;
    }

    @PostMapping("/test/notes")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@Valid @RequestBody CreateNoteRequest request, CurrentUser user) {
        return Map.of("id", notes.create(user.tenantId(), request.text()));
    }

    @PostMapping(path = "/test/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> upload(@RequestPart("file") MultipartFile file) {
        return Map.of("bytes", file.getSize());
    }

    @GetMapping("/test/me")
    CurrentUser me(CurrentUser user) {
        return user;
    }

    @GetMapping("/test/count")
    Map<String, Object> count(@RequestParam int limit) {
        return Map.of("limit", limit);
    }

    @GetMapping("/test/boom")
    void boom() {
        throw new IllegalStateException("kaboom: a bug in a controller");
    }

    @GetMapping("/test/public/ping")
    Map<String, Object> ping() {
        return Map.of("ok", true, "at", UUID.randomUUID());
    }
}
