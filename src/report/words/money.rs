//! Amounts and grouped figures as a reader sees them: thousands separated, money in each
//! language's style (万元 in Chinese).

/// Groups of three digits separated by commas (the charts' grouping, with the comma that
/// Chinese and English documents both use for money).
pub fn thousands(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "∞".to_string();
    }
    crate::chart::style::number(value, decimals).replace(' ', ",")
}

#[cfg(test)]
mod tests {
    use super::super::words;
    use super::*;
    use crate::model::Language;

    #[test]
    fn money_has_separators_in_each_language() {
        assert_eq!(words(Language::En).money(1_800_000.0), "1,800,000");
        assert_eq!(words(Language::En).money(110_000.0), "110,000");
        assert_eq!(words(Language::En).money(999.6), "1,000");
        assert_eq!(words(Language::Zh).money(1_800_000.0), "180.0万元");
        assert_eq!(words(Language::Zh).money(123_456_789.0), "12,345.7万元");
        assert_eq!(thousands(-1234.5, 1), "-1,234.5");
        assert_eq!(thousands(-0.01, 0), "0");
    }
}
