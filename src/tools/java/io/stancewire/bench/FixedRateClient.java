package io.stancewire.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * HTTP GETs at a fixed rate, for the latency at a given load (what wrk2's {@code -R} does; Debian's wrk has no fixed
 * rate, and hyperfine times whole processes, not requests). Request {@code i} is due at {@code start + i / rate};
 * {@code --connections} threads, each with one kept-alive HTTP/1.1 connection, take the next due request, wait for its
 * time, send it and read the whole answer. The latency is counted from the time the request was due, not from when it
 * was sent, so a server that falls behind is charged for the queue it causes (no coordinated omission). The first
 * {@code --warmup} seconds are not counted.
 * <p>
 * Arguments ({@code --name value}): url (http://host:port), path (one path) or paths (a file, one path a line, used
 * in turn), rate (requests/s, 1000), seconds (30), warmup (5), connections (8), label, out (JSON file).
 */
public final class FixedRateClient {

    private FixedRateClient() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchSupport.args(args);
        URI url = URI.create(a.getOrDefault("url", "http://localhost:8080"));
        List<String> paths = a.containsKey("paths") ? Files.readAllLines(Path.of(a.get("paths"))).stream()
                .filter(line -> !line.isBlank()).toList() : List.of(a.getOrDefault("path", "/api/v1"));
        double rate = Double.parseDouble(a.getOrDefault("rate", "1000"));
        double seconds = Double.parseDouble(a.getOrDefault("seconds", "30"));
        double warmup = Double.parseDouble(a.getOrDefault("warmup", "5"));
        int connections = Integer.parseInt(a.getOrDefault("connections", "8"));
        String label = a.getOrDefault("label", paths.get(0));

        byte[][] requests = new byte[paths.size()][];
        for (int i = 0; i < paths.size(); i++) {
            requests[i] = ("GET " + paths.get(i) + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                    + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        }
        long period = (long) (1e9 / rate);
        long warmupCount = (long) (rate * warmup);
        long total = warmupCount + (long) (rate * seconds);
        long start = System.nanoTime() + 200_000_000L;
        // a server that cannot keep up is not waited for: nothing is sent after the schedule's end plus 2 s
        long stop = start + total * period + 2_000_000_000L;
        AtomicLong next = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        int[] counts = new int[connections];
        for (int c = 0; c < connections; c++) {
            long[] latencies = new long[(int) (total / connections * 2 + 16)];
            perThread.add(latencies);
            int slot = c;
            Thread thread = new Thread(() -> {
                Connection conn = null;
                int n = 0;
                long[] mine = latencies;
                while (true) {
                    long i = next.getAndIncrement();
                    if (i >= total) {
                        break;
                    }
                    long due = start + i * period;
                    if (System.nanoTime() > stop) {
                        next.set(total);
                        break;
                    }
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    sent.incrementAndGet();
                    try {
                        if (conn == null) {
                            conn = new Connection(url.getHost(), url.getPort());
                        }
                        int status = conn.get(requests[(int) (i % requests.length)], bytes);
                        if (status != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        if (conn != null) {
                            conn.close();
                        }
                        conn = null;
                    }
                    long latency = System.nanoTime() - due;
                    if (i >= warmupCount) {
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                            perThread.set(slot, mine);
                        }
                        mine[n++] = latency;
                    }
                }
                counts[slot] = n;
                if (conn != null) {
                    conn.close();
                }
            }, "fixed-rate-" + c);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = Math.min(System.nanoTime() - start, total * period) / 1e9 - warmup;
        int measured = Arrays.stream(counts).sum();
        long[] all = new long[measured];
        int pos = 0;
        for (int c = 0; c < connections; c++) {
            System.arraycopy(perThread.get(c), 0, all, pos, counts[c]);
            pos += counts[c];
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("label", label);
        result.put("target_rate", rate);
        result.put("achieved_rate", Math.round(measured / elapsed * 10) / 10.0);
        result.put("seconds", seconds);
        result.put("connections", connections);
        result.put("errors", errors.get());
        // requests never sent because the server fell behind: the rate was not sustained, and the percentiles leave
        // out the slowest requests of all
        result.put("unsent", total - sent.get());
        result.put("bytes_per_response", measured == 0 ? 0 : bytes.get() / (total));
        result.putAll(BenchSupport.latencySummary(all));
        result.put("load_average", BenchSupport.loadAverage());
        String json = BenchSupport.JSON.writeValueAsString(result);
        System.out.println(json);
        if (a.containsKey("out")) {
            BenchSupport.write(Path.of(a.get("out")), result);
        }
    }

    /** One kept-alive HTTP/1.1 connection; reads answers with Content-Length or chunked bodies. */
    static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final byte[] skip = new byte[64 * 1024];

        Connection(String host, int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        }

        int get(byte[] request, AtomicLong bytes) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            String header;
            while (!(header = line()).isEmpty()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim().toLowerCase();
                String value = header.substring(colon + 1).trim();
                if (name.equals("content-length")) {
                    length = Long.parseLong(value);
                } else if (name.equals("transfer-encoding") && value.toLowerCase().contains("chunked")) {
                    chunked = true;
                } else if (name.equals("connection") && value.equalsIgnoreCase("close")) {
                    close = true;
                }
            }
            long body = 0;
            if (chunked) {
                long size;
                while ((size = Long.parseLong(line().split(";")[0].trim(), 16)) > 0) {
                    discard(size);
                    body += size;
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                discard(length);
                body = length;
            }
            bytes.addAndGet(body);
            if (close) {
                throw new IOException("server closed the connection");
            }
            return status;
        }

        private void discard(long n) throws IOException {
            while (n > 0) {
                int r = in.read(skip, 0, (int) Math.min(skip.length, n));
                if (r < 0) {
                    throw new EOFException();
                }
                n -= r;
            }
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new EOFException();
                }
                if (c != '\r') {
                    sb.append((char) c);
                }
            }
            return sb.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing
            }
        }
    }
}
