//! The publication bundle (公开文件包): what an office uploads to its government portal and
//! keeps with the signed paper — the printed document (PDF) and the same as Word, its tables
//! as a workbook, the check report (workbook and PDF) — and a manifest (清单) naming the unit,
//! year, template, date and signatories, with the size and SHA-256 of each file, so that the
//! files published later can be checked against what was generated ([`verify`]).
//!
//! Plain Rust: [`make`] returns the files as bytes; the shell writes them.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::checks::CheckReport;
use crate::document::Document;
use crate::print::{PrintDate, Printer};

/// The manifest's file name.
pub const MANIFEST: &str = "清单.json";

/// How many files [`make`] makes before the manifest (and tells `progress` about).
pub const STEPS: usize = 5;

/// One file of the bundle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BundleFile {
    /// Its name, as the portal lists attachments (单位 + 年度 + what it is).
    pub name: String,
    /// Its content.
    pub bytes: Vec<u8>,
}

/// The manifest: what was bundled, when, under which template, signed by whom, and each file's
/// size and SHA-256.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// The unit.
    pub unit: String,
    /// The accounting year.
    pub year: i32,
    /// The template's name.
    pub template: String,
    /// The date printed on the document (年-月-日).
    pub date: String,
    /// The signatories (a name not entered is empty); none where the template prints none.
    pub signatories: Vec<Signatory>,
    /// How many findings the check had when the bundle was made.
    pub findings: FindingCounts,
    /// Every file but the manifest.
    pub files: Vec<ManifestEntry>,
}

/// A signatory as the manifest lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signatory {
    /// 单位负责人, 分管负责人, 财务负责人, 制表人.
    pub role: String,
    /// The name, empty where not entered.
    pub name: String,
}

/// The check's findings by severity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingCounts {
    /// 错误.
    pub errors: usize,
    /// 警告.
    pub warnings: usize,
    /// 提示.
    pub hints: usize,
}

/// A file as the manifest lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestEntry {
    /// The file's name.
    pub name: String,
    /// Its size in bytes.
    pub bytes: usize,
    /// Its SHA-256, lower-case hex.
    pub sha256: String,
}

/// The SHA-256 of `bytes`, lower-case hex.
pub fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The bundle of `doc` (the project's document under its template) and `report` (its check
/// report), dated `date`: the files, the manifest last; the workbook has `sheets` after the
/// document's tables (a department's 分单位汇总表). `progress` is told each file's name before
/// it is made (the PDF of a large project takes a few seconds).
pub fn make(
    doc: &Document,
    report: &CheckReport,
    sheets: &[crate::document::Table],
    date: PrintDate,
    progress: &mut dyn FnMut(&str),
) -> Result<Vec<BundleFile>, String> {
    // 某单位2023年度部门决算 (or 单位决算).
    let stem = doc.title.clone();
    let mut files = Vec::new();

    let name = format!("{stem}.pdf");
    progress(&name);
    let pages = Printer::shared()
        .layout(doc, date)
        .map_err(|e| e.to_string())?;
    files.push(BundleFile {
        name,
        bytes: pages.pdf().map_err(|e| e.to_string())?,
    });

    let name = format!("{stem}.docx");
    progress(&name);
    files.push(BundleFile {
        name,
        bytes: crate::office::docx::document(doc, date)?,
    });

    let name = format!("{stem}公开表.xlsx");
    progress(&name);
    files.push(BundleFile {
        name,
        bytes: crate::office::xlsx::tables_with(doc, sheets)?,
    });

    let name = format!("{stem}审核报告.xlsx");
    progress(&name);
    files.push(BundleFile {
        name,
        bytes: crate::office::xlsx::check_report(report)?,
    });

    let name = format!("{stem}审核报告.pdf");
    progress(&name);
    let pages = Printer::shared()
        .layout(&report.document(), date)
        .map_err(|e| e.to_string())?;
    files.push(BundleFile {
        name,
        bytes: pages.pdf().map_err(|e| e.to_string())?,
    });

    let manifest = Manifest {
        unit: doc.unit.clone(),
        year: doc.year,
        template: report.template.clone(),
        date: format!("{:04}-{:02}-{:02}", date.year, date.month, date.day),
        signatories: doc
            .sign_off
            .iter()
            .flat_map(|s| &s.roles)
            .map(|(role, name)| Signatory {
                role: role.clone(),
                name: name.clone(),
            })
            .collect(),
        findings: {
            let (errors, warnings, hints) = report.counts();
            FindingCounts {
                errors,
                warnings,
                hints,
            }
        },
        files: files
            .iter()
            .map(|f| ManifestEntry {
                name: f.name.clone(),
                bytes: f.bytes.len(),
                sha256: sha256(&f.bytes),
            })
            .collect(),
    };
    let json = serde_json::to_string_pretty(&manifest).map_err(|e| format!("清单无法写出：{e}"))?;
    files.push(BundleFile {
        name: MANIFEST.to_owned(),
        bytes: (json + "\n").into_bytes(),
    });
    Ok(files)
}

/// Whether `dir` may receive a bundle: a new or empty folder (a bundle never mixes with or
/// replaces other files).
pub fn check_target(dir: &std::path::Path) -> Result<(), String> {
    if std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some()) {
        return Err(format!(
            "文件夹 {} 不是空的；公开文件包要写到新的或空的文件夹",
            dir.display()
        ));
    }
    Ok(())
}

/// Writes `files` into `dir` (created if needed; checked with [`check_target`] first), each
/// atomically.
pub fn write(dir: &std::path::Path, files: &[BundleFile]) -> Result<(), String> {
    check_target(dir)?;
    std::fs::create_dir_all(dir).map_err(|e| {
        format!(
            "无法建立文件夹 {}：{}",
            dir.display(),
            crate::storage::io_message(&e)
        )
    })?;
    for f in files {
        crate::storage::replace_file(&dir.join(&f.name), &f.bytes).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// What checking a bundle against its manifest found, one line per file that differs.
pub fn verify(manifest: &Manifest, read: &dyn Fn(&str) -> Option<Vec<u8>>) -> Vec<String> {
    manifest
        .files
        .iter()
        .filter_map(|entry| match read(&entry.name) {
            None => Some(format!("{}：文件不存在或无法读取", entry.name)),
            Some(bytes) if sha256(&bytes) != entry.sha256 => Some(format!(
                "{}：内容与清单不符（清单 SHA-256 {}，现为 {}），文件在生成之后被改动过",
                entry.name,
                entry.sha256,
                sha256(&bytes)
            )),
            Some(_) => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_known_texts() {
        // FIPS 180-2 test vectors.
        assert_eq!(
            sha256(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            sha256(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
