package katajudge.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Grades signed with Ed25519: the teacher keeps the private key (only
 * {@code judge classroom} signs), the public key is published so anyone can
 * check a board. A learner's own practice results are never signed, so no
 * learner ever holds anything that could forge a grade.
 *
 * <p>The signature covers a canonical form of the JSON (keys sorted, no
 * white space, the {@code signature} field left out) and is written as
 * {@code ed25519:<key id>:<base64>}, the key id being the first 16 hex
 * digits of the public key's SHA-256, so a board can say "signed with another
 * key" rather than just "altered".
 */
public final class Signer {

    public static final String FIELD = "signature";
    /** The private key's PEM text, for CI systems that hand secrets over as variables. */
    public static final String KEY_ENV = "KATAS_SIGNING_KEY";
    private static final String PREFIX = "ed25519:";

    private final PrivateKey key;
    private final Verifier verifier;

    private Signer(PrivateKey key, PublicKey publicKey) {
        this.key = key;
        this.verifier = new Verifier(publicKey);
    }

    /** A fresh key pair for a teacher: the private key (kept secret) and the public key (published). */
    public static Signer generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new Signer(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    /** Reads a private key written by {@link #writeKeys} (PKCS#8 PEM). */
    public static Signer fromPem(String pem) throws InvalidKeyFileException {
        try {
            KeyFactory kf = KeyFactory.getInstance("Ed25519");
            PrivateKey priv = kf.generatePrivate(new PKCS8EncodedKeySpec(unpem(pem, "PRIVATE KEY")));
            // The public key is stored next to the private one in the same file, so no derivation is needed.
            return new Signer(priv, Verifier.fromPem(pem).key);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidKeyFileException("not an Ed25519 private key written by 'judge keygen'");
        }
    }

    public static Signer read(Path file) throws InvalidKeyFileException, IOException {
        return fromPem(Files.readString(file));
    }

    /**
     * Writes {@code name.key} (the private key, with the public one so it can sign alone; owner-only
     * permissions where the file system has them) and {@code name.pub} (the public key) into {@code dir}.
     */
    public void writeKeys(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path priv = dir.resolve(name + ".key");
        Path pub = dir.resolve(name + ".pub");
        if (Files.exists(priv)) {
            throw new IOException(priv + " exists already: a new key would make every grade signed so far unverifiable");
        }
        String text = pem("PRIVATE KEY", key.getEncoded()) + verifier.publicPem();
        Files.writeString(priv, "");
        try {
            Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the folder's own protection has to do.
        }
        Files.writeString(priv, text);
        Files.writeString(pub, verifier.publicPem());
    }

    public Verifier verifier() {
        return verifier;
    }

    /** Adds the signature field to {@code node}. */
    public void sign(ObjectNode node) {
        node.remove(FIELD);
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(canonical(node).getBytes(StandardCharsets.UTF_8));
            node.put(FIELD, PREFIX + verifier.keyId() + ":" + Base64.getEncoder().encodeToString(s.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks signatures with a published public key. */
    public static final class Verifier {

        private final PublicKey key;

        private Verifier(PublicKey key) {
            this.key = key;
        }

        public static Verifier fromPem(String pem) throws InvalidKeyFileException {
            try {
                return new Verifier(KeyFactory.getInstance("Ed25519")
                        .generatePublic(new X509EncodedKeySpec(unpem(pem, "PUBLIC KEY"))));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new InvalidKeyFileException("not an Ed25519 public key written by 'judge keygen'");
            }
        }

        public static Verifier read(Path file) throws InvalidKeyFileException, IOException {
            return fromPem(Files.readString(file));
        }

        /** First 16 hex digits of the SHA-256 of the encoded public key. */
        public String keyId() {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()))
                        .substring(0, 16);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        String publicPem() {
            return Signer.pem("PUBLIC KEY", key.getEncoded());
        }

        /** Why {@code node} cannot be trusted, or null when its signature is valid. */
        public Rejection check(JsonNode node) {
            JsonNode sig = node.get(FIELD);
            if (sig == null) {
                return Rejection.UNSIGNED;
            }
            String[] parts = sig.asText().split(":", 3);
            if (parts.length != 3 || !(parts[0] + ":").equals(PREFIX)) {
                return Rejection.OLD_FORMAT;
            }
            if (!parts[1].equals(keyId())) {
                return Rejection.OTHER_KEY;
            }
            if (!node.isObject()) {
                return Rejection.ALTERED;
            }
            ObjectNode copy = ((ObjectNode) node).deepCopy();
            copy.remove(FIELD);
            try {
                Signature s = Signature.getInstance("Ed25519");
                s.initVerify(key);
                s.update(canonical(copy).getBytes(StandardCharsets.UTF_8));
                return s.verify(Base64.getDecoder().decode(parts[2])) ? null : Rejection.ALTERED;
            } catch (IllegalArgumentException | java.security.SignatureException e) {
                return Rejection.ALTERED;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        public boolean verify(JsonNode node) {
            return check(node) == null;
        }
    }

    /** Why a result was not trusted; {@link #reason} is what a board says. */
    public enum Rejection {
        UNSIGNED("unsigned (practice results are never signed; only 'judge classroom' signs grades)"),
        OLD_FORMAT("signed with the old shared-secret scheme, which proves nothing"),
        OTHER_KEY("signed with another key than the published one"),
        ALTERED("altered: the signature does not match");

        public final String reason;

        Rejection(String reason) {
            this.reason = reason;
        }
    }

    /** A key file that is not what {@code judge keygen} wrote. */
    public static final class InvalidKeyFileException extends Exception {
        public InvalidKeyFileException(String message) {
            super(message);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String text, String type) {
        String begin = "-----BEGIN " + type + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf("-----END " + type + "-----");
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no " + type);
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }

    /** Sorted keys, compact: the same JSON always gives the same text. */
    static String canonical(JsonNode node) {
        return sorted(node).toString();
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                fields.put(e.getKey(), sorted(e.getValue()));
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            fields.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> out.add(sorted(n)));
            return out;
        }
        return node;
    }
}
