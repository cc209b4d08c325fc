package katajudge.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs result files and history lines with HMAC-SHA256 over a canonical
 * form (keys sorted, no white space, the {@code signature} field left out),
 * with the secret in {@code KATAS_SECRET}. The leaderboard's {@code --verify}
 * leaves unsigned and altered results out, so editing one's JSON does not
 * climb the board.
 */
public final class Signer {

    public static final String ENV = "KATAS_SECRET";
    public static final String FIELD = "signature";

    private final byte[] key;

    private Signer(byte[] key) {
        this.key = key;
    }

    /** The signer for the secret in the environment, or null when none is set. */
    public static Signer fromEnvironment() {
        String secret = System.getenv(ENV);
        return secret == null || secret.isEmpty() ? null : new Signer(secret.getBytes(StandardCharsets.UTF_8));
    }

    public static Signer of(String secret) {
        return new Signer(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds the signature field to {@code node}. */
    public void sign(ObjectNode node) {
        node.remove(FIELD);
        node.put(FIELD, mac(canonical(node)));
    }

    /** Whether {@code node} carries a valid signature. */
    public boolean verify(JsonNode node) {
        JsonNode sig = node.get(FIELD);
        if (sig == null || !sig.isTextual()) {
            return false;
        }
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        copy.remove(FIELD);
        return MessageDigest.isEqual(mac(canonical(copy)).getBytes(StandardCharsets.UTF_8),
                sig.asText().getBytes(StandardCharsets.UTF_8));
    }

    private String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
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
