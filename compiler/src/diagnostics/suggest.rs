//! "Did you mean" suggestions for misspelt names (config keys, tags, condition names).

/// The candidate closest to `word`, if it is close enough to be a plausible typo.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    let lower = word.to_ascii_lowercase();
    candidates
        .into_iter()
        .filter(|c| *c != word)
        .map(|c| {
            // Case differences are the most common typo in config keys: count them as one edit.
            let distance = if c.to_ascii_lowercase() == lower { 1 } else { strsim::damerau_levenshtein(word, c) };
            (distance, c)
        })
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c)
}

/// `" (did you mean `x`?)"`, or nothing.
pub fn suggestion<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    did_you_mean(word, candidates).map(|c| format!("did you mean `{c}`?")).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let keys = ["navigationBarTitleText", "navigationStyle", "pages"];
        assert_eq!(did_you_mean("navigationBarTitletext", keys), Some("navigationBarTitleText"));
        assert_eq!(did_you_mean("pgaes", keys), Some("pages"));
        assert_eq!(did_you_mean("window", keys), None);
    }
}
