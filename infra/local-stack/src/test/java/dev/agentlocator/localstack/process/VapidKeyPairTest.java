package dev.agentlocator.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VapidKeyPairTest {

    @TempDir
    Path stateDir;

    @Test
    void aGeneratedPairIsAMatchingP256PairInTheFormatsNotificationServiceReads() throws Exception {
        VapidKeyPair pair = VapidKeyPair.resolve(Map.of(), stateDir);

        byte[] point = Base64.getUrlDecoder().decode(pair.publicKey());
        byte[] scalar = Base64.getUrlDecoder().decode(pair.privateKey());
        assertThat(point).hasSize(65);
        assertThat(point[0]).isEqualTo((byte) 0x04);
        assertThat(scalar).hasSize(32);

        var parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        var curve = parameters.getParameterSpec(ECParameterSpec.class);
        var keys = KeyFactory.getInstance("EC");
        var publicKey = keys.generatePublic(new ECPublicKeySpec(
                new ECPoint(
                        new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
                        new BigInteger(1, Arrays.copyOfRange(point, 33, 65))),
                curve));
        var privateKey = keys.generatePrivate(new ECPrivateKeySpec(new BigInteger(1, scalar), curve));
        var signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(privateKey);
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        var verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(publicKey);
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(signature))
                .as("the public key belongs to the private key")
                .isTrue();
    }

    @Test
    void thePairSurvivesRestartsSoBrowserSubscriptionsKeepWorking() {
        VapidKeyPair first = VapidKeyPair.resolve(Map.of(), stateDir);
        VapidKeyPair second = VapidKeyPair.resolve(Map.of(), stateDir);

        assertThat(second).isEqualTo(first);
        assertThat(Files.exists(stateDir.resolve(VapidKeyPair.FILE_NAME))).isTrue();
    }

    @Test
    void theUsersOwnKeysWin() {
        var pair = VapidKeyPair.resolve(Map.of("VAPID_PUBLIC_KEY", "pub", "VAPID_PRIVATE_KEY", "priv"), stateDir);

        assertThat(pair).isEqualTo(new VapidKeyPair("pub", "priv"));
        assertThat(Files.exists(stateDir.resolve(VapidKeyPair.FILE_NAME))).isFalse();
    }
}
