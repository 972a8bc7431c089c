//! Where the application keeps its own files: recent projects and the crash-recovery copy.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::Project;
use crate::storage;

/// How many recent files the 文件 menu lists.
const RECENT_LIMIT: usize = 8;

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
}

/// A recovery copy written by autosave.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recovery {
    /// The file the project belonged to, if any.
    pub original: Option<PathBuf>,
    /// When it was written, in seconds since 1970 (for the prompt).
    pub written_unix: u64,
}

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

    /// What was remembered; nothing if the file is missing or unreadable.
    pub fn remembered(&self) -> Remembered {
        fs::read_to_string(self.remembered_path())
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default()
    }

    /// Puts `path` first in the recent files.
    pub fn add_recent(&self, path: &Path) -> std::io::Result<()> {
        let mut r = self.remembered();
        r.recent.retain(|p| p != path);
        r.recent.insert(0, path.to_owned());
        r.recent.truncate(RECENT_LIMIT);
        fs::create_dir_all(&self.dir)?;
        let text = serde_json::to_string_pretty(&r).unwrap_or_default();
        storage::write_atomically(&self.remembered_path(), text.as_bytes())
    }

    fn recovery_project(&self) -> PathBuf {
        self.dir.join("recovery.json")
    }

    fn recovery_info(&self) -> PathBuf {
        self.dir.join("recovery-info.json")
    }

    /// Writes the recovery copy of unsaved work.
    pub fn write_recovery(&self, project: &Project, info: &Recovery) -> std::io::Result<()> {
        fs::create_dir_all(&self.dir)?;
        storage::write_atomically(
            &self.recovery_project(),
            storage::to_json(project).as_bytes(),
        )?;
        let text = serde_json::to_string_pretty(info).unwrap_or_default();
        storage::write_atomically(&self.recovery_info(), text.as_bytes())
    }

    /// The recovery copy left by a run that did not end normally, if any and readable.
    pub fn pending_recovery(&self) -> Option<(Project, Recovery)> {
        let project = storage::load(&self.recovery_project()).ok()?;
        let info = fs::read_to_string(self.recovery_info())
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or(Recovery {
                original: None,
                written_unix: 0,
            });
        Some((project, info))
    }

    /// Removes the recovery copy (after a save, a normal exit, or when the user declines it).
    pub fn clear_recovery(&self) {
        for path in [self.recovery_project(), self.recovery_info()] {
            // A missing file is the normal case; any other failure only leaves a stale copy
            // that the next start offers again.
            let _ = fs::remove_file(path);
            let _ = fs::remove_file(storage::backup_path(&self.recovery_project()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::example::example;

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
    }

    #[test]
    fn recovery_round_trips_and_clears() {
        let dir = tempfile::tempdir().unwrap();
        let files = AppFiles::in_dir(dir.path());
        assert!(files.pending_recovery().is_none());
        let info = Recovery {
            original: Some("项目.json".into()),
            written_unix: 1_790_000_000,
        };
        files.write_recovery(&example().unwrap(), &info).unwrap();
        let (project, got) = files.pending_recovery().unwrap();
        assert_eq!(project, example().unwrap());
        assert_eq!(got, info);
        files.clear_recovery();
        assert!(files.pending_recovery().is_none());
    }
}
