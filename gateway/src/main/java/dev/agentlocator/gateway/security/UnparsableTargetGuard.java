package dev.agentlocator.gateway.security;

import dev.agentlocator.gateway.errors.GatewayError;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request target that is not even a URI (a raw backslash, a stray {@code %}, a quote) never
 * reaches {@link CanonicalPathFilter}: Spring cannot build the request from it and answers 400 with
 * an empty body. This handler, right after Netty's HTTP decoder, answers those with the same 400
 * JSON as every other non-canonical path and closes the connection, so a client always learns what
 * was wrong.
 */
@Component
class UnparsableTargetGuard implements NettyServerCustomizer {

    private static final Logger log = LoggerFactory.getLogger(UnparsableTargetGuard.class);

    private final byte[] body;

    UnparsableTargetGuard(JsonMapper json) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("error", GatewayError.NON_CANONICAL_PATH.code());
        error.put("message", GatewayError.NON_CANONICAL_PATH.message());
        this.body = json.writeValueAsBytes(error);
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remote) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "agentlocator.unparsableTarget", new Handler());
            }
        });
    }

    private static boolean parses(String target) {
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * One per connection. After a refusal it reads and drops the rest of that request, then closes:
     * closing while the body still arrives would reset the connection and lose the answer.
     */
    private final class Handler extends ChannelInboundHandlerAdapter {

        private ChannelFuture answered;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (answered == null && message instanceof HttpRequest request && !parses(request.uri())) {
                log.info(
                        "Refused {} {}: request target is not a URI",
                        request.method(),
                        request.uri().replaceAll("\\p{Cntrl}", "?"));
                FullHttpResponse response = new DefaultFullHttpResponse(
                        HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST, Unpooled.wrappedBuffer(body));
                response.headers()
                        .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                answered = ctx.writeAndFlush(response);
            }
            if (answered == null) {
                ctx.fireChannelRead(message);
                return;
            }
            boolean last = message instanceof LastHttpContent;
            ReferenceCountUtil.release(message);
            if (last) {
                answered.addListener(ChannelFutureListener.CLOSE);
            }
        }
    }
}
