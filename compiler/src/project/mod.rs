//! Projects: where they are, what files they hold, and loading one target's IR from them.

pub mod files;
pub mod layout;
pub mod load;
pub mod npm;
pub mod options;
pub mod paths;
pub mod placement;
pub mod resolve;
pub mod size;
pub mod view;
