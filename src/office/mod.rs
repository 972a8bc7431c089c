//! Office files: what juesuan writes for Excel and WPS. Plain Rust over well-kept crates
//! (rust_xlsxwriter for `.xlsx`), returning the file's bytes; storage writes them to disk.

pub mod xlsx;
