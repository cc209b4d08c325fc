package katajudge.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One message on the result channel (the child's real standard output), as
 * a line of its own: {@code KJ1 <seq> <mac> <json>}. The child writes a
 * newline before every frame, so bytes a learner wrote to the same descriptor
 * without a newline end up on a line of their own and cannot glue onto a
 * frame. {@code mac} is HMAC-SHA256 over {@code "<seq> <json>"} with a key the
 * parent gives the child on its standard input: without the key a frame
 * cannot be forged, and the sequence number shows a frame dropped, replayed
 * or reordered.
 */
public final class ChannelFrame {

    /** Marks a line as meant to be a frame (a line with it that does not check out is tampering). */
    public static final String MARK = "KJ1 ";

    private static final String ALGORITHM = "HmacSHA256";

    private ChannelFrame() {}

    /** The frame's text, without the newlines around it. */
    public static String encode(byte[] key, long seq, String json) {
        return MARK + seq + " " + mac(key, seq, json) + " " + json;
    }

    /** What a line that starts with {@link #MARK} carries, when its MAC checks out. */
    public record Checked(long seq, String json) {}

    /**
     * Checks one line that starts with {@link #MARK}.
     *
     * @return the frame, or null when it is damaged or its MAC is wrong
     */
    public static Checked check(byte[] key, String line) {
        String[] parts = line.substring(MARK.length()).split(" ", 3);
        if (parts.length != 3) {
            return null;
        }
        long seq;
        try {
            seq = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            return null;
        }
        byte[] expected = mac(key, seq, parts[2]).getBytes(StandardCharsets.US_ASCII);
        boolean ok = MessageDigest.isEqual(expected, parts[1].getBytes(StandardCharsets.US_ASCII));
        return ok ? new Checked(seq, parts[2]) : null;
    }

    private static String mac(byte[] key, long seq, String json) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            byte[] sum = mac.doFinal((seq + " " + json).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sum);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
