package io.chanflow.context;

import io.chanflow.Action;
import io.chanflow.Body;
import io.chanflow.Channel;
import io.chanflow.Done;
import io.chanflow.DoneChannel;
import io.chanflow.Go;
import io.chanflow.SelectCase;
import io.chanflow.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Overview
 * ========
 * The context tree follows Go's context package. Three kinds of node:
 *   Root          background() and todo(): never done.
 *   ValueContext  one key/value; done, err, cause and deadline are the parent's.
 *   CancelNode    withCancel/withDeadline/withTimeout: its own DoneChannel, err and cause.
 * A CancelNode registers in its nearest CancelNode ancestor (found through value nodes, the way Go's
 * parentCancelCtx does). Cancelling a node sets err and cause under its lock, takes its children away,
 * closes its done channel, cancels the children with the same err and cause, and removes itself from the
 * ancestor's child set, so a cancelled child costs its parent nothing (no growth under a long-lived parent).
 * A parent of a foreign Context implementation is watched by a goroutine, as in Go.
 */
final class Contexts {
    private Contexts() {}

    static final Context BACKGROUND = new Root("context.Background");
    static final Context TODO = new Root("context.TODO");
    private static final Done NEVER = new NeverDone();

    /** Our node types: they know their nearest cancellable ancestor. */
    abstract static class Node implements Context {
        /** The nearest CancelNode at or above this node, or null if this node can never be cancelled. */
        abstract CancelNode cancelAncestor();
    }

    static CancelContext cancelContext(Context parent, Instant deadline) {
        Objects.requireNonNull(parent, "parent");
        Optional<Instant> inherited = parent.deadline();
        boolean own = deadline != null && (inherited.isEmpty() || deadline.isBefore(inherited.get()));
        CancelNode anc = parent instanceof Node n ? n.cancelAncestor() : null;
        CancelNode child = new CancelNode(parent, own ? deadline : null, anc);
        if (anc != null) {
            anc.adopt(child);
        } else if (parent.done() != NEVER) {
            watchForeign(parent, child); // a foreign Context, possibly under value nodes
        }
        if (own) {
            child.startTimer(Duration.between(Instant.now(), deadline));
        }
        return child;
    }

    private static void watchForeign(Context parent, CancelNode child) {
        if (parent.err() != null) {
            child.cancel(false, parent.err(), parent.cause());
            return;
        }
        Go.go(() -> Go.select(
                parent.done().onDone(() -> child.cancel(false, parent.err(), parent.cause())),
                child.done().onDone(() -> {})));
    }

    // ---------------------------------------------------------------------------------------------

    static final class Root extends Node {
        private final String name;

        Root(String name) {
            this.name = name;
        }

        @Override public Done done() { return NEVER; }
        @Override public ContextError err() { return null; }
        @Override public Throwable cause() { return null; }
        @Override public Optional<Instant> deadline() { return Optional.empty(); }
        @Override public <T> T value(Key<T> key) { return null; }
        @Override CancelNode cancelAncestor() { return null; }
        @Override public String toString() { return name; }
    }

    static final class ValueContext extends Node {
        private final Context parent;
        private final Key<?> key;
        private final Object value;

        ValueContext(Context parent, Key<?> key, Object value) {
            this.parent = Objects.requireNonNull(parent, "parent");
            this.key = Objects.requireNonNull(key, "key");
            this.value = Objects.requireNonNull(value, "value");
        }

        @Override public Done done() { return parent.done(); }
        @Override public ContextError err() { return parent.err(); }
        @Override public Throwable cause() { return parent.cause(); }
        @Override public Optional<Instant> deadline() { return parent.deadline(); }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T value(Key<T> k) {
            return k == key ? (T) value : parent.value(k);
        }

        @Override
        CancelNode cancelAncestor() {
            return parent instanceof Node n ? n.cancelAncestor() : null;
        }

        @Override public String toString() { return parent + ".WithValue(" + key + ")"; }
    }

    static final class WithoutCancel extends Node {
        private final Context parent;

        WithoutCancel(Context parent) {
            this.parent = Objects.requireNonNull(parent, "parent");
        }

        @Override public Done done() { return NEVER; }
        @Override public ContextError err() { return null; }
        @Override public Throwable cause() { return null; }
        @Override public Optional<Instant> deadline() { return Optional.empty(); }
        @Override public <T> T value(Key<T> key) { return parent.value(key); }
        @Override CancelNode cancelAncestor() { return null; }
        @Override public String toString() { return parent + ".WithoutCancel"; }
    }

    /**
     * A cancellable node. Invariants: err is null exactly while the node is live; once set, err and cause
     * never change, children is null, and the done channel is (being) closed. err is written before done is
     * closed, so anyone who sees done closed sees err.
     */
    static final class CancelNode extends Node implements CancelContext {
        private final Context parent;
        /** Own deadline, or null when the parent's (if any) is in force. */
        private final Instant deadline;
        /** The ancestor this node is registered in, or null. */
        private final CancelNode registeredIn;
        private final DoneChannel doneChannel = DoneChannel.make();
        private final ReentrantLock lock = new ReentrantLock();
        private volatile ContextError err;
        /** Guarded by lock (and published by err). */
        private Throwable cause;
        /** Guarded by lock; null once cancelled. */
        private Set<CancelNode> children = new HashSet<>();
        /** Guarded by lock. */
        private Timer timer;

        CancelNode(Context parent, Instant deadline, CancelNode registeredIn) {
            this.parent = parent;
            this.deadline = deadline;
            this.registeredIn = registeredIn;
        }

        void adopt(CancelNode child) {
            ContextError e;
            Throwable c;
            lock.lock();
            try {
                e = err;
                c = cause;
                if (e == null) {
                    children.add(child);
                    return;
                }
            } finally {
                lock.unlock();
            }
            child.cancel(false, e, c); // created under a cancelled parent: starts cancelled
        }

        private void forget(CancelNode child) {
            lock.lock();
            try {
                if (children != null) {
                    children.remove(child);
                }
            } finally {
                lock.unlock();
            }
        }

        void startTimer(Duration d) {
            if (d.isNegative() || d.isZero()) {
                cancel(true, ContextError.DEADLINE_EXCEEDED, null);
                return;
            }
            lock.lock();
            try {
                if (err == null) {
                    timer = Go.afterFunc(d, () -> cancel(true, ContextError.DEADLINE_EXCEEDED, null));
                }
            } finally {
                lock.unlock();
            }
        }

        void cancel(boolean detach, ContextError e, Throwable why) {
            Set<CancelNode> kids;
            Timer t;
            Throwable c;
            lock.lock();
            try {
                if (err != null) {
                    return;
                }
                c = why != null ? why : new ContextDoneException(e, null);
                cause = c;
                err = e;
                kids = children;
                children = null;
                t = timer;
                timer = null;
            } finally {
                lock.unlock();
            }
            doneChannel.tryClose();
            for (CancelNode k : kids) {
                k.cancel(false, e, c);
            }
            if (t != null) {
                t.stop();
            }
            if (detach && registeredIn != null) {
                registeredIn.forget(this);
            }
        }

        /** The number of live children; for tests. */
        int childCount() {
            lock.lock();
            try {
                return children == null ? 0 : children.size();
            } finally {
                lock.unlock();
            }
        }

        @Override public void cancel() { cancel(true, ContextError.CANCELED, null); }

        @Override
        public void cancel(Throwable cause) {
            cancel(true, ContextError.CANCELED, Objects.requireNonNull(cause, "cause"));
        }

        @Override public void close() { cancel(); }
        @Override public Done done() { return doneChannel.done(); }
        @Override public ContextError err() { return err; }

        @Override
        public Throwable cause() {
            if (err == null) {
                return null;
            }
            lock.lock();
            try {
                return cause;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public Optional<Instant> deadline() {
            return deadline != null ? Optional.of(deadline) : parent.deadline();
        }

        @Override public <T> T value(Key<T> key) { return parent.value(key); }
        @Override CancelNode cancelAncestor() { return this; }

        @Override
        public String toString() {
            return parent + (deadline != null ? ".WithDeadline(" + deadline + ")" : ".WithCancel");
        }
    }

    /** The done channel of a context that is never cancelled: a nil channel, so its case is never ready. */
    private static final class NeverDone implements Done {
        private final Channel<Object> nil = Channel.nil();

        @Override public boolean isDone() { return false; }
        @Override public void await() throws InterruptedException { nil.receiveOk(); }

        @Override
        public boolean await(Duration timeout) throws InterruptedException {
            nil.tryReceive(timeout);
            return false;
        }

        @Override
        public <R> SelectCase<R> onDone(Action<? extends R> body) {
            Objects.requireNonNull(body, "case body");
            return nil.onReceiveOk(r -> body.call());
        }

        @Override
        public SelectCase<Void> onDone(Body body) {
            Objects.requireNonNull(body, "case body");
            return nil.onReceiveOkDo(r -> body.run());
        }
    }
}
