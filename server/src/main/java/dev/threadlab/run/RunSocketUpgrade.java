package dev.threadlab.run;

import dev.threadlab.account.LearnerCookie;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.impl.ConnectionBase;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Looks at a run socket's handshake while the HTTP request is still at hand: who the client is (learner cookie and
 * address, as the REST API sees them) and a handle that aborts the TCP connection, which websockets-next does not
 * offer. Both travel to {@link RunSocket} in the connection's user data.
 */
@ApplicationScoped
public class RunSocketUpgrade implements HttpUpgradeCheck {
    static final UserData.TypedKey<RunClient> CLIENT = new UserData.TypedKey<>("threadlab.run-client");
    static final UserData.TypedKey<Runnable> ABORT = new UserData.TypedKey<>("threadlab.abort");

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        HttpServerRequest request = context.httpRequest();
        Cookie cookie = request.getCookie(LearnerCookie.NAME);
        SocketAddress remote = request.remoteAddress();
        context.userData().put(CLIENT, RunClient.of(LearnerCookie.idFrom(cookie == null ? null : cookie.getValue()),
                remote == null ? null : remote.hostAddress()));
        context.userData().put(ABORT, abortOf(request.connection()));
        return CheckResult.permitUpgrade();
    }

    /**
     * Closes the TCP connection at once, dropping whatever is still queued for it (SO_LINGER 0: a reset). A
     * WebSocket close frame would wait behind the very backlog that a client who stopped reading never takes, and
     * keep it in memory.
     */
    static Runnable abortOf(HttpConnection connection) {
        if (!(connection instanceof ConnectionBase base)) {
            return connection::close;
        }
        Channel channel = base.channel();
        return () -> channel.eventLoop().execute(() -> {
            channel.config().setOption(ChannelOption.SO_LINGER, 0);
            channel.close();
        });
    }
}
