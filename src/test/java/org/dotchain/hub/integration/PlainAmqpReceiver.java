package org.dotchain.hub.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.qpid.proton.Proton;
import org.apache.qpid.proton.amqp.messaging.Accepted;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.apache.qpid.proton.amqp.messaging.Source;
import org.apache.qpid.proton.amqp.messaging.Target;
import org.apache.qpid.proton.amqp.transport.ErrorCondition;
import org.apache.qpid.proton.engine.BaseHandler;
import org.apache.qpid.proton.engine.Connection;
import org.apache.qpid.proton.engine.Delivery;
import org.apache.qpid.proton.engine.EndpointState;
import org.apache.qpid.proton.engine.Event;
import org.apache.qpid.proton.engine.Receiver;
import org.apache.qpid.proton.engine.Sasl;
import org.apache.qpid.proton.engine.Session;
import org.apache.qpid.proton.message.Message;
import org.apache.qpid.proton.reactor.Reactor;

/**
 * A supplier's AMQP 1.0 receiver as most AMQP clients open one by default: a bare source address, no capability
 * that says queue or topic (the Qpid JMS client always sends one). Plain proton-j, SASL PLAIN as the supplier's
 * broker user; it connects again whenever its connection drops, as a long-running client does, and keeps the text
 * of every message it takes.
 */
public final class PlainAmqpReceiver extends Thread implements AutoCloseable {

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String address;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> refusal = new AtomicReference<>();
    private final AtomicInteger attached = new AtomicInteger();
    private volatile boolean running = true;
    private volatile Connection connection;

    public PlainAmqpReceiver(String host, int port, String user, String password, String address) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.address = address;
        setDaemon(true);
        setName("amqp-receiver-" + user);
    }

    public List<String> received() {
        return received;
    }

    /** How many times the broker let the receiver attach (once per connection that got that far). */
    public int attachments() {
        return attached.get();
    }

    /** What the broker answered, if it refused the receiver. */
    public String refusal() {
        return refusal.get();
    }

    @Override
    public void run() {
        while (running) {
            try {
                Reactor reactor = Proton.reactor(new BaseHandler() {
                    @Override
                    public void onReactorInit(Event event) {
                        event.getReactor().connectionToHost(host, port, new Client());
                    }

                    @Override
                    public void onReactorQuiesced(Event event) {
                        Connection open = connection;
                        if (!running && open != null && open.getLocalState() != EndpointState.CLOSED) {
                            // detach from the broker, so that it gives this receiver's credit to no one
                            open.close();
                        } else if (!running) {
                            event.getReactor().stop();
                        }
                    }
                });
                reactor.setTimeout(200);
                reactor.run();
            } catch (IOException | RuntimeException e) {
                // the broker is away: try again
            }
            pause();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        join(5_000);
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Client extends BaseHandler {

        @Override
        public void onConnectionInit(Event event) {
            Connection connection = event.getConnection();
            PlainAmqpReceiver.this.connection = connection;
            connection.setHostname(host);
            connection.open();
            Session session = connection.session();
            session.open();
            Receiver receiver = session.receiver("orders");
            Source source = new Source();
            source.setAddress(address);
            receiver.setSource(source);
            receiver.setTarget(new Target());
            receiver.flow(100);
            receiver.open();
        }

        @Override
        public void onConnectionBound(Event event) {
            Sasl sasl = event.getTransport().sasl();
            sasl.client();
            sasl.plain(user, password);
        }

        @Override
        public void onLinkRemoteOpen(Event event) {
            if (event.getLink().getRemoteSource() != null) {
                attached.incrementAndGet();
            }
        }

        @Override
        public void onLinkRemoteClose(Event event) {
            ErrorCondition condition = event.getLink().getRemoteCondition();
            refusal.set(condition == null ? "closed" : condition.getCondition() + ": " + condition.getDescription());
            event.getConnection().close();
        }

        @Override
        public void onTransportClosed(Event event) {
            event.getConnection().free();
            if (event.getReactor() != null) {
                event.getReactor().stop();
            }
        }

        @Override
        public void onDelivery(Event event) {
            Delivery delivery = event.getDelivery();
            if (delivery.isPartial() || !(event.getLink() instanceof Receiver receiver)) {
                return;
            }
            byte[] bytes = new byte[delivery.pending()];
            int read = receiver.recv(bytes, 0, bytes.length);
            Message message = Message.Factory.create();
            message.decode(bytes, 0, read);
            received.add(text(message));
            delivery.disposition(Accepted.getInstance());
            delivery.settle();
            receiver.flow(1);
        }

        private String text(Message message) {
            if (message.getBody() instanceof AmqpValue value) {
                return String.valueOf(value.getValue());
            }
            if (message.getBody() instanceof Data data) {
                return new String(data.getValue().getArray(), data.getValue().getArrayOffset(),
                        data.getValue().getLength(), java.nio.charset.StandardCharsets.UTF_8);
            }
            throw new UncheckedIOException(new IOException("No body the test can read: " + message.getBody()));
        }
    }
}
