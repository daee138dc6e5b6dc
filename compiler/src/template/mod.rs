//! The WXML frontend: scanning, expressions and lowering into the IR.

pub mod expr;
pub mod mustache;
pub mod scanner;
