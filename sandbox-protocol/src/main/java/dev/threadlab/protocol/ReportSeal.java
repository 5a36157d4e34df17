package dev.threadlab.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the test runner's reports so that the server can tell them from anything the tested code wrote: each line is
 * {@code hmac seq json}, where {@code hmac} is HMAC-SHA256 under a key the server makes for each test run, and
 * {@code seq} counts 1, 2, 3… so that a report cannot be dropped, repeated or reordered unnoticed. The key reaches the
 * runner on its stdin before any tested class loads (see the launcher's TestRun).
 */
public final class ReportSeal {
    private static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private long nextSeq = 1;

    public ReportSeal(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    public static ReportSeal ofHex(String hexKey) {
        return new ReportSeal(HEX.parseHex(hexKey));
    }

    /** A fresh random key, as hex. */
    public static String newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return HEX.formatHex(key);
    }

    /** The next line to send. */
    public synchronized String seal(RunnerReport report) {
        String body = (nextSeq++) + " " + report.toJson();
        return HEX.formatHex(mac(body)) + " " + body;
    }

    /** The report in the next line received, if it is sealed with this key and is the next in sequence. */
    public synchronized RunnerReport open(String line) throws ProtocolViolation {
        int space = line.indexOf(' ');
        if (space != 64) {
            throw new ProtocolViolation("an unsealed test report");
        }
        String body = line.substring(space + 1);
        byte[] claimed;
        try {
            claimed = HEX.parseHex(line, 0, space);
        } catch (IllegalArgumentException e) {
            throw new ProtocolViolation("an unsealed test report");
        }
        if (!MessageDigest.isEqual(claimed, mac(body))) {
            throw new ProtocolViolation("a test report with a wrong seal");
        }
        int seqEnd = body.indexOf(' ');
        if (seqEnd < 0 || !body.substring(0, seqEnd).equals(Long.toString(nextSeq))) {
            throw new ProtocolViolation("a test report out of order (expected number " + nextSeq + ")");
        }
        nextSeq++;
        return RunnerReport.fromJson(body.substring(seqEnd + 1));
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
