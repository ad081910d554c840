package dev.sockit.addr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class CTextTest {

    @Test
    void strtoul_decimal_valueAndEnd() {
        assertThat(CText.strtoul("80", 0)).isEqualTo(new CText.Strtoul(80, 2));
        assertThat(CText.strtoul("080x", 0)).isEqualTo(new CText.Strtoul(80, 3));
        assertThat(CText.strtoul("a 12/tcp", 1)).isEqualTo(new CText.Strtoul(12, 4));
    }

    @Test
    void strtoul_leadingSpaceAndSign_accepted() {
        assertThat(CText.strtoul(" \t\n\u000b\f\r+80", 0)).isEqualTo(new CText.Strtoul(80, 9));
        assertThat(CText.strtoul("-1", 0)).isEqualTo(new CText.Strtoul(-1L, 2));
        assertThat(CText.strtoul("-80", 0)).isEqualTo(new CText.Strtoul(-80L, 3));
    }

    @Test
    void strtoul_noDigits_consumesNothing() {
        assertThat(CText.strtoul("", 0)).isEqualTo(new CText.Strtoul(0, 0));
        assertThat(CText.strtoul("  +", 0)).isEqualTo(new CText.Strtoul(0, 0));
        assertThat(CText.strtoul("x-", 1)).isEqualTo(new CText.Strtoul(0, 1));
        assertThat(CText.strtoul("+-1", 0)).isEqualTo(new CText.Strtoul(0, 0));
        assertThat(CText.strtoul("\u0661", 0)).isEqualTo(new CText.Strtoul(0, 0));
    }

    @Test
    void strtoul_pastUlongMax_isUlongMaxWhateverTheSign() {
        assertThat(CText.strtoul("18446744073709551615", 0)).isEqualTo(new CText.Strtoul(-1L, 20));
        assertThat(CText.strtoul("18446744073709551616", 0)).isEqualTo(new CText.Strtoul(-1L, 20));
        assertThat(CText.strtoul("-99999999999999999999", 0)).isEqualTo(new CText.Strtoul(-1L, 21));
        assertThat(CText.strtoul("18446744073709551614", 0)).isEqualTo(new CText.Strtoul(-2L, 20));
    }

    @Test
    void isSpace_cLocale_onlyTheSixAsciiSpaces() {
        assertThat(" \t\n\u000b\f\r".chars().allMatch(c -> CText.isSpace((char) c))).isTrue();
        assertThat(CText.isSpace('\u00a0')).isFalse();
        assertThat(CText.isSpace('\u0085')).isFalse();
        assertThat(CText.isSpace('\0')).isFalse();
    }

    @Test
    void quote_specialCharacters_escapedOnOneLine() {
        assertThat(CText.quote(null)).isEqualTo("null");
        assertThat(CText.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(CText.quote("\n\r\t\0\u0085\u2028é")).isEqualTo("\"\\n\\r\\t\\u0000\\u0085\\u2028é\"");
    }
}
