//! Surface-water quality classes (GB 3838-2002): I is best, 劣V is worse than V.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum WaterClass {
    I,
    II,
    III,
    IV,
    V,
    WorseThanV,
}

impl WaterClass {
    pub const ALL: [WaterClass; 6] = [
        WaterClass::I,
        WaterClass::II,
        WaterClass::III,
        WaterClass::IV,
        WaterClass::V,
        WaterClass::WorseThanV,
    ];

    /// Reads a class as the file writes it: ASCII (`II`), the Unicode numerals
    /// the source report uses (`Ⅱ`), and `劣V` / `劣Ⅴ` for worse than V.
    pub fn parse(text: &str) -> Option<WaterClass> {
        let text = text.trim();
        let (worse, numeral) = match text.strip_prefix('劣') {
            Some(rest) => (true, rest.trim()),
            None => (false, text),
        };
        let ascii: String = numeral
            .chars()
            .map(|c| match c {
                'Ⅰ' => "I",
                'Ⅱ' => "II",
                'Ⅲ' => "III",
                'Ⅳ' => "IV",
                'Ⅴ' => "V",
                _ => "?",
            })
            .collect::<Vec<_>>()
            .concat();
        let ascii = if ascii.contains('?') {
            numeral.to_ascii_uppercase()
        } else {
            ascii
        };
        let class = match ascii.as_str() {
            "I" => WaterClass::I,
            "II" => WaterClass::II,
            "III" => WaterClass::III,
            "IV" => WaterClass::IV,
            "V" => WaterClass::V,
            _ => return None,
        };
        match (worse, class) {
            (false, class) => Some(class),
            (true, WaterClass::V) => Some(WaterClass::WorseThanV),
            (true, _) => None,
        }
    }

    /// `self` meets `target` when it is the same class or a better one.
    pub fn meets(self, target: WaterClass) -> bool {
        self <= target
    }

    pub fn as_str(self) -> &'static str {
        match self {
            WaterClass::I => "I",
            WaterClass::II => "II",
            WaterClass::III => "III",
            WaterClass::IV => "IV",
            WaterClass::V => "V",
            WaterClass::WorseThanV => "劣V",
        }
    }
}

impl fmt::Display for WaterClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_ascii_and_unicode_numerals() {
        assert_eq!(WaterClass::parse("II"), Some(WaterClass::II));
        assert_eq!(WaterClass::parse("Ⅱ"), Some(WaterClass::II));
        assert_eq!(WaterClass::parse("Ⅲ"), Some(WaterClass::III));
        assert_eq!(WaterClass::parse("iv"), Some(WaterClass::IV));
        assert_eq!(WaterClass::parse("劣V"), Some(WaterClass::WorseThanV));
        assert_eq!(WaterClass::parse("劣Ⅴ"), Some(WaterClass::WorseThanV));
    }

    #[test]
    fn rejects_what_is_not_a_class() {
        for bad in ["", "VI", "劣III", "2", "IIII", "Ⅱx"] {
            assert_eq!(WaterClass::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn same_or_better_class_meets_target() {
        assert!(WaterClass::II.meets(WaterClass::II));
        assert!(WaterClass::I.meets(WaterClass::III));
        assert!(!WaterClass::IV.meets(WaterClass::III));
        assert!(!WaterClass::WorseThanV.meets(WaterClass::V));
    }
}
