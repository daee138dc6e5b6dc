//! `#if` conditions: target names, `define` keys, `!`, `&&`, `||` and parentheses.

use indexmap::IndexMap;
use serde_json::Value;

use crate::target::Target;

/// What a condition is evaluated against: the target being built and the `define` constants.
#[derive(Debug, Clone, Copy)]
pub struct Conditions<'a> {
    pub target: Target,
    pub defines: &'a IndexMap<String, Value>,
}

impl Conditions<'_> {
    /// A name's truth: a target name is true on that target; a `define` key is true unless its
    /// value is `false`, `null`, `0` or `""` (LANGUAGE.md §7). `None` for an unknown name.
    fn lookup(&self, name: &str) -> Option<bool> {
        if let Ok(target) = name.parse::<Target>() {
            return Some(target == self.target);
        }
        self.defines.get(name).map(|v| match v {
            Value::Bool(b) => *b,
            Value::Null => false,
            Value::Number(n) => n.as_f64() != Some(0.0),
            Value::String(s) => !s.is_empty(),
            Value::Array(_) | Value::Object(_) => true,
        })
    }

    pub fn known_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Target::names().collect();
        names.extend(self.defines.keys().map(String::as_str));
        names
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token<'s> {
    Name(&'s str),
    Not,
    And,
    Or,
    Open,
    Close,
}

fn tokenize(text: &str) -> Result<Vec<Token<'_>>, String> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b' ' | b'\t' => i += 1,
            b'!' => {
                tokens.push(Token::Not);
                i += 1;
            }
            b'(' => {
                tokens.push(Token::Open);
                i += 1;
            }
            b')' => {
                tokens.push(Token::Close);
                i += 1;
            }
            b'&' if bytes.get(i + 1) == Some(&b'&') => {
                tokens.push(Token::And);
                i += 2;
            }
            b'|' if bytes.get(i + 1) == Some(&b'|') => {
                tokens.push(Token::Or);
                i += 2;
            }
            c if c.is_ascii_alphanumeric() || c == b'_' || c == b'$' => {
                let start = i;
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphanumeric() || matches!(bytes[i], b'_' | b'$' | b'-' | b'.'))
                {
                    i += 1;
                }
                tokens.push(Token::Name(&text[start..i]));
            }
            _ => {
                let ch = text[i..].chars().next().unwrap_or('?');
                return Err(format!(
                    "unexpected `{ch}` in the condition: conditions use names, `!`, `&&`, `||` and parentheses"
                ));
            }
        }
    }
    Ok(tokens)
}

/// The result of evaluating a condition: its value and the names nobody defined.
#[derive(Debug)]
pub struct Evaluated<'s> {
    pub value: bool,
    pub unknown: Vec<&'s str>,
}

/// Parses and evaluates `text`; `Err` carries a message for a malformed condition.
pub fn evaluate<'s>(text: &'s str, conditions: &Conditions<'_>) -> Result<Evaluated<'s>, String> {
    let tokens = tokenize(text)?;
    if tokens.is_empty() {
        return Err("the condition is empty: write a target name or a `define` key after it".into());
    }
    let mut parser = Parser { tokens: &tokens, pos: 0, conditions, unknown: Vec::new() };
    let value = parser.or()?;
    if parser.pos != tokens.len() {
        return Err("unexpected text after the condition: combine names with `&&` or `||`".into());
    }
    Ok(Evaluated { value, unknown: parser.unknown })
}

struct Parser<'t, 's, 'c> {
    tokens: &'t [Token<'s>],
    pos: usize,
    conditions: &'t Conditions<'c>,
    unknown: Vec<&'s str>,
}

impl<'s> Parser<'_, 's, '_> {
    fn or(&mut self) -> Result<bool, String> {
        let mut value = self.and()?;
        while self.tokens.get(self.pos) == Some(&Token::Or) {
            self.pos += 1;
            value |= self.and()?;
        }
        Ok(value)
    }

    fn and(&mut self) -> Result<bool, String> {
        let mut value = self.unary()?;
        while self.tokens.get(self.pos) == Some(&Token::And) {
            self.pos += 1;
            value &= self.unary()?;
        }
        Ok(value)
    }

    fn unary(&mut self) -> Result<bool, String> {
        match self.tokens.get(self.pos) {
            Some(Token::Not) => {
                self.pos += 1;
                Ok(!self.unary()?)
            }
            Some(Token::Open) => {
                self.pos += 1;
                let value = self.or()?;
                if self.tokens.get(self.pos) != Some(&Token::Close) {
                    return Err("`(` is never closed in the condition".into());
                }
                self.pos += 1;
                Ok(value)
            }
            Some(Token::Name(name)) => {
                self.pos += 1;
                Ok(match self.conditions.lookup(name) {
                    Some(v) => v,
                    None => {
                        self.unknown.push(name);
                        false
                    }
                })
            }
            Some(Token::Close) => Err("unexpected `)` in the condition".into()),
            Some(Token::And | Token::Or) | None => {
                Err("the condition ends early: expected a name after the operator".into())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eval(text: &str, target: Target) -> Result<bool, String> {
        let mut defines = IndexMap::new();
        defines.insert("DEBUG".to_string(), Value::Bool(true));
        defines.insert("LEVEL".to_string(), Value::from(0));
        defines.insert("API".to_string(), Value::from(""));
        evaluate(text, &Conditions { target, defines: &defines }).map(|e| e.value)
    }

    #[test]
    fn targets_defines_and_operators() {
        assert_eq!(eval("alipay", Target::Alipay), Ok(true));
        assert_eq!(eval("alipay", Target::Wechat), Ok(false));
        assert_eq!(eval("wechat || weibo", Target::Weibo), Ok(true));
        assert_eq!(eval("!alipay && DEBUG", Target::Wechat), Ok(true));
        assert_eq!(eval("LEVEL || API", Target::Wechat), Ok(false));
        assert_eq!(eval("!(wechat || alipay)", Target::Weibo), Ok(true));
    }

    #[test]
    fn malformed_conditions_are_errors() {
        assert!(eval("", Target::Wechat).is_err());
        assert!(eval("wechat ||", Target::Wechat).is_err());
        assert!(eval("(wechat", Target::Wechat).is_err());
        assert!(eval("wechat alipay", Target::Wechat).is_err());
        assert!(eval("wechat == 1", Target::Wechat).is_err());
    }
}
