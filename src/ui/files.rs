//! Where the application keeps its own files: the recent projects, and one recovery slot per
//! running instance.
//!
//! Each running instance owns a slot, a directory under `recovery/` holding a lock file that the
//! instance keeps locked (with its process id inside) while it runs, and, while there are unsaved
//! edits, the recovery copy of the project. An instance never touches a slot whose lock another
//! instance holds. A slot whose lock can be taken belongs to an instance that is gone: its copy is
//! offered once — this instance holds the lock while it asks — and deleted only after the clerk
//! chose 恢复 or 放弃.

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::model::{ClassNames, Project};
use crate::storage::{self, StorageError};

/// How many recent files the 文件 menu lists.
const RECENT_LIMIT: usize = 8;

/// How many codes the application remembers names of.
pub const CODES_LIMIT: usize = 2_000;

/// How often unsaved work is copied to the recovery slot.
pub const AUTOSAVE_EVERY: Duration = Duration::from_secs(60);

/// The application's own directory and what it remembers there.
#[derive(Clone, Debug)]
pub struct AppFiles {
    dir: PathBuf,
}

/// What the application remembers between runs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Remembered {
    /// Recently opened or saved projects, newest first.
    pub recent: Vec<PathBuf>,
    /// Codes the catalog did not know, with the 类/款/项 names the clerk gave them in a saved
    /// project: filled in when the clerk types the code again, in any project.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub codes: BTreeMap<String, ClassNames>,
}

/// What a recovery copy says about itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recovery {
    /// The file the project belonged to, if any.
    pub original: Option<PathBuf>,
    /// When it was written, in seconds since 1970 (for the prompt).
    pub written_unix: u64,
}

/// This instance's recovery slot, locked while the instance runs.
#[derive(Debug)]
pub struct Slot {
    dir: PathBuf,
    /// Held for the slot's life: the lock is what tells other instances that the slot is live.
    _lock: File,
}

/// A recovery copy left by an instance that is gone. This instance holds its lock until the
/// clerk decides, so no other instance offers it at the same time.
#[derive(Debug)]
pub struct Stale {
    dir: PathBuf,
    _lock: Option<File>,
    /// The unsaved project.
    pub project: Project,
    /// What the copy says about itself.
    pub info: Recovery,
}

const LOCK: &str = "lock";
const COPY: &str = "project.json";
const INFO: &str = "info.json";

impl AppFiles {
    /// The per-user data directory (on Windows, under `%APPDATA%`), or a directory beside the
    /// temporary files when the system has none.
    pub fn user() -> AppFiles {
        let dir = directories::ProjectDirs::from("cn", "juesuan", "juesuan")
            .map(|d| d.data_dir().to_owned())
            .unwrap_or_else(|| std::env::temp_dir().join("juesuan"));
        AppFiles { dir }
    }

    /// Files kept in `dir` (tests use a temporary directory).
    pub fn in_dir(dir: impl Into<PathBuf>) -> AppFiles {
        AppFiles { dir: dir.into() }
    }

    /// The directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn remembered_path(&self) -> PathBuf {
        self.dir.join("settings.json")
    }

    fn recovery_dir(&self) -> PathBuf {
        self.dir.join("recovery")
    }

    /// What was remembered; nothing if the file is missing or unreadable.
    pub fn remembered(&self) -> Remembered {
        fs::read_to_string(self.remembered_path())
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default()
    }

    /// Puts `path` first in the recent files.
    pub fn add_recent(&self, path: &Path) -> Result<(), StorageError> {
        let mut r = self.remembered();
        r.recent.retain(|p| p != path);
        r.recent.insert(0, path.to_owned());
        r.recent.truncate(RECENT_LIMIT);
        self.write_remembered(&r)
    }

    /// Remembers the names the clerk gave codes the catalog does not know (newer names win);
    /// returns everything remembered. Beyond [`CODES_LIMIT`] codes, new codes are not added.
    pub fn remember_codes(
        &self,
        codes: BTreeMap<String, ClassNames>,
    ) -> Result<BTreeMap<String, ClassNames>, StorageError> {
        let mut r = self.remembered();
        let before = r.codes.clone();
        for (code, names) in codes {
            if r.codes.len() < CODES_LIMIT || r.codes.contains_key(&code) {
                r.codes.insert(code, names);
            }
        }
        if r.codes != before {
            self.write_remembered(&r)?;
        }
        Ok(r.codes)
    }

    fn write_remembered(&self, r: &Remembered) -> Result<(), StorageError> {
        self.create_dir()?;
        let text = serde_json::to_string_pretty(r).unwrap_or_default();
        storage::replace_file(&self.remembered_path(), text.as_bytes())
    }

    fn create_dir(&self) -> Result<(), StorageError> {
        fs::create_dir_all(self.recovery_dir()).map_err(|e| StorageError {
            path: self.recovery_dir(),
            problem: storage::Problem::Io(e),
        })
    }

    /// Claims a new recovery slot for this instance (`pid` is written into its lock file).
    pub fn claim_slot(&self, pid: u32) -> Result<Slot, StorageError> {
        self.create_dir()?;
        let error = |path: &Path, e: io::Error| StorageError {
            path: path.to_owned(),
            problem: storage::Problem::Io(e),
        };
        let dir = tempfile::Builder::new()
            .prefix(&format!("{pid}-"))
            .tempdir_in(self.recovery_dir())
            .map_err(|e| error(&self.recovery_dir(), e))?
            .keep();
        let lock_path = dir.join(LOCK);
        let mut lock = File::create(&lock_path).map_err(|e| error(&lock_path, e))?;
        lock.try_lock().map_err(|e| error(&lock_path, e.into()))?;
        // The process id is for people looking at the folder; the lock is what counts.
        let _ = writeln!(lock, "{pid}");
        Ok(Slot { dir, _lock: lock })
    }

    /// The recovery copies of instances that are gone, oldest first, each locked by this
    /// instance until it is discarded or dropped. Slots of live instances are not touched; slots
    /// of gone instances without a copy are removed.
    pub fn stale_recoveries(&self) -> Vec<Stale> {
        let mut found = Vec::new();
        if let Some(legacy) = self.legacy_recovery() {
            found.push(legacy);
        }
        let Ok(entries) = fs::read_dir(self.recovery_dir()) else {
            return found;
        };
        for entry in entries.filter_map(Result::ok) {
            let dir = entry.path();
            if !dir.is_dir() {
                continue;
            }
            let Some(lock) = take_lock(&dir.join(LOCK)) else {
                continue;
            };
            match storage::load(&dir.join(COPY)) {
                Ok(project) => {
                    let info = read_info(&dir.join(INFO));
                    found.push(Stale {
                        dir,
                        _lock: Some(lock),
                        project,
                        info,
                    });
                }
                Err(e) if matches!(&e.problem, storage::Problem::Io(io) if io.kind() == io::ErrorKind::NotFound) =>
                {
                    // The instance ended without unsaved work (or before it wrote any).
                    drop(lock);
                    let _ = fs::remove_dir_all(&dir);
                }
                Err(e) => {
                    // A copy that cannot be read is left where it is, for a person to look at;
                    // offering it would fail and deleting it could lose work.
                    super::crash::log(&format!("恢复副本无法读取，已保留：{e}"));
                }
            }
        }
        found.sort_by_key(|s| s.info.written_unix);
        found
    }

    /// The single recovery copy that versions before recovery slots kept (`recovery.json`).
    fn legacy_recovery(&self) -> Option<Stale> {
        let project = storage::load(&self.dir.join("recovery.json")).ok()?;
        let info = read_info(&self.dir.join("recovery-info.json"));
        Some(Stale {
            dir: self.dir.clone(),
            _lock: None,
            project,
            info,
        })
    }
}

/// Takes the lock of a slot whose instance is gone; `None` when a live instance holds it. A slot
/// without a lock file (cut off while it was made or removed) gets one.
fn take_lock(path: &Path) -> Option<File> {
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .ok()?;
    file.try_lock().ok()?;
    Some(file)
}

fn read_info(path: &Path) -> Recovery {
    fs::read_to_string(path)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or(Recovery {
            original: None,
            written_unix: 0,
        })
}

impl Slot {
    /// Writes the recovery copy of unsaved work (replacing the previous one).
    pub fn write(&self, project: &Project, info: &Recovery) -> Result<(), StorageError> {
        storage::replace_file(&self.dir.join(COPY), storage::to_json(project).as_bytes())?;
        let text = serde_json::to_string_pretty(info).unwrap_or_default();
        storage::replace_file(&self.dir.join(INFO), text.as_bytes())
    }

    /// Removes the recovery copy (the work was saved); the slot stays this instance's.
    pub fn clear(&self) {
        for name in [COPY, INFO] {
            // A missing file is the normal case; a copy that cannot be removed is offered again
            // after this instance ends, which loses nothing.
            let _ = fs::remove_file(self.dir.join(name));
        }
    }

    /// Whether the slot holds a recovery copy.
    pub fn has_copy(&self) -> bool {
        self.dir.join(COPY).exists()
    }

    /// Ends the slot at a normal exit: the copy and the slot are removed.
    pub fn release(self) {
        self.clear();
        let Slot { dir, _lock } = self;
        drop(_lock);
        let _ = fs::remove_dir_all(dir);
    }
}

impl Stale {
    /// Deletes the copy: the clerk chose 恢复 (and the work now lives in this instance, whose
    /// own slot holds it) or 放弃.
    pub fn discard(self) {
        match self._lock {
            Some(lock) => {
                drop(lock);
                let _ = fs::remove_dir_all(&self.dir);
            }
            None => {
                for name in [
                    "recovery.json",
                    "recovery-info.json",
                    "recovery.json.bak",
                    "recovery-info.json.bak",
                ] {
                    let _ = fs::remove_file(self.dir.join(name));
                }
            }
        }
    }
}

/// When to write the recovery copy: while there are unsaved edits, at most once a minute, and
/// only when the project changed since the last copy.
#[derive(Debug, Default)]
pub struct Autosave {
    /// When a copy was last attempted.
    attempted: Option<Instant>,
    /// The state the last written copy holds.
    written: Option<u64>,
}

impl Autosave {
    /// Whether a copy of the project at `generation` is due at `now`.
    pub fn due(&self, now: Instant, dirty: bool, generation: u64) -> bool {
        dirty
            && self.written != Some(generation)
            && self
                .attempted
                .is_none_or(|at| now.duration_since(at) >= AUTOSAVE_EVERY)
    }

    /// Records a copy of `generation` written at `now`.
    pub fn written(&mut self, now: Instant, generation: u64) {
        self.attempted = Some(now);
        self.written = Some(generation);
    }

    /// Records a copy that could not be written at `now` (tried again a minute later).
    pub fn failed(&mut self, now: Instant) {
        self.attempted = Some(now);
    }

    /// How long until the next copy may be due (for the repaint that checks it).
    pub fn wait(&self, now: Instant) -> Duration {
        match self.attempted {
            None => AUTOSAVE_EVERY,
            Some(at) => AUTOSAVE_EVERY
                .saturating_sub(now.duration_since(at))
                .max(Duration::from_secs(1)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::example::example;

    fn info(unix: u64) -> Recovery {
        Recovery {
            original: Some("项目.json".into()),
            written_unix: unix,
        }
    }

    #[test]
    fn recent_files_are_newest_first_without_duplicates() {
        let dir = tempfile::tempdir().unwrap();
        let files = AppFiles::in_dir(dir.path());
        for name in ["a.json", "b.json", "a.json"] {
            files.add_recent(Path::new(name)).unwrap();
        }
        assert_eq!(
            files.remembered().recent,
            [PathBuf::from("a.json"), PathBuf::from("b.json")]
        );
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".bak") || n.ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    #[test]
    fn remembered_codes_survive_recent_files_and_newer_names_win() {
        let dir = tempfile::tempdir().unwrap();
        let files = AppFiles::in_dir(dir.path());
        let names = |item: &str| ClassNames {
            class: "社会保障和就业支出".into(),
            section: "其他社会保障和就业支出".into(),
            item: item.into(),
        };
        files
            .remember_codes(BTreeMap::from([("2089999".to_owned(), names("旧名"))]))
            .unwrap();
        files.add_recent(Path::new("a.json")).unwrap();
        let all = files
            .remember_codes(BTreeMap::from([("2089999".to_owned(), names("新名"))]))
            .unwrap();
        assert_eq!(all["2089999"].item, "新名");
        let r = files.remembered();
        assert_eq!(r.codes["2089999"].item, "新名");
        assert_eq!(r.recent, [PathBuf::from("a.json")]);
    }

    #[test]
    fn two_instances_never_touch_each_others_copies() {
        let dir = tempfile::tempdir().unwrap();
        let first = AppFiles::in_dir(dir.path());
        let second = AppFiles::in_dir(dir.path());
        let a = first.claim_slot(1).unwrap();
        a.write(&example().unwrap(), &info(10)).unwrap();
        // The second instance starts while the first is running: nothing is offered, nothing
        // deleted.
        let b = second.claim_slot(2).unwrap();
        assert!(second.stale_recoveries().is_empty());
        assert!(a.has_copy(), "the first instance's copy is intact");
        let mut edited = example().unwrap();
        edited.unit.short_name = "第二个".into();
        b.write(&edited, &info(20)).unwrap();
        // The second ends normally: only its own slot goes.
        b.release();
        assert!(a.has_copy());
        assert!(
            first.stale_recoveries().is_empty(),
            "a live slot is not stale"
        );
        // The first saves: its copy goes, its slot stays.
        a.clear();
        assert!(!a.has_copy());
        drop(a);
    }

    #[test]
    fn a_stale_copy_is_offered_once_and_deleted_only_when_decided() {
        let dir = tempfile::tempdir().unwrap();
        let crashed = AppFiles::in_dir(dir.path());
        let slot = crashed.claim_slot(7).unwrap();
        slot.write(&example().unwrap(), &info(10)).unwrap();
        // The instance dies: its lock goes with it (dropping the handle, as the OS does), and
        // the copy stays.
        drop(slot);

        let files = AppFiles::in_dir(dir.path());
        let offered = files.stale_recoveries();
        assert_eq!(offered.len(), 1);
        assert_eq!(offered[0].project, example().unwrap());
        // While this instance asks, another one starting now is not offered the same copy.
        assert!(AppFiles::in_dir(dir.path()).stale_recoveries().is_empty());
        // The window closes before the clerk answers: nothing is deleted, it is offered again.
        drop(offered);
        let offered = files.stale_recoveries();
        assert_eq!(offered.len(), 1);
        for stale in offered {
            stale.discard();
        }
        assert!(files.stale_recoveries().is_empty(), "放弃 deletes it");
    }

    #[test]
    fn the_slot_is_rewritten_with_each_copy() {
        let dir = tempfile::tempdir().unwrap();
        let files = AppFiles::in_dir(dir.path());
        let slot = files.claim_slot(3).unwrap();
        let mut p = example().unwrap();
        slot.write(&p, &info(1)).unwrap();
        p.unit.short_name = "改后".into();
        slot.write(&p, &info(2)).unwrap();
        drop(slot);
        let offered = files.stale_recoveries();
        assert_eq!(offered[0].project.unit.short_name, "改后");
        assert_eq!(offered[0].info.written_unix, 2);
    }

    #[test]
    fn an_empty_stale_slot_is_tidied_and_the_legacy_copy_is_offered() {
        let dir = tempfile::tempdir().unwrap();
        let files = AppFiles::in_dir(dir.path());
        drop(files.claim_slot(5).unwrap());
        storage::replace_file(
            &dir.path().join("recovery.json"),
            storage::to_json(&example().unwrap()).as_bytes(),
        )
        .unwrap();
        let offered = files.stale_recoveries();
        assert_eq!(offered.len(), 1, "only the legacy copy has content");
        let slots = fs::read_dir(dir.path().join("recovery")).unwrap().count();
        assert_eq!(slots, 0, "the empty slot of a gone instance is removed");
        for s in offered {
            s.discard();
        }
        assert!(!dir.path().join("recovery.json").exists());
    }

    #[test]
    fn autosave_writes_every_minute_while_edits_are_unsaved() {
        let start = Instant::now();
        let mut a = Autosave::default();
        assert!(!a.due(start, false, 1), "nothing unsaved, nothing to write");
        assert!(a.due(start, true, 1));
        a.written(start, 1);
        assert!(
            !a.due(start + Duration::from_secs(30), true, 2),
            "not yet a minute"
        );
        assert!(a.due(start + Duration::from_secs(61), true, 2));
        a.written(start + Duration::from_secs(61), 2);
        assert!(
            !a.due(start + Duration::from_secs(200), true, 2),
            "the same state is not written twice"
        );
        assert!(
            a.due(start + Duration::from_secs(200), true, 3),
            "and again"
        );
        a.failed(start + Duration::from_secs(200));
        assert!(
            !a.due(start + Duration::from_secs(230), true, 3),
            "retried after a minute"
        );
        assert!(a.due(start + Duration::from_secs(261), true, 3));
    }
}
