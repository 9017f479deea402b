package dev.agentlocator.gateway.spa;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Serves the built web client: a file when the path names one, otherwise {@code index.html}, so
 * the client's own router can show /customers/123 after a reload or from a bookmark.
 */
@Component
class SpaHandler {

    private static final Logger log = LoggerFactory.getLogger(SpaHandler.class);

    private static final String INDEX = "index.html";
    // Vite puts content-hashed files under assets/; a new build gets new names, so they never go stale.
    private static final CacheControl HASHED =
            CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final Path root;

    SpaHandler(SpaProperties properties) {
        this.root = properties.root();
        if (Files.isDirectory(root)) {
            log.info("Serving the web client from {}", root);
        } else {
            log.info("No web client at {} (CLIENT_DIST_DIR); only the API is served", root);
        }
    }

    Mono<ServerResponse> serve(ServerRequest request) {
        String relative = request.path().substring(1);
        Path file = resolve(relative);
        if (file != null && Files.isRegularFile(file)) {
            CacheControl caching = relative.startsWith("assets/") ? HASHED : CacheControl.noCache();
            return send(request, file, caching);
        }
        // A missing script or image must not come back as the HTML page: the browser would cache
        // and run it as the wrong thing.
        boolean looksLikeFile =
                relative.substring(relative.lastIndexOf('/') + 1).contains(".");
        Path index = root.resolve(INDEX);
        if (looksLikeFile || !Files.isRegularFile(index)) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        // no-cache, so a deploy reaches users on their next load instead of after a cache expiry.
        return send(request, index, CacheControl.noCache());
    }

    /** The file for a request path, or {@code null} when it is not a file inside the client. */
    private Path resolve(String relative) {
        if (relative.isEmpty()) {
            return null;
        }
        try {
            Path file = root.resolve(relative).normalize();
            return file.startsWith(root) ? file : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /**
     * Sends the file, or the brotli or gzip copy the client build wrote next to it when the browser
     * accepts that encoding: compressed once at build time at the highest level, never per request.
     */
    private static Mono<ServerResponse> send(ServerRequest request, Path file, CacheControl caching) {
        var resource = new FileSystemResource(file);
        MediaType type = MediaTypeFactory.getMediaType(resource).orElse(MediaType.APPLICATION_OCTET_STREAM);
        var response = ServerResponse.ok().contentType(type).cacheControl(caching);
        var accepted = AcceptedEncodings.of(request.headers().header(HttpHeaders.ACCEPT_ENCODING));
        boolean hasCopies = false;
        for (var encoding : PRECOMPRESSED) {
            Path copy = file.resolveSibling(file.getFileName() + encoding.suffix());
            if (Files.isRegularFile(copy)) {
                hasCopies = true;
                if (accepted.accepts(encoding.name())) {
                    return response.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                            .header(HttpHeaders.CONTENT_ENCODING, encoding.name())
                            .body(BodyInserters.fromResource(new FileSystemResource(copy)));
                }
            }
        }
        if (hasCopies) {
            // Caches must keep the plain file and the copies apart.
            response.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        }
        return response.body(BodyInserters.fromResource(resource));
    }

    private record Precompressed(String name, String suffix) {}

    /** In order of preference: brotli is about a sixth smaller than gzip on the client's code. */
    private static final List<Precompressed> PRECOMPRESSED =
            List.of(new Precompressed("br", ".br"), new Precompressed("gzip", ".gz"));
}
