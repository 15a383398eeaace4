import com.sun.net.httpserver.HttpServer;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.concurrent.Executors;

/**
 * The bench's stand-in service and realm, in one JDK-only process: GET /api/v1/programs answers a small JSON list
 * (the same bytes every time), the partner 360's six section paths answer small JSON documents, /certs serves a freshly made RSA key as a JWKS, and the process prints its port and
 * a token signed with that key (issuer http://127.0.0.1:PORT/realms/prm, audience consort-api, valid 1 h, realm role
 * channel-manager). A real service started with PRM_KEYCLOAK_URL=http://127.0.0.1:PORT takes the stand-in for its
 * realm (the services fetch the realm's keys from the same path), which run.sh's real-service phase does.
 */
public class BenchUpstream {
    public static void main(String[] args) throws Exception {
        // The JDK server writes an answer's head and body separately; with Nagle's algorithm on, the body then waits
        // for the client's delayed ACK (40 ms on Linux), which made every straight call take ~44 ms and hid the
        // gateway's own cost under it. A real service (Vert.x) sets TCP_NODELAY, so the stand-in does too.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        int port = server.getAddress().getPort();
        String issuer = "http://127.0.0.1:" + port + "/realms/prm";
        byte[] programs = "{\"items\":[{\"id\":\"7f1c7a52-3b8e-4a59-9d0c-2d1f3c1b9e11\",\"name\":\"EMEA resellers\",\"status\":\"ACTIVE\"}],\"nextCursor\":null}"
                .getBytes(StandardCharsets.UTF_8);
        RSAPublicKey pub = (RSAPublicKey) keys.getPublic();
        byte[] jwks = ("{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"bench\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\"" + b64(unsigned(pub.getModulus()))
                + "\",\"e\":\"" + b64(unsigned(pub.getPublicExponent())) + "\"}]}").getBytes(StandardCharsets.UTF_8);
        server.createContext("/api/v1/programs", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, programs.length);
            ex.getResponseBody().write(programs);
            ex.close();
        });
        // The partner 360's six sections (profile, scorecard, open leads and deals, MDF budgets, membership), so the 360
        // can be measured against the same stand-in: small JSON answers of the shapes the services give.
        for (String[] section : new String[][] {
                {"/api/v1/partners/", "{\"id\":\"%s\",\"name\":\"Bench 360 GmbH\",\"state\":\"ACTIVE\",\"region\":\"EMEA\"}"},
                {"/api/v1/scorecards/", "{\"partnerId\":\"%s\",\"tier\":\"GOLD\",\"score\":87}"},
                {"/api/v1/members/", "{\"partnerId\":\"%s\",\"status\":\"ACTIVE\",\"tier\":\"GOLD\"}"},
                {"/api/v1/leads", "{\"items\":[],\"nextCursor\":null}"},
                {"/api/v1/deal-registrations", "{\"items\":[],\"nextCursor\":null}"},
                {"/api/v1/mdf/budgets", "{\"items\":[],\"nextCursor\":null}"}}) {
            server.createContext(section[0], ex -> {
                String path = ex.getRequestURI().getPath();
                byte[] body = String.format(section[1], path.substring(path.lastIndexOf('/') + 1)).getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
                ex.close();
            });
        }
        server.createContext("/realms/prm/protocol/openid-connect/certs", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, jwks.length);
            ex.getResponseBody().write(jwks);
            ex.close();
        });
        server.createContext("/q/health/ready", ex -> {
            ex.sendResponseHeaders(200, 2);
            ex.getResponseBody().write("{}".getBytes(StandardCharsets.UTF_8));
            ex.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        long now = System.currentTimeMillis() / 1000;
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64(("{\"iss\":\"" + issuer + "\",\"sub\":\"bench-user\",\"aud\":\"consort-api\",\"azp\":\"consort-portal\","
                + "\"preferred_username\":\"bench\",\"realm_access\":{\"roles\":[\"channel-manager\"]},\"iat\":"
                + now + ",\"exp\":" + (now + 3600) + "}").getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        System.out.println(port + " " + header + "." + claims + "." + b64(rsa.sign()));
        System.out.flush();
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
