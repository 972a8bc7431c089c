//! Office files: what juesuan writes for Word, Excel and WPS, and the figures it reads from
//! workbooks. Plain Rust over well-kept crates (docx-rs for `.docx`, rust_xlsxwriter for
//! `.xlsx`, calamine to read `.xlsx`/`.xls`), on bytes; storage reads and writes the files.

pub mod docx;
pub mod import;
pub mod xlsx;
