//! `rpx` on Weibo, whose pages are web pages: 750rpx is the screen width, so `rpx` becomes
//! `vw` (1rpx = 100/750 vw), wherever a value holds it: plain declarations, `calc()`,
//! transforms, keyframes and custom properties (RUST-STACK.md §5: the visitor must recurse
//! into nested tokens, or those inside functions are missed).

use lightningcss::properties::custom::{Token, TokenOrValue};
use lightningcss::rules::CssRule;
use lightningcss::rules::supports::SupportsCondition;
use lightningcss::values::length::LengthValue;
use lightningcss::visit_types;
use lightningcss::visitor::{Visit, VisitTypes, Visitor};
use miniweave_compiler::style::Css;

struct RpxToVw;

impl<'i> Visitor<'i> for RpxToVw {
    type Error = std::convert::Infallible;

    fn visit_types(&self) -> VisitTypes {
        visit_types!(TOKENS | RULES)
    }

    // `@supports (width: 10rpx)` holds its declaration as text.
    fn visit_rule(&mut self, rule: &mut CssRule<'i>) -> Result<(), Self::Error> {
        if let CssRule::Supports(supports) = rule {
            convert_condition(&mut supports.condition);
        }
        rule.visit_children(self)
    }

    fn visit_token(&mut self, token: &mut TokenOrValue<'i>) -> Result<(), Self::Error> {
        if let TokenOrValue::Token(Token::Dimension { value, unit, .. }) = token {
            if unit.eq_ignore_ascii_case("rpx") {
                *token = TokenOrValue::Length(LengthValue::Vw(*value / 7.5));
                return Ok(());
            }
        }
        token.visit_children(self)
    }
}

fn convert_condition(condition: &mut SupportsCondition<'_>) {
    match condition {
        SupportsCondition::Not(inner) => convert_condition(inner),
        SupportsCondition::And(all) | SupportsCondition::Or(all) => all.iter_mut().for_each(convert_condition),
        SupportsCondition::Declaration { value, .. } if value.to_ascii_lowercase().contains("rpx") => {
            *value = rpx_to_vw_text(value).into();
        }
        _ => {}
    }
}

/// Converts every `rpx` of a stylesheet to `vw`.
pub fn rpx_to_vw(css: &mut Css) {
    let _ = css.visit(&mut RpxToVw);
}

/// `rpx` in a piece of a `style` attribute (a literal part, or what an expression produces
/// at run time follows the same rule): `12.5rpx` → `1.66667vw`. Numbers are matched as CSS
/// writes them; anything else is left as written.
pub fn rpx_to_vw_text(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let boundary = start == 0
            || !(bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_' || bytes[start - 1] == b'.');
        while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
            i += 1;
        }
        if i > start && boundary && text[i..].get(..3).is_some_and(|u| u.eq_ignore_ascii_case("rpx")) {
            if let Ok(n) = text[start..i].parse::<f64>() {
                out.push_str(&format_vw(n / 7.5));
                i += 3;
                continue;
            }
        }
        if i == start {
            let c = text[i..].chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
        } else {
            out.push_str(&text[start..i]);
        }
    }
    out
}

fn format_vw(v: f64) -> String {
    let rounded = (v * 100_000.0).round() / 100_000.0;
    format!("{rounded}vw")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn style_attribute_text() {
        assert_eq!(rpx_to_vw_text("width: 750rpx; margin: 15rpx -7.5rpx"), "width: 100vw; margin: 2vw -1vw");
        assert_eq!(rpx_to_vw_text("height: calc(100% - 75rpx)"), "height: calc(100% - 10vw)");
        assert_eq!(rpx_to_vw_text("font-family: x750rpx; color: red"), "font-family: x750rpx; color: red");
        assert_eq!(rpx_to_vw_text("好: 1rpx"), "好: 0.13333vw");
    }
}
