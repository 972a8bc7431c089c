//! Saves killed at random moments: a child process saves over a project in a loop and is killed
//! with SIGKILL (`Child::kill`) after a random delay, over and over. After every kill the file
//! must be either the old or the new content, and the file and every backup must load. Then the
//! same on a nearly full disk (a small tmpfs, when run as root).
//!
//! This test has its own `main` (`harness = false`): run with `JUESUAN_SAVE_LOOP=FILE`, the same
//! binary is the child that saves.

#![allow(
    clippy::unwrap_used,
    clippy::print_stdout,
    reason = "in tests a failed unwrap is a failed test; the test reports what it did"
)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use juesuan::example::example;
use juesuan::model::Project;
use juesuan::storage::{self, SaveTime};

const CHILD_ENV: &str = "JUESUAN_SAVE_LOOP";
const TRIALS: usize = 120;

fn version(n: usize) -> Project {
    let mut p = example().unwrap();
    p.unit.short_name = format!("第{n}版");
    p
}

fn save_time(i: u64) -> SaveTime {
    SaveTime::from_local(2026, 12, 1, 28_800 + u32::try_from(i % 50_000).unwrap_or(0))
}

/// The child: saves versions 0 and 1 in turn until killed; failures (a full disk) are retried.
fn child(path: &Path) -> ! {
    let versions = [version(0), version(1)];
    let mut i: u64 = 0;
    loop {
        let _ = storage::save(path, &versions[(i % 2) as usize], save_time(i));
        i += 1;
    }
}

/// A tiny deterministic generator for the kill delays (printed seed, repeatable runs).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

/// Runs the kill trials on a project file in `dir`; returns how many kills hit a save.
fn trials(dir: &Path, seed: u64) -> usize {
    let path = dir.join("项目.json");
    storage::save(&path, &version(0), save_time(0)).unwrap();
    let allowed = [
        storage::to_json(&version(0)).into_bytes(),
        storage::to_json(&version(1)).into_bytes(),
    ];
    let exe = std::env::current_exe().unwrap();
    let mut rng = Lcg(seed);
    let mut changed = 0;
    for trial in 0..TRIALS {
        let before = fs::read(&path).unwrap();
        let mut child = Command::new(&exe)
            .env(CHILD_ENV, &path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(2_000 + rng.below(40_000)));
        child.kill().unwrap();
        child.wait().unwrap();
        let after = fs::read(&path).unwrap();
        assert!(
            allowed.contains(&after),
            "trial {trial}: the file is neither version ({} bytes)",
            after.len()
        );
        if after != before {
            changed += 1;
        }
        storage::load(&path).unwrap_or_else(|e| panic!("trial {trial}: {e}"));
        let backups = storage::backups(&path);
        assert!(backups.len() <= storage::BACKUPS_KEPT + 1, "{backups:?}");
        for backup in backups {
            let bytes = fs::read(&backup).unwrap();
            assert!(
                allowed.contains(&bytes),
                "trial {trial}: backup {} is damaged ({} bytes)",
                backup.display(),
                bytes.len()
            );
        }
    }
    changed
}

struct SmallDisk(PathBuf);

impl SmallDisk {
    fn mount(bytes: usize) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().unwrap().keep();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={bytes}"), "tmpfs"])
            .arg(&dir)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(SmallDisk(dir))
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
        let _ = fs::remove_dir(&self.0);
    }
}

fn main() {
    if let Some(path) = std::env::var_os(CHILD_ENV) {
        child(Path::new(&path));
    }
    // `cargo test -- --list` and filters: this binary has one test, named `kill`.
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--list") {
        println!("kill: test");
        return;
    }
    if args
        .iter()
        .any(|a| !a.starts_with('-') && !"kill".contains(a.as_str()))
    {
        return;
    }
    let seed = 0x5eed_2026;
    let dir = tempfile::tempdir().unwrap();
    let changed = trials(dir.path(), seed);
    println!(
        "kill: {TRIALS} kills during saves (seed {seed:#x}), file changed in {changed}; every state loaded"
    );
    assert!(
        changed > 0,
        "no kill happened after a save: the child never saved"
    );

    let size = storage::to_json(&version(0)).len();
    match SmallDisk::mount(size * 4) {
        Some(disk) => {
            let changed = trials(&disk.0, seed + 1);
            println!(
                "kill: {TRIALS} kills on a nearly full disk, file changed in {changed}; every state loaded"
            );
        }
        None => println!("kill: 跳过磁盘已满的部分：无法挂载小容量 tmpfs（需要 root 权限）"),
    }
    println!("test result: ok. 1 passed");
}
