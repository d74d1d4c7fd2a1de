package nl.meerwaarde.host.reference.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordsTest {
    private final Passwords passwords = new Passwords(TestHosts.FAST_COST);

    @Test
    void hashesAreBcryptStringsWithTheConfiguredCostAndAFreshSalt() {
        String first = passwords.hash("demo-sanne-2026".toCharArray());
        String second = passwords.hash("demo-sanne-2026".toCharArray());

        assertThat(first).hasSize(60).startsWith("$2y$04$");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = passwords.hash("correct horse battery staple".toCharArray());

        assertThat(passwords.verify(hash, "correct horse battery staple".toCharArray()))
                .isTrue();
        assertThat(passwords.verify(hash, "correct horse battery stapler".toCharArray()))
                .isFalse();
        assertThat(passwords.verify(hash, "".toCharArray())).isFalse();
    }

    @Test
    void aHashOfAnotherCostStillVerifies() {
        String strongerHash = new Passwords(6).hash("geheim".toCharArray());

        assertThat(passwords.verify(strongerHash, "geheim".toCharArray())).isTrue();
    }

    @Test
    void aMalformedStoredHashNeverMatches() {
        assertThat(passwords.verify("not-a-bcrypt-string", "x".toCharArray())).isFalse();
        assertThat(passwords.verify("$2y$04$tooshort", "x".toCharArray())).isFalse();
    }

    @Test
    void theCheckForUnknownNamesAlwaysFails() {
        assertThat(passwords.verifyNobody("demo-sanne-2026".toCharArray())).isFalse();
        assertThat(passwords.verifyNobody("".toCharArray())).isFalse();
    }

    @Test
    void tellsWhenAHashIsWeakerThanConfigured() {
        Passwords stronger = new Passwords(6);

        assertThat(stronger.needsRehash(passwords.hash("x".toCharArray()))).isTrue();
        assertThat(stronger.needsRehash(stronger.hash("x".toCharArray()))).isFalse();
        assertThat(passwords.needsRehash(stronger.hash("x".toCharArray()))).isFalse();
        assertThat(passwords.needsRehash("garbage")).isTrue();
    }

    @Test
    void refusesACostOutsideBcryptsRange() {
        assertThatThrownBy(() -> new Passwords(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Passwords(32)).isInstanceOf(IllegalArgumentException.class);
    }
}
