//! 决算助手 (juesuan): prepares a public-sector unit's annual final accounts (部门决算) and the
//! disclosure document (决算公开) its leadership signs.
//!
//! The core — [`model`], [`money`], [`storage`] — is plain Rust with no UI in it. See
//! `ARCHITECTURE.md` for the code map and the invariants.

pub mod bundle;
pub mod catalog;
pub mod checks;
pub mod cli;
pub mod consolidate;
pub mod document;
pub mod example;
pub mod model;
pub mod money;
pub mod next_year;
pub mod office;
pub mod print;
pub mod storage;
pub mod template;
pub mod ui;
