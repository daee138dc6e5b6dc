//! Recursive descent over WXML expression tokens, with a depth limit so hostile input gets a
//! diagnostic instead of overflowing the stack.

use crate::ir::expr::{BinaryOp, Expr, ExprKind, ObjectItem, ObjectKey, Property, StrLit, UnaryOp};
use crate::source::Span;

use super::ExprError;
use super::lexer::{Tok, Token};

const MAX_DEPTH: usize = 200;

pub struct Parser<'t> {
    tokens: &'t [Token],
    pos: usize,
    depth: usize,
}

/// Words that start JavaScript constructs WXML does not have.
fn forbidden_word(word: &str) -> Option<&'static str> {
    Some(match word {
        "new" => "`new` is not WXML: build the value in the script",
        "function" => "functions cannot be written in WXML: define them in a wxs module",
        "this" => "`this` is not WXML: name the data field directly",
        "typeof" => "WeChat does not evaluate `typeof` in WXML: compute the type in a wxs function or the script",
        "in" | "instanceof" => "`in` and `instanceof` are not WXML: compute the value in the script",
        "void" | "delete" | "await" | "yield" | "class" | "var" | "let" | "const" | "return" => {
            "statements and these operators are not WXML: a mustache holds one expression"
        }
        _ => return None,
    })
}

impl<'t> Parser<'t> {
    pub fn new(tokens: &'t [Token]) -> Self {
        Parser { tokens, pos: 0, depth: 0 }
    }

    fn peek(&self) -> &Token {
        &self.tokens[self.pos.min(self.tokens.len() - 1)]
    }

    /// The current token, moving past it (past the end stays at `Eof`, so stepping back
    /// with `pos -= 1` after any `next` is always right).
    fn next(&mut self) -> Token {
        let t = self.peek().clone();
        self.pos += 1;
        t
    }

    fn is(&self, p: &str) -> bool {
        matches!(&self.peek().tok, Tok::Punct(q) if *q == p)
    }

    fn eat(&mut self, p: &str) -> bool {
        let yes = self.is(p);
        if yes {
            self.pos += 1;
        }
        yes
    }

    fn expect(&mut self, p: &str, what: &str) -> Result<Span, ExprError> {
        if self.is(p) {
            return Ok(self.next().span);
        }
        Err(self.unexpected(&format!("expected `{p}` {what}")))
    }

    fn unexpected(&self, expected: &str) -> ExprError {
        let t = self.peek();
        let found = match &t.tok {
            Tok::Eof => "the end of the expression".to_string(),
            Tok::Punct(p) => format!("`{p}`"),
            Tok::Ident(s) | Tok::Number(s) => format!("`{s}`"),
            Tok::Str(_, raw) => raw.clone(),
        };
        ExprError {
            span: t.span,
            message: format!("{expected}, found {found}"),
            help: Some("WXML expressions are names and paths, literals, arithmetic, comparisons, `!`, `&&`, `||`, `? :`, arrays, objects and wxs calls".into()),
        }
    }

    fn enter(&mut self, at: Span) -> Result<(), ExprError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(ExprError {
                span: at,
                message: format!("expression nested more than {MAX_DEPTH} levels deep"),
                help: Some("simplify the expression, or compute it in the script".into()),
            });
        }
        Ok(())
    }

    pub fn at_end(&self) -> bool {
        matches!(self.peek().tok, Tok::Eof)
    }

    /// A mustache's content: one expression.
    pub fn mustache(&mut self) -> Result<Expr, ExprError> {
        let starts_bare = self.is("...")
            || (matches!(self.peek().tok, Tok::Ident(_) | Tok::Str(..) | Tok::Number(_))
                && matches!(self.tokens.get(self.pos + 1).map(|t| &t.tok), Some(Tok::Punct(":"))));
        if starts_bare {
            return Err(ExprError {
                span: self.peek().span,
                message: "a brace-less object is only allowed as `<template is>` data".into(),
                help: Some("write an object literal with braces: `{{ {a: 1} }}`".into()),
            });
        }
        let expr = self.expression()?;
        self.finish(expr)
    }

    /// `<template is data="{{…}}">`: always WXML's brace-less object (`a: 1, ...b`, and
    /// `{{ item }}` meaning `{item: item}`, as WeChat renders it).
    pub fn template_data(&mut self) -> Result<Expr, ExprError> {
        if self.is("{") {
            return Err(ExprError {
                span: self.peek().span,
                message: "`<template>` data is written without braces (WeChat's compiler rejects them here)".into(),
                help: Some("write `data=\"{{ a: 1, ...item }}\"`".into()),
            });
        }
        let start = self.peek().span;
        let items = self.object_items(None)?;
        let end = self.tokens[self.pos.saturating_sub(1)].span;
        let expr = Expr { kind: ExprKind::BareObject(items), span: start.to(end) };
        self.finish(expr)
    }

    fn finish(&mut self, expr: Expr) -> Result<Expr, ExprError> {
        if !self.at_end() {
            if self.is(",") {
                return Err(ExprError {
                    span: self.peek().span,
                    message: "the comma operator is not WXML: a mustache holds one expression".into(),
                    help: Some("for an object, name each value: `{{a: x, b: y}}`".into()),
                });
            }
            return Err(self.unexpected("expected the end of the expression"));
        }
        Ok(expr)
    }

    pub fn expression(&mut self) -> Result<Expr, ExprError> {
        self.enter(self.peek().span)?;
        let test = self.binary(1)?;
        let result = if self.eat("?") {
            let consequent = self.expression()?;
            self.expect(":", "in the conditional `a ? b : c`")?;
            let alternate = self.expression()?;
            let span = test.span.to(alternate.span);
            Expr {
                kind: ExprKind::Conditional {
                    test: Box::new(test),
                    consequent: Box::new(consequent),
                    alternate: Box::new(alternate),
                },
                span,
            }
        } else {
            test
        };
        self.depth -= 1;
        Ok(result)
    }

    fn binary_op(&self) -> Option<BinaryOp> {
        let Tok::Punct(p) = self.peek().tok else {
            return None;
        };
        Some(match p {
            "||" => BinaryOp::Or,
            "&&" => BinaryOp::And,
            "==" => BinaryOp::Eq,
            "!=" => BinaryOp::NotEq,
            "===" => BinaryOp::StrictEq,
            "!==" => BinaryOp::StrictNotEq,
            "<" => BinaryOp::Lt,
            ">" => BinaryOp::Gt,
            "<=" => BinaryOp::LtEq,
            ">=" => BinaryOp::GtEq,
            "+" => BinaryOp::Add,
            "-" => BinaryOp::Sub,
            "*" => BinaryOp::Mul,
            "/" => BinaryOp::Div,
            "%" => BinaryOp::Rem,
            _ => return None,
        })
    }

    /// Precedence climbing over the binary operators.
    fn binary(&mut self, min: u8) -> Result<Expr, ExprError> {
        let mut left = self.unary()?;
        while let Some(op) = self.binary_op().filter(|op| op.precedence() >= min) {
            self.next();
            self.enter(left.span)?;
            let right = self.binary(op.precedence() + 1)?;
            self.depth -= 1;
            let span = left.span.to(right.span);
            left = Expr { kind: ExprKind::Binary { op, left: Box::new(left), right: Box::new(right) }, span };
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Expr, ExprError> {
        let start = self.peek().span;
        let op = match &self.peek().tok {
            Tok::Punct("!") => Some(UnaryOp::Not),
            Tok::Punct("-") => Some(UnaryOp::Minus),
            Tok::Punct("+") => {
                return Err(ExprError {
                    span: start,
                    message: "unary `+` is not WXML (WeChat's compiler rejects it)".into(),
                    help: Some("convert the value in the script or a wxs function".into()),
                });
            }
            _ => None,
        };
        let Some(op) = op else {
            return self.postfix();
        };
        self.next();
        self.enter(start)?;
        let arg = self.unary()?;
        self.depth -= 1;
        let span = start.to(arg.span);
        Ok(Expr { kind: ExprKind::Unary { op, arg: Box::new(arg) }, span })
    }

    fn postfix(&mut self) -> Result<Expr, ExprError> {
        let mut expr = self.primary()?;
        loop {
            if self.eat(".") {
                let t = self.next();
                let Tok::Ident(name) = t.tok else {
                    self.pos -= 1;
                    return Err(self.unexpected("expected a property name after `.`"));
                };
                let span = expr.span.to(t.span);
                expr = Expr { kind: ExprKind::Member { object: Box::new(expr), property: Property::Name(name) }, span };
            } else if self.eat("[") {
                self.enter(expr.span)?;
                let index = self.expression()?;
                self.depth -= 1;
                let end = self.expect("]", "to close `[`")?;
                let span = expr.span.to(end);
                expr = Expr {
                    kind: ExprKind::Member { object: Box::new(expr), property: Property::Computed(Box::new(index)) },
                    span,
                };
            } else if self.eat("(") {
                let mut args = Vec::new();
                while !self.is(")") {
                    args.push(self.expression()?);
                    if !self.eat(",") {
                        break;
                    }
                }
                let end = self.expect(")", "to close the call")?;
                let span = expr.span.to(end);
                expr = Expr { kind: ExprKind::Call { callee: Box::new(expr), args }, span };
            } else {
                return Ok(expr);
            }
        }
    }

    fn primary(&mut self) -> Result<Expr, ExprError> {
        let t = self.next();
        let span = t.span;
        let kind = match t.tok {
            Tok::Number(n) => ExprKind::Number(n),
            Tok::Str(value, raw) => ExprKind::String(StrLit { value, raw }),
            Tok::Ident(word) => match word.as_str() {
                "true" => ExprKind::Bool(true),
                "false" => ExprKind::Bool(false),
                "null" => ExprKind::Null,
                "undefined" => ExprKind::Undefined,
                w => {
                    // wcc reads every word as a data name (`{{class}}`, `{{this.a}}` compile),
                    // and fails only when another operand follows (`typeof a`, `new Date()`):
                    // only then is the JavaScript construct explained.
                    let operand_follows = matches!(
                        &self.peek().tok,
                        Tok::Ident(_) | Tok::Number(_) | Tok::Str(..) | Tok::Punct("(" | "{")
                    );
                    if let Some(why) = forbidden_word(w).filter(|_| operand_follows) {
                        // Each entry reads "what is wrong: what to do instead".
                        let (message, help) = why.split_once(": ").unwrap_or((why, ""));
                        return Err(ExprError {
                            span,
                            message: message.into(),
                            help: (!help.is_empty()).then(|| help.to_string()),
                        });
                    }
                    ExprKind::Ident(word)
                }
            },
            Tok::Punct("(") => {
                self.enter(span)?;
                let inner = self.expression()?;
                self.depth -= 1;
                let end = self.expect(")", "to close `(`")?;
                return Ok(Expr { kind: ExprKind::Paren(Box::new(inner)), span: span.to(end) });
            }
            Tok::Punct("[") => {
                self.enter(span)?;
                let mut items = Vec::new();
                while !self.is("]") {
                    if self.is("...") {
                        return Err(ExprError {
                            span: self.peek().span,
                            message: "array spread is not WXML (WeChat's compiler rejects it)".into(),
                            help: Some("build the array in the script".into()),
                        });
                    }
                    items.push(self.expression()?);
                    if !self.eat(",") {
                        break;
                    }
                }
                self.depth -= 1;
                let end = self.expect("]", "to close the array")?;
                return Ok(Expr { kind: ExprKind::Array(items), span: span.to(end) });
            }
            Tok::Punct("{") => {
                self.enter(span)?;
                let items = self.object_items(Some("}"))?;
                self.depth -= 1;
                let end = self.expect("}", "to close the object").map_err(|mut e| {
                    if matches!(self.peek().tok, Tok::Eof) {
                        e.help = Some("`}}` ends the expression: put a space between closing braces, `} }`".into());
                    }
                    e
                })?;
                return Ok(Expr { kind: ExprKind::Object(items), span: span.to(end) });
            }
            Tok::Punct("/") => {
                return Err(ExprError {
                    span,
                    message: "regular expressions are not WXML".into(),
                    help: Some("use getRegExp() inside a wxs module".into()),
                });
            }
            _ => {
                self.pos -= 1;
                return Err(self.unexpected("expected a value"));
            }
        };
        Ok(Expr { kind, span })
    }

    /// `key: value`, `name` and `...spread` items up to `close` (or the end for a bare object).
    fn object_items(&mut self, close: Option<&str>) -> Result<Vec<ObjectItem>, ExprError> {
        let mut items = Vec::new();
        loop {
            let done = match close {
                Some(c) => self.is(c),
                None => self.at_end(),
            };
            if done {
                break;
            }
            if self.eat("...") {
                items.push(ObjectItem::Spread(self.expression()?));
            } else {
                let t = self.next();
                let key = match t.tok {
                    Tok::Ident(name) => {
                        if !self.is(":") {
                            items.push(ObjectItem::Shorthand { name, span: t.span });
                            if !self.eat(",") {
                                break;
                            }
                            continue;
                        }
                        ObjectKey::Ident(name)
                    }
                    Tok::Str(value, raw) => ObjectKey::String(StrLit { value, raw }),
                    Tok::Number(n) => ObjectKey::Number(n),
                    _ => {
                        self.pos -= 1;
                        return Err(self.unexpected("expected a property name"));
                    }
                };
                self.expect(":", "after the property name")?;
                let value = self.expression()?;
                items.push(ObjectItem::KeyValue { key, value });
            }
            if !self.eat(",") {
                break;
            }
        }
        Ok(items)
    }
}
