package io.chanflow.benchmarks;

import com.softwaremill.jox.ChannelDone;
import io.chanflow.Channel;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.SynchronousQueue;

/**
 * The send/receive/close/range shape shared by Chanflow, Jox and the JDK queues, so every workload that needs
 * only these is written once and run on each implementation. Each JMH fork runs one benchmark, so only one
 * implementation class is loaded per fork and the calls stay monomorphic (inlined); the adapters add nothing
 * measurable. Select workloads use each library's own select directly.
 */
interface Pipe {
    void send(Integer value) throws InterruptedException;

    Integer receive() throws InterruptedException;

    /** Go's close(ch). The JDK queues have no close: they send a poison pill. */
    void close() throws InterruptedException;

    /** Go's {@code for x := range ch}: receives until closed; returns the sum of the values. */
    long rangeSum() throws InterruptedException;

    /** Makes a pipe of the given capacity (0 = unbuffered / rendezvous). */
    interface Factory {
        Pipe make(int capacity);
    }

    // ---------------------------------------------------------------------------------------------

    /** A Chanflow channel; ranges with the channel's iterator, i.e. {@code for (Integer x : ch)}. */
    static Pipe chanflow(int capacity) {
        return wrap(Channel.<Integer>make(capacity));
    }

    static Pipe wrap(Channel<Integer> ch) {
        return new Pipe() {
            @Override public void send(Integer value) throws InterruptedException { ch.send(value); }
            @Override public Integer receive() throws InterruptedException { return ch.receive(); }
            @Override public void close() { ch.close(); }
            @Override public long rangeSum() {
                long s = 0;
                for (Integer x : ch) {
                    s += x;
                }
                return s;
            }
        };
    }

    /** A Jox channel; ranges with {@code receiveOrClosed} until {@link ChannelDone}. */
    static Pipe jox(int capacity) {
        return wrap(capacity == 0
                ? com.softwaremill.jox.Channel.<Integer>newRendezvousChannel()
                : com.softwaremill.jox.Channel.<Integer>newBufferedChannel(capacity));
    }

    static Pipe wrap(com.softwaremill.jox.Channel<Integer> ch) {
        return new Pipe() {
            @Override public void send(Integer value) throws InterruptedException { ch.send(value); }
            @Override public Integer receive() throws InterruptedException { return ch.receive(); }
            @Override public void close() { ch.done(); }
            @Override public long rangeSum() throws InterruptedException {
                long s = 0;
                for (Object r; !((r = ch.receiveOrClosed()) instanceof ChannelDone); ) {
                    s += (Integer) r;
                }
                return s;
            }
        };
    }

    /** Capacity 0: {@link SynchronousQueue}; otherwise {@link ArrayBlockingQueue}. */
    static Pipe jdkQueue(int capacity) {
        return capacity == 0 ? jdk(new SynchronousQueue<>()) : jdk(new ArrayBlockingQueue<>(capacity));
    }

    /** A rendezvous on {@link LinkedTransferQueue#transfer} (the capacity is ignored). */
    static Pipe jdkTransferQueue(int capacity) {
        LinkedTransferQueue<Object> q = new LinkedTransferQueue<>();
        return new QueuePipe(q) {
            @Override public void send(Integer value) throws InterruptedException { q.transfer(value); }
        };
    }

    static Pipe jdk(BlockingQueue<Object> q) {
        return new QueuePipe(q);
    }

    /**
     * A {@link BlockingQueue} as a pipe. Close puts a poison pill; a ranging consumer that meets it offers it
     * back for the next consumer (this needs a buffered queue when there are several consumers).
     */
    class QueuePipe implements Pipe {
        private static final Object PILL = new Object();
        private final BlockingQueue<Object> q;

        QueuePipe(BlockingQueue<Object> q) {
            this.q = q;
        }

        @Override public void send(Integer value) throws InterruptedException { q.put(value); }
        @Override public Integer receive() throws InterruptedException { return (Integer) q.take(); }
        @Override public void close() throws InterruptedException { q.put(PILL); }
        @Override public long rangeSum() throws InterruptedException {
            long s = 0;
            for (Object x; (x = q.take()) != PILL; ) {
                s += (Integer) x;
            }
            q.offer(PILL);
            return s;
        }
    }
}
