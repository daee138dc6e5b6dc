//! The WXML frontend: scanning, expressions and lowering into the IR.

pub mod builtins;
pub mod events;
pub mod expr;
pub mod indent;
pub mod known;
pub mod lower;
pub mod mustache;
pub mod rich_text;
pub mod scanner;
