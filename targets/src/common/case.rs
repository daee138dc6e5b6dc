//! Joining words into one name, as several mappings do: WeChat's attribute-to-property rule
//! (`-` joins words: `show-footer` → `showFooter`, `data-todo-id` → dataset `todoId`), and
//! Alipay's event props (`bind:my-event` → `onMyEvent`).

/// Joins the words of `name` split at `separators`, each after the first upper-cased (and the
/// first too when `upper_first`).
pub fn join_words(name: &str, separators: &[char], upper_first: bool) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = upper_first;
    for c in name.chars() {
        if separators.contains(&c) {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// `show-footer` → `showFooter`.
pub fn dash_to_camel(name: &str) -> String {
    join_words(name, &['-'], false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dashes_join_words_and_nothing_else_changes() {
        assert_eq!(dash_to_camel("show-footer"), "showFooter");
        assert_eq!(dash_to_camel("title"), "title");
        assert_eq!(dash_to_camel("user_name"), "user_name");
    }
}
