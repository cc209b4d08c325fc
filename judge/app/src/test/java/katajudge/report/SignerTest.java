package katajudge.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ed25519 grades: the key files round-trip, the public key verifies, any edit or other key is caught. */
class SignerTest {

    @TempDir
    Path dir;

    @Test
    void keysWrittenByKeygenSignAndTheirPublicHalfVerifies() throws Exception {
        Signer.generate().writeKeys(dir, "grader");
        assertEquals(java.util.Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(dir.resolve("grader.key")));
        assertTrue(!Files.readString(dir.resolve("grader.pub")).contains("PRIVATE"), "the public file holds no secret");
        Signer signer = Signer.read(dir.resolve("grader.key"));
        Signer.Verifier verifier = Signer.Verifier.read(dir.resolve("grader.pub"));
        ObjectNode grade = new ObjectMapper().createObjectNode().put("who", "ann").put("day", 1).put("verdict", "SLOW");
        grade.putObject("score").put("total", 80.0);
        signer.sign(grade);
        assertNull(verifier.check(grade));
        ObjectNode reordered = new ObjectMapper().createObjectNode();
        reordered.set("score", grade.get("score"));
        reordered.set("verdict", grade.get("verdict"));
        reordered.set("day", grade.get("day"));
        reordered.set("who", grade.get("who"));
        reordered.set(Signer.FIELD, grade.get(Signer.FIELD));
        assertNull(verifier.check(reordered), "field order does not matter, content does");

        ObjectNode tampered = grade.deepCopy().put("verdict", "ACCEPTED");
        assertEquals(Signer.Rejection.ALTERED, verifier.check(tampered));
        assertEquals(Signer.Rejection.OTHER_KEY, Signer.generate().verifier().check(grade));
        assertEquals(Signer.Rejection.UNSIGNED, verifier.check(grade.deepCopy().without(Signer.FIELD)));
        assertEquals(Signer.Rejection.OLD_FORMAT, verifier.check(grade.deepCopy().put(Signer.FIELD, "ab12")));
    }

    @Test
    void neverOverwritesAKeyAndRejectsForeignKeyFiles() throws Exception {
        Signer.generate().writeKeys(dir, "grader");
        String before = Files.readString(dir.resolve("grader.key"));
        assertThrows(java.io.IOException.class, () -> Signer.generate().writeKeys(dir, "grader"));
        assertEquals(before, Files.readString(dir.resolve("grader.key")));
        assertThrows(Signer.InvalidKeyFileException.class, () -> Signer.fromPem("hello"));
        assertThrows(Signer.InvalidKeyFileException.class,
                () -> Signer.Verifier.fromPem(Files.readString(dir.resolve("grader.key")).replace("PUBLIC", "X")));
    }
}
