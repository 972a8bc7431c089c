//! Office files: what juesuan writes for Excel and WPS. Plain Rust over well-kept crates
//! (docx-rs for `.docx`, rust_xlsxwriter for `.xlsx`), returning the file's bytes; storage writes them to disk.

pub mod docx;
pub mod xlsx;
