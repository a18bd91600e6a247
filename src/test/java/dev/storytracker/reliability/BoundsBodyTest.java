package dev.storytracker.reliability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.storytracker.TestData;

/**
 * Oversized bodies are refused before they are read: a declared 100 MB body with a few bytes sent, and a chunked body
 * streamed until the server answers, sent over a raw socket that counts what the server took. Uploads (zips) are
 * bounded in size, entries and unpacked bytes, and refuse names that climb out of the folder.
 */
@QuarkusTest
class BoundsBodyTest {

    private static final long HUNDRED_MB = 100L * 1024 * 1024;
    /**
     * What the client may have written when the refusal arrives: the 1 MiB the server reads, plus what the kernel
     * holds in the two sockets' buffers on the way (the server's receive window grows to a few MiB on loopback), and
     * far below the 100 MB the client would send and the 16 MiB Quarkus itself would read.
     */
    private static final long SMALL = 8L * 1024 * 1024;
    private static final String ADMIN = "Basic "
            + Base64.getEncoder().encodeToString("admin:admin-test-password".getBytes(StandardCharsets.UTF_8));

    @TestHTTPResource("/")
    URL root;

    @Inject
    TestData data;

    @BeforeEach
    void setUp() {
        data.reset();
        data.character("alan");
    }

    /** What came back on a raw connection, and how many body bytes were sent before it did. */
    record Answer(int status, String head, String body, long sent) {
    }

    private Answer declaredHundredMegabytes(String path, String extraHeaders) throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + extraHeaders + "Content-Length: " + HUNDRED_MB + "\r\n\r\n{\"title\":").getBytes(
                            StandardCharsets.US_ASCII));
            out.flush();
            return read(socket, 9);
        }
    }

    /**
     * Streams a chunked body of up to 100 MB in 16 KiB chunks, looking for an answer after every chunk, and stops at
     * the first byte of one (or when the server closes the connection).
     */
    private Answer streamed(String path, String contentType, String prefix, String extraHeaders) throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType + "\r\n"
                    + extraHeaders + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(prefix.length())
                    + "\r\n" + prefix + "\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[16 * 1024];
            Arrays.fill(chunk, (byte) 'a');
            byte[] head = ("4000\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] tail = "\r\n".getBytes(StandardCharsets.US_ASCII);
            long sent = 0;
            long deadline = System.nanoTime() + 60_000_000_000L;
            try {
                while (sent < HUNDRED_MB && in.available() == 0 && System.nanoTime() < deadline) {
                    out.write(head);
                    out.write(chunk);
                    out.write(tail);
                    out.flush();
                    sent += chunk.length;
                }
            } catch (IOException closed) {
                // The server closed the connection after answering: the answer is in the input.
            }
            Answer answer = read(socket, 0);
            return new Answer(answer.status(), answer.head(), answer.body(), sent);
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.setSendBufferSize(64 * 1024);
        socket.connect(new InetSocketAddress(root.getHost(), root.getPort()), 5_000);
        socket.setSoTimeout(20_000);
        return socket;
    }

    private static Answer read(Socket socket, long sent) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                bytes.write(buffer, 0, n);
                if (complete(bytes.toString(StandardCharsets.ISO_8859_1))) {
                    break;
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // What arrived so far is the answer.
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        assertTrue(split > 0, "no answer from the server: '" + text + "'");
        String head = text.substring(0, split);
        int status = Integer.parseInt(head.substring(9, 12));
        return new Answer(status, head, text.substring(split + 4), sent);
    }

    /** A head and as much body as its Content-Length announces. */
    private static boolean complete(String text) {
        int split = text.indexOf("\r\n\r\n");
        if (split < 0) {
            return false;
        }
        String head = text.substring(0, split).toLowerCase();
        int at = head.indexOf("content-length:");
        if (at < 0) {
            return false;
        }
        int end = head.indexOf("\r\n", at);
        long length = Long.parseLong(head.substring(at + 15, end < 0 ? head.length() : end).strip());
        return text.length() - split - 4 >= length;
    }

    private static void problem413(Answer answer, String limit) {
        assertEquals(413, answer.status(), answer.head() + "\n" + answer.body());
        assertTrue(answer.head().toLowerCase().contains("content-type: application/problem+json"), answer.head());
        assertTrue(answer.body().contains(limit), answer.body());
    }

    @Test
    void a_declared_100_mb_body_is_refused_before_it_is_read() throws IOException {
        long started = System.nanoTime();
        problem413(declaredHundredMegabytes("/api/stories", ""), "1024 KiB");
        problem413(declaredHundredMegabytes("/api/admin/imports", "Authorization: " + ADMIN + "\r\n"), "16384 KiB");
        problem413(declaredHundredMegabytes("/stories/new", ""), "1024 KiB");
        assertTrue(System.nanoTime() - started < 30_000_000_000L, "the refusals took more than 30 s");
    }

    @Test
    void a_chunked_body_is_cut_off_once_it_passes_the_limit() throws IOException {
        String[][] cases = {{"/api/stories", "application/json", "{\"body\":\""},
                {"/api/roadmap", "application/json", "{\"impact\":\""}};
        for (String[] at : cases) {
            String path = at[0];
            Answer answer = streamed(path, at[1], at[2], "Authorization: " + ADMIN + "\r\n");
            assertEquals(413, answer.status(), path + ": " + answer.head() + "\n" + answer.body());
            assertTrue(answer.sent() < SMALL, path + ": the server took " + answer.sent() + " bytes before refusing");
            assertTrue(answer.sent() >= 1024 * 1024, path + ": refused after only " + answer.sent() + " bytes");
            assertTrue(answer.head().toLowerCase().contains("application/problem+json"), answer.head());
        }
    }

    @Test
    void a_chunked_form_is_refused_at_once() throws IOException {
        Answer answer = streamed("/preview", "application/x-www-form-urlencoded", "markdown=", "");
        assertEquals(411, answer.status(), answer.head() + "\n" + answer.body());
        assertTrue(answer.sent() < SMALL, "the server took " + answer.sent() + " bytes before refusing");
        assertTrue(answer.head().toLowerCase().contains("application/problem+json"), answer.head());
    }

    @Test
    void a_chunked_body_under_the_limit_is_read_whole() throws IOException {
        String story = "{\"kind\":\"status-quo\",\"title\":\"Chunked\",\"character\":\"alan\",\"body\":\""
                + "b".repeat(200_000) + "\"}";
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/stories HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] bytes = story.getBytes(StandardCharsets.UTF_8);
            for (int at = 0; at < bytes.length; at += 10_000) {
                int n = Math.min(10_000, bytes.length - at);
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes, at, n);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Answer answer = read(socket, bytes.length);
            assertEquals(201, answer.status(), answer.head() + "\n" + answer.body());
        }
    }

    @Test
    void bodies_just_under_the_limit_are_read_and_just_over_are_refused() {
        String under = "{\"x\":\"" + "a".repeat(1024 * 1024 - 10) + "\"}";
        Response read = given().contentType("application/json").body(under).post("/api/stories");
        assertEquals(400, read.statusCode(), "read and validated, not refused for its size: " + read.asString());
        String over = "{\"x\":\"" + "a".repeat(1024 * 1024) + "\"}";
        Response refused = given().contentType("application/json").body(over).post("/api/stories");
        assertEquals(413, refused.statusCode());
        assertEquals("application/problem+json", refused.contentType().split(";")[0]);
    }

    private static byte[] zip(int entries, int bytesEach, String name) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            byte[] content = new byte[bytesEach];
            Arrays.fill(content, (byte) 'a');
            for (int i = 0; i < entries; i++) {
                zip.putNextEntry(new ZipEntry(name.replace("N", String.valueOf(i))));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static Response upload(byte[] zip) {
        return given().auth().preemptive().basic("admin", "admin-test-password").contentType("application/zip")
                .body(zip).post("/api/admin/imports?dryRun=true");
    }

    @Test
    void uploads_are_bounded_in_entries_unpacked_size_and_names() throws IOException {
        // The test profile allows 1000 entries (tracker.imports.max-upload-entries).
        assertEquals(200, upload(zip(1000, 10, "notes/pN.md")).statusCode());
        Response entries = upload(zip(1001, 10, "notes/pN.md"));
        assertEquals(413, entries.statusCode(), entries.asString());
        assertTrue(entries.asString().contains("1000 entries"), entries.asString());

        assertEquals(200, upload(zip(1, 1024 * 1024, "status-quo/big.md")).statusCode());
        Response bomb = upload(zip(1, 1024 * 1024 + 1, "status-quo/big.md"));
        assertEquals(413, bomb.statusCode(), bomb.asString());
        assertTrue(bomb.asString().contains("1024 KiB"), bomb.asString());
        assertTrue(zip(1, 1024 * 1024 + 1, "x.md").length < 10_000, "a bomb: small packed, large unpacked");

        for (String name : new String[]{"../../x.md", "/etc/x.md", "a/../../x.md", "C:/x.md", "a\\..\\x.md"}) {
            Response climbing = upload(zip(1, 10, name));
            assertEquals(400, climbing.statusCode(), name + ": " + climbing.asString());
            assertEquals("application/problem+json", climbing.contentType().split(";")[0]);
            assertTrue(climbing.asString().contains("outside"), climbing.asString());
        }
    }
}
