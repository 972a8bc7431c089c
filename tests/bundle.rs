//! The publication bundle (`juesuan bundle`): the files a portal takes and a manifest whose
//! hashes match them; `--verify` tells a file changed since.

#![allow(
    clippy::unwrap_used,
    reason = "in tests a failed unwrap is a failed test"
)]

mod common;

use common::juesuan;
use juesuan::bundle::{MANIFEST, Manifest, sha256};

#[test]
fn the_manifest_names_every_file_with_its_hash_and_verify_finds_a_changed_one() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("例.json");
    let out = dir.path().join("公开文件包");
    juesuan(&["example", "-o", project.to_str().unwrap()]);
    let (code, stdout, stderr) = juesuan(&[
        "bundle",
        project.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!((code, stderr.as_str()), (0, ""), "{stdout}");
    assert!(stdout.contains("正在生成：中共遂宁市安居区委目标绩效管理办公室2023年度部门决算.pdf"));
    assert!(stdout.contains("6 个文件"), "{stdout}");

    let manifest: Manifest =
        serde_json::from_str(&std::fs::read_to_string(out.join(MANIFEST)).unwrap()).unwrap();
    assert_eq!(manifest.unit, "中共遂宁市安居区委目标绩效管理办公室");
    assert_eq!(
        (manifest.year, manifest.date.as_str()),
        (2023, "2024-05-31")
    );
    assert!(manifest.template.contains("四川"));
    // The example's check: no 错误 (the seed's own slips are 警告 and 提示).
    assert_eq!(manifest.findings.errors, 0);
    assert!(
        manifest
            .signatories
            .iter()
            .any(|s| s.role == "财务负责人" && s.name == "周巧梅"),
        "{:?}",
        manifest.signatories
    );
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != MANIFEST)
        .collect();
    names.sort();
    let mut listed: Vec<String> = manifest.files.iter().map(|f| f.name.clone()).collect();
    listed.sort();
    assert_eq!(names, listed);
    for f in &manifest.files {
        let bytes = std::fs::read(out.join(&f.name)).unwrap();
        assert_eq!((bytes.len(), sha256(&bytes)), (f.bytes, f.sha256.clone()));
    }
    assert!(listed.iter().any(|n| n.ends_with("公开表.xlsx")));
    assert!(listed.iter().any(|n| n.ends_with("年度部门决算.docx")));
    assert!(listed.iter().any(|n| n.ends_with("审核报告.pdf")));

    let (code, stdout, _) = juesuan(&["bundle", "--verify", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("5 个文件都与清单一致"), "{stdout}");
    // A file edited after it was generated (as a clerk re-saving the PDF would).
    let pdf = out.join("中共遂宁市安居区委目标绩效管理办公室2023年度部门决算.pdf");
    let mut bytes = std::fs::read(&pdf).unwrap();
    bytes.extend_from_slice(b"\n% edited\n");
    std::fs::write(&pdf, bytes).unwrap();
    let (code, stdout, _) = juesuan(&["bundle", "--verify", out.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains("2023年度部门决算.pdf：内容与清单不符"),
        "{stdout}"
    );
}

#[test]
fn a_bundle_is_never_written_over_other_files() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("例.json");
    juesuan(&["example", "-o", project.to_str().unwrap()]);
    // The folder holding the project is not empty: refused, nothing added to it.
    let (code, _, stderr) = juesuan(&[
        "bundle",
        project.to_str().unwrap(),
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("不是空的"), "{stderr}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}
