//! Files under faults: permissions, links, read-only files, planted temporary files, a full disk,
//! and a corpus of malformed files that must be refused in Chinese without a change on disk.

#![allow(
    clippy::unwrap_used,
    reason = "in tests a failed unwrap is a failed test"
)]

use std::fs;

use juesuan::example::EXAMPLE_JSON;
use juesuan::storage::{self, Problem};

#[cfg(unix)]
mod unix {
    use std::os::unix::fs::{PermissionsExt, symlink};
    use std::path::Path;

    use juesuan::example::example;
    use juesuan::storage::SaveTime;

    use super::*;

    fn at(second: u32) -> SaveTime {
        SaveTime::from_local(2026, 12, 1, 32_400 + second)
    }

    fn renamed(name: &str) -> juesuan::model::Project {
        let mut p = example().unwrap();
        p.unit.short_name = name.into();
        p
    }

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn saving_keeps_the_files_mode() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("项目.json");
        storage::save(&path, &renamed("一"), at(0)).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        storage::save(&path, &renamed("二"), at(1)).unwrap();
        assert_eq!(mode(&path), 0o600);
        let backup = &storage::backups(&path)[0];
        assert_eq!(mode(backup), 0o600, "the backup is as private as the file");
    }

    #[test]
    fn a_new_file_gets_the_usual_mode_not_a_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("新.json");
        storage::save(&path, &renamed("一"), at(0)).unwrap();
        assert_ne!(mode(&path), 0o600, "mode {:o}", mode(&path));
        assert!(mode(&path) & 0o044 != 0 || mode(&path) & 0o004 == 0);
    }

    #[test]
    fn saving_through_a_link_writes_the_real_file_and_keeps_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let real_dir = dir.path().join("真实");
        fs::create_dir(&real_dir).unwrap();
        let real = real_dir.join("项目.json");
        storage::save(&real, &renamed("一"), at(0)).unwrap();
        let link = dir.path().join("快捷.json");
        symlink("真实/项目.json", &link).unwrap();
        storage::save(&link, &renamed("二"), at(1)).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(storage::load(&real).unwrap().unit.short_name, "二");
        assert_eq!(storage::backups(&link), storage::backups(&real));
        assert_eq!(storage::backups(&real).len(), 1);
        assert!(storage::backups(&real)[0].starts_with(&real_dir));
    }

    #[test]
    fn a_read_only_file_is_refused_in_chinese_and_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("只读.json");
        storage::save(&path, &renamed("一"), at(0)).unwrap();
        let before = fs::read(&path).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
        let err = storage::save(&path, &renamed("二"), at(1)).unwrap_err();
        assert!(matches!(err.problem, Problem::ReadOnly), "{err:?}");
        assert!(err.to_string().contains("只读"), "{err}");
        assert_eq!(fs::read(&path).unwrap(), before);
        assert!(storage::backups(&path).is_empty());
    }

    #[test]
    fn a_planted_temporary_link_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.json");
        let victim = dir.path().join("别人的文件");
        fs::write(&victim, "不能被改").unwrap();
        symlink(&victim, dir.path().join("p.json.tmp")).unwrap();
        symlink(&victim, dir.path().join(".p.json.tmp")).unwrap();
        storage::save(&path, &renamed("一"), at(0)).unwrap();
        storage::save(&path, &renamed("二"), at(1)).unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "不能被改");
        assert_eq!(storage::load(&path).unwrap().unit.short_name, "二");
    }

    #[test]
    fn a_directory_in_place_of_the_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("文件夹.json");
        fs::create_dir(&path).unwrap();
        let err = storage::save(&path, &renamed("一"), at(0)).unwrap_err();
        assert!(err.to_string().contains("文件夹"), "{err}");
        let err = storage::load(&path).unwrap_err();
        assert!(err.to_string().contains("文件夹"), "{err}");
    }

    /// A small tmpfs, mounted for the test (root only) and unmounted when dropped.
    struct SmallDisk(std::path::PathBuf);

    impl SmallDisk {
        fn mount(bytes: usize) -> Option<SmallDisk> {
            let dir = tempfile::tempdir().unwrap().keep();
            let ok = std::process::Command::new("mount")
                .args(["-t", "tmpfs", "-o", &format!("size={bytes}")])
                .arg("tmpfs")
                .arg(&dir)
                .status()
                .is_ok_and(|s| s.success());
            if ok {
                Some(SmallDisk(dir))
            } else {
                println!(
                    "跳过：无法挂载小容量 tmpfs（需要 root 权限和 mount 命令），未测试磁盘已满"
                );
                None
            }
        }
    }

    impl Drop for SmallDisk {
        fn drop(&mut self) {
            let _ = std::process::Command::new("umount").arg(&self.0).status();
            let _ = fs::remove_dir(&self.0);
        }
    }

    #[test]
    fn a_full_disk_loses_neither_the_file_nor_a_backup() {
        let size = EXAMPLE_JSON.len();
        // Room for the file, two backups and part of a temporary file.
        let Some(disk) = SmallDisk::mount(size * 3 + size / 2) else {
            return;
        };
        let path = disk.0.join("项目.json");
        let mut last_good = None;
        let mut refused = None;
        for i in 0..20 {
            match storage::save(&path, &renamed(&format!("第{i}版")), at(i)) {
                Ok(()) => last_good = Some(fs::read(&path).unwrap()),
                Err(e) => {
                    refused = Some(e);
                    break;
                }
            }
        }
        let err = refused.expect("the disk fills up");
        let message = err.to_string();
        assert!(message.contains("磁盘空间已满"), "{message}");
        assert!(!message.contains("No space"), "{message}");
        assert_eq!(
            Some(fs::read(&path).unwrap()),
            last_good,
            "the file is intact"
        );
        for backup in storage::backups(&path) {
            storage::load(&backup).unwrap_or_else(|e| panic!("{e}"));
        }
        let temps: Vec<_> = fs::read_dir(&disk.0)
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(temps.is_empty(), "a failed save leaves no temporary file");
    }
}

/// Phrases of serde's and the system's English that must never reach a clerk.
const ENGLISH: &[&str] = &[
    "expected ",
    "invalid ",
    "missing field",
    "unknown field",
    "unknown variant",
    "duplicate field",
    "trailing ",
    "EOF",
    " at line ",
    "column ",
    "key must",
    "recursion",
    "control character",
    "No space",
    "os error",
    "not valid",
    "out of range",
    "struct ",
];

fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// A few hundred malformed variants of the example file.
fn corpus() -> Vec<(String, Vec<u8>)> {
    let text = EXAMPLE_JSON;
    let bytes = text.as_bytes();
    let mut out: Vec<(String, Vec<u8>)> = Vec::new();
    // Truncations, including inside multi-byte characters.
    let step = (bytes.len() / 120).max(1);
    for cut in (0..bytes.len()).step_by(step) {
        out.push((format!("截断于 {cut}"), bytes[..cut].to_vec()));
        out.push((
            format!("截断于 {}", cut + 1),
            bytes[..(cut + 1).min(bytes.len() - 1)].to_vec(),
        ));
    }
    // Byte flips.
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for i in 0..80 {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let at = (seed >> 33) as usize % bytes.len();
        let mut flipped = bytes.to_vec();
        flipped[at] ^= 1 << (i % 8);
        out.push((format!("第 {at} 字节翻转"), flipped));
    }
    // Wrong types, duplicate keys, huge numbers, hostile values.
    let edits: &[(&str, &str)] = &[
        (
            "\"general_budget\": \"226.23\"",
            "\"general_budget\": 226.23",
        ),
        ("\"general_budget\": \"226.23\"", "\"general_budget\": null"),
        ("\"general_budget\": \"226.23\"", "\"general_budget\": [1]"),
        (
            "\"general_budget\": \"226.23\"",
            "\"general_budget\": {\"a\": 1}",
        ),
        (
            "\"general_budget\": \"226.23\"",
            "\"general_budget\": \"1e99\"",
        ),
        (
            "\"general_budget\": \"226.23\"",
            "\"general_budget\": \"99999999999999999999999999999\"",
        ),
        ("\"general_budget\": \"226.23\"", "\"general_budget\": true"),
        (
            "\"format\": \"juesuan\",",
            "\"format\": \"juesuan\", \"format\": \"juesuan\",",
        ),
        ("\"year\": 2023,", "\"year\": 2023, \"year\": 2024,"),
        ("\"year\": 2023,", "\"year\": 1e30,"),
        ("\"year\": 2023,", "\"year\": 99999,"),
        ("\"year\": 2023,", "\"year\": -1,"),
        ("\"year\": 2023,", "\"year\": \"2023\","),
        ("\"batches\": 5", "\"batches\": 4294967296"),
        ("\"batches\": 5", "\"batches\": 4294967293"),
        ("\"batches\": 5", "\"batches\": 5.5"),
        ("\"batches\": 5", "\"batches\": -5"),
        ("\"batches\": 5", "\"batches\": 99999999999999999999999"),
        ("\"signatories\": {", "\"signatories\": [], \"x\": {"),
        ("\"duties\": [", "\"duties\": {\"a\": ["),
        ("\"entry_unit\": \"万元\"", "\"entry_unit\": \"美元\""),
        ("\"fund\": \"一般公共预算财政拨款\"", "\"fund\": 3"),
        ("\"lines\": [", "\"lines\": [[], "),
        ("\"project\": {", "\"project\": ["),
        ("\"schema_version\": 14", "\"schema_version\": \"5\""),
        ("\"schema_version\": 14", "\"schema_version\": -5"),
        ("\"schema_version\": 14", "\"schema_version\": 0"),
        // An amount of the year may be blank (null); an opening balance, last year's closing
        // one, may not; nor may a blank be written as text.
        ("\"opening\": \"0\"", "\"opening\": null"),
        ("\"general_budget\": \"226.23\"", "\"general_budget\": \"\""),
        // An imported 科目表 with a code of the wrong form or table, an empty name, an unknown key.
        (
            "\"project\": {",
            "\"project\": {\"catalog\": {\"source\": \"x.csv\", \"functional\": {\"20x\": \"a\"}}, ",
        ),
        (
            "\"project\": {",
            "\"project\": {\"catalog\": {\"source\": \"x.csv\", \"functional\": {\"30101\": \"a\"}}, ",
        ),
        (
            "\"project\": {",
            "\"project\": {\"catalog\": {\"source\": \"x.csv\", \"economic\": {\"30101\": \"\"}}, ",
        ),
        (
            "\"project\": {",
            "\"project\": {\"catalog\": {\"source\": \"x.csv\", \"revenue\": {}}, ",
        ),
        // A 批复 date that does not exist or is not a date; an explanation without its finding's
        // rule, with a field path that is not one, or with an unknown key.
        (
            "\"year\": 2023,",
            "\"year\": 2023, \"approval_date\": \"2024-02-30\",",
        ),
        (
            "\"year\": 2023,",
            "\"year\": 2023, \"approval_date\": 20240530,",
        ),
        (
            "\"year\": 2023,",
            "\"year\": 2023, \"publication_date\": \"明天\",",
        ),
        (
            "\"project\": {",
            "\"project\": {\"explanations\": [{\"text\": \"a\", \"message\": \"b\"}], ",
        ),
        (
            "\"project\": {",
            "\"project\": {\"explanations\": [{\"rule\": \"JS-108\", \"field\": \"no.such[path\", \"text\": \"a\", \"message\": \"b\"}], ",
        ),
        (
            "\"project\": {",
            "\"project\": {\"explanations\": [{\"rule\": \"JS-108\", \"text\": \"a\", \"message\": \"b\", \"x\": 1}], ",
        ),
        // A prior-year figure of the wrong type or unknown to this program.
        ("\"total_revenue\": \"213.07\"", "\"total_revenue\": 213.07"),
        (
            "\"total_revenue\": \"213.07\"",
            "\"total_revenue\": \"213.07\", \"total_revnue\": \"1\"",
        ),
        // Carried opening balances with an unlock reason that is not text, or an unknown key.
        (
            "\"surplus_distribution\": \"0\"",
            "\"surplus_distribution\": \"0\", \"carried\": {\"unlock_reason\": 5}",
        ),
        (
            "\"surplus_distribution\": \"0\"",
            "\"surplus_distribution\": \"0\", \"carried\": {\"locked\": true}",
        ),
        // A department whose member is not a file name, or has an unknown key.
        (
            "\"project\": {",
            "\"project\": {\"department\": {\"members\": [{\"file\": 5, \"name\": \"a\", \"sha256\": \"\"}]}, ",
        ),
        (
            "\"project\": {",
            "\"project\": {\"department\": {\"members\": [], \"units\": 2}, ",
        ),
        // 会议费、培训费 with a negative count or an unknown key.
        (
            "\"project\": {",
            "\"project\": {\"meetings_training\": {\"meetings\": {\"count\": -1}}, ",
        ),
        (
            "\"project\": {",
            "\"project\": {\"meetings_training\": {\"lunch\": {}}, ",
        ),
        // A count of the self-assessments below zero, or a fraction of one.
        (
            "\"performance\": {",
            "\"performance\": {\"self_assessed_projects\": -1, ",
        ),
        (
            "\"performance\": {",
            "\"performance\": {\"self_assessed_projects\": 1.5, ",
        ),
        ("{", "{\"\\ud800\": 1, "),
        ("{", "{\"a\": \"\\x\", "),
    ];
    for (from, to) in edits {
        assert!(text.contains(from), "{from}");
        out.push((
            format!("{from} → {to}"),
            text.replacen(from, to, 1).into_bytes(),
        ));
    }
    out.push(("空文件".into(), Vec::new()));
    out.push(("只有空白".into(), b"  \n ".to_vec()));
    out.push(("数组".into(), b"[1, 2, 3]".to_vec()));
    out.push(("GBK 文本".into(), vec![0xc4, 0xe3, 0xba, 0xc3]));
    out.push(("深层嵌套".into(), "[".repeat(10_000).into_bytes()));
    out.push((
        "超长单位名称".into(),
        text.replacen(
            "\"short_name\": \"区委绩效办\"",
            &format!("\"short_name\": \"{}\"", "长".repeat(300_000)),
            1,
        )
        .into_bytes(),
    ));
    out
}

#[test]
fn malformed_files_are_refused_in_chinese_and_left_as_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let cases = corpus();
    assert!(cases.len() >= 300, "{} cases", cases.len());
    let mut refused = 0;
    for (i, (what, bytes)) in cases.iter().enumerate() {
        let path = dir.path().join(format!("坏文件{i}.json"));
        fs::write(&path, bytes).unwrap();
        let outcome = std::panic::catch_unwind(|| storage::load(&path));
        let result = outcome.unwrap_or_else(|_| panic!("{what}: loading panicked"));
        assert_eq!(&fs::read(&path).unwrap(), bytes, "{what}: the file changed");
        let Err(err) = result else {
            // A flip inside a name or a digit can leave a valid project.
            continue;
        };
        refused += 1;
        let message = err.to_string();
        assert!(has_chinese(&message), "{what}: {message}");
        assert!(
            message.contains(&format!("坏文件{i}.json")),
            "{what}: {message}"
        );
        for english in ENGLISH {
            assert!(
                !message.contains(english),
                "{what}: English “{english}” in {message}"
            );
        }
    }
    assert!(refused >= 250, "only {refused} refused");
    let files = fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(files, cases.len(), "loading created no file");
}

#[test]
fn a_file_cut_inside_a_character_is_called_truncated_not_foreign() {
    let bytes = EXAMPLE_JSON.as_bytes();
    let inside = (1..bytes.len())
        .find(|&i| !EXAMPLE_JSON.is_char_boundary(i))
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("截断.json");
    fs::write(&path, &bytes[..inside]).unwrap();
    let err = storage::load(&path).unwrap_err();
    assert!(matches!(err.problem, Problem::Truncated { .. }), "{err:?}");
    assert!(err.to_string().contains("不完整"), "{err}");
}

#[test]
fn counts_beyond_their_bound_are_refused_on_load() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("车.json");
    let text = EXAMPLE_JSON.replacen("\"batches\": 5", "\"batches\": 4294967293", 1);
    fs::write(&path, &text).unwrap();
    let err = storage::load(&path).unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("three_public.reception.domestic.batches"),
        "{message}"
    );
    assert!(message.contains("过大"), "{message}");
}

#[test]
fn a_five_megabyte_name_is_refused_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("长名.json");
    let long = "名".repeat(5 * 1024 * 1024 / 3);
    let text = EXAMPLE_JSON.replacen(
        "\"name\": \"中共遂宁市安居区委目标绩效管理办公室\"",
        &format!("\"name\": \"{long}\""),
        1,
    );
    assert_ne!(text, EXAMPLE_JSON);
    fs::write(&path, &text).unwrap();
    let err = storage::load(&path).unwrap_err();
    assert!(err.to_string().contains("unit.name"), "{err}");
    assert!(err.to_string().contains("最多 200 字"), "{err}");
}

#[test]
fn a_huge_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("巨大.json");
    let file = fs::File::create(&path).unwrap();
    file.set_len(juesuan::model::limits::FILE_BYTES + 1)
        .unwrap();
    let err = storage::load(&path).unwrap_err();
    assert!(matches!(err.problem, Problem::TooLarge { .. }), "{err:?}");
    // One byte over 16 MiB reads as more than 16 MB, never as equal to the limit.
    assert!(
        err.to_string()
            .contains("文件有 16.1 MB，超过项目文件的上限 16 MB"),
        "{err}"
    );
}

#[test]
fn nested_lists_cannot_multiply_beyond_the_bound_of_all_rows() {
    let mut project: serde_json::Value =
        serde_json::from_str::<serde_json::Value>(EXAMPLE_JSON).unwrap()["project"].clone();
    let indicator = project["projects"][0]["indicators"][0].clone();
    let many: Vec<_> = std::iter::repeat_n(indicator, 1_900).collect();
    project["projects"][0]["indicators"] = serde_json::Value::from(many);
    let first = project["projects"][0].clone();
    project["projects"] = serde_json::Value::from(vec![first; 6]);
    let text = serde_json::json!({"format": "juesuan", "schema_version": storage::SCHEMA_VERSION, "project": project}).to_string();
    let message = storage::from_json(&text).err().map(|e| e.to_string());
    assert!(
        message.as_deref().is_some_and(|m| m.contains("合计超过")),
        "{message:?}"
    );
}
