//! The page's views: the input panel on the left; the results panel on the right with its six
//! tabs (overview, structure, problems, compare, export, settings); the pieces more than one of them
//! shows. Components take the page's state from context ([`crate::state::use_state`]); plain
//! helper functions inside one view take what they need.

pub mod compare;
pub mod editor;
pub mod export;
pub mod overview;
pub mod parts;
pub mod problems;
pub mod results;
pub mod settings;
pub mod structure;
pub mod window;
