//! WeChat's attribute-name to property-name rule, which several mappings share: `-` joins
//! words (`show-footer` → `showFooter`, `data-todo-id` → dataset `todoId`); nothing else
//! changes.

/// `show-footer` → `showFooter`.
pub fn dash_to_camel(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '-' {
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
