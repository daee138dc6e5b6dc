//! The IR: the meaning of the source, free of any platform's spelling.

pub mod expr;
pub mod template;
