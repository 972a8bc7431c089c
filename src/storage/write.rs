//! Writing files so that nothing already on disk is lost: through an exclusive temporary file
//! beside the target, flushed to disk and renamed over it, with dated backups of what it replaced.
//!
//! - The target is the real file: a symbolic link is followed and the file it names is written
//!   (the link stays a link); its permissions are kept; a read-only file is refused.
//! - The temporary file is created exclusively with a random name in the target's directory
//!   (`tempfile`), so a planted file or link of any name is never followed or overwritten.
//! - After the rename the directory itself is flushed (Unix), so the rename survives a crash.
//! - Before a project file is replaced, what it held is kept as a dated backup, written the same
//!   way; a backup identical to the newest one is not made again, and the newest
//!   [`BACKUPS_KEPT`] are kept, the oldest removed first.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::Problem;

/// How many dated backups a project file keeps beside it.
pub const BACKUPS_KEPT: usize = 5;

/// How many symbolic links a path may go through before it is refused (as the kernel does).
const MAX_LINKS: usize = 40;

/// Temporary files of an interrupted save older than this are removed by the next save.
const STALE_TEMP_AGE: Duration = Duration::from_secs(3600);

/// When a save happens, by the shell's clock (the core reads none): it names the dated backup
/// and tells which temporary files an interrupted save left behind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SaveTime {
    /// The moment, for comparing with file times.
    pub system: SystemTime,
    /// The local date and time, for the backup's name.
    pub local: chrono::NaiveDateTime,
}

impl SaveTime {
    /// A save at the given local date and time, its system time read as if local time were UTC
    /// (for tests, benchmarks and replays, which must not read the clock).
    pub fn from_local(year: i32, month: u32, day: u32, seconds: u32) -> SaveTime {
        let local = chrono::NaiveDate::from_ymd_opt(year, month, day)
            .unwrap_or_default()
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default()
            + chrono::Duration::seconds(i64::from(seconds));
        let since_epoch = u64::try_from(local.and_utc().timestamp()).unwrap_or(0);
        SaveTime {
            system: SystemTime::UNIX_EPOCH + Duration::from_secs(since_epoch),
            local,
        }
    }

    /// The stamp in a backup's name: `20261201-191146`.
    fn stamp(&self) -> String {
        self.local.format("%Y%m%d-%H%M%S").to_string()
    }
}

/// Writes `bytes` to `path`, first keeping what the file held as a dated backup.
pub(super) fn write_with_backups(path: &Path, bytes: &[u8], at: SaveTime) -> Result<(), Problem> {
    let real = writable_target(path)?;
    if let Some(old) = read_existing(&real)?
        && old != bytes
    {
        keep_backup(&real, &old, at)?;
    }
    remove_stale_temps(&real, at.system);
    replace(&real, bytes, None).map_err(Problem::Io)
}

/// Writes `bytes` to `path` without a backup (outputs that can be made again, the app's own
/// settings and recovery copies).
pub(super) fn write_replacing(path: &Path, bytes: &[u8]) -> Result<(), Problem> {
    let real = writable_target(path)?;
    replace(&real, bytes, None).map_err(Problem::Io)
}

/// The file that writing to `path` must change: `path`, or the file its links lead to. Refuses a
/// directory, a read-only file and a loop of links.
fn writable_target(path: &Path) -> Result<PathBuf, Problem> {
    let real = follow_links(path).map_err(Problem::Io)?;
    match fs::metadata(&real) {
        Ok(meta) if meta.is_dir() => Err(Problem::NotAFile),
        Ok(meta) if meta.permissions().readonly() => Err(Problem::ReadOnly),
        Ok(_) => Ok(real),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(real),
        Err(e) => Err(Problem::Io(e)),
    }
}

/// Follows symbolic links from `path` to the file they name (which need not exist yet).
fn follow_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_owned();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            Ok(_) => return Ok(current),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(current),
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::from(io::ErrorKind::TooManyLinks))
}

/// What the file at `real` holds now, if it exists.
fn read_existing(real: &Path) -> Result<Option<Vec<u8>>, Problem> {
    match fs::read(real) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Problem::BackupFailed(e)),
    }
}

/// Replaces `real` with `bytes`: exclusive temporary file, flush, permissions, rename, flush of
/// the directory. The file keeps its permissions and owner; a new file gets those of `like`, if
/// given (a backup is as private as the file it keeps).
fn replace(real: &Path, bytes: &[u8], like: Option<&Path>) -> io::Result<()> {
    let dir = directory_of(real);
    let name = real.file_name().unwrap_or_default().to_string_lossy();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    let previous = fs::metadata(real)
        .ok()
        .or_else(|| like.and_then(|l| fs::metadata(l).ok()));
    #[cfg(unix)]
    if previous.is_none() {
        // A new file gets the usual mode (0666 less the umask), not the temporary file's 0600.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(&dir)?;
    temp.write_all(bytes)?;
    if let Some(meta) = &previous {
        fs::set_permissions(temp.path(), meta.permissions())?;
        keep_owner(temp.path(), meta);
    }
    temp.as_file().sync_all()?;
    temp.persist(real).map_err(|e| e.error)?;
    sync_directory(&dir);
    Ok(())
}

/// The directory a file is in (`.` for a bare name).
fn directory_of(file: &Path) -> PathBuf {
    match file.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// Gives the new file the old one's owner, where the process may (as root on Unix).
#[cfg(unix)]
fn keep_owner(path: &Path, old: &fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    // Only a privileged process can give a file away; for everyone else the owner is already
    // theirs, and a failure here changes nothing that matters.
    let _ = std::os::unix::fs::chown(path, Some(old.uid()), Some(old.gid()));
}

#[cfg(not(unix))]
fn keep_owner(_path: &Path, _old: &fs::Metadata) {}

/// Flushes a directory, so that a rename in it survives a power cut (Unix; Windows commits a
/// rename with the file's metadata).
fn sync_directory(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(dir) {
        // The file itself is complete and renamed; a failing directory flush only weakens the
        // guarantee against a power cut, and no caller could do better.
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Keeps `old` (what `real` holds before a save) as a new dated backup, unless the newest backup
/// holds exactly that; then removes the oldest beyond [`BACKUPS_KEPT`]. The oldest beyond it
/// are removed first too: a save killed between writing its backup and removing the oldest
/// leaves one backup too many, and the next save must not add another on top of it.
fn keep_backup(real: &Path, old: &[u8], at: SaveTime) -> Result<(), Problem> {
    remove_oldest_backups(real);
    let existing = backups(real);
    let same_as_newest = existing
        .last()
        .is_some_and(|newest| fs::read(newest).is_ok_and(|b| b == old));
    if !same_as_newest {
        let name = free_backup_name(real, &at.stamp());
        replace(&name, old, Some(real)).map_err(Problem::BackupFailed)?;
    }
    remove_oldest_backups(real);
    Ok(())
}

/// Removes the oldest backups of `real` beyond [`BACKUPS_KEPT`].
fn remove_oldest_backups(real: &Path) {
    let all = backups(real);
    for stale in all.iter().take(all.len().saturating_sub(BACKUPS_KEPT)) {
        // A backup that cannot be removed is only one more than intended.
        let _ = fs::remove_file(stale);
    }
}

/// `NAME.20261201-191146.bak`, or `NAME.20261201-191146-2.bak` when that exists already.
fn free_backup_name(real: &Path, stamp: &str) -> PathBuf {
    let name = real.file_name().unwrap_or_default().to_string_lossy();
    let dir = directory_of(real);
    let mut n = 1;
    loop {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!("-{n}")
        };
        let candidate = dir.join(format!("{name}.{stamp}{suffix}.bak"));
        if fs::symlink_metadata(&candidate).is_err() {
            return candidate;
        }
        n += 1;
    }
}

/// The backups kept for the project file at `path`, oldest first: its dated backups, preceded
/// by the single `NAME.bak` that earlier versions kept.
pub fn backups(path: &Path) -> Vec<PathBuf> {
    let real = follow_links(path).unwrap_or_else(|_| path.to_owned());
    let name = real
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let dir = directory_of(&real);
    let Ok(entries) = fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut found: Vec<((String, u32), PathBuf)> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let file = entry.file_name().to_string_lossy().into_owned();
            let key = backup_key(&name, &file)?;
            Some((key, entry.path()))
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, p)| p).collect()
}

/// The sort key of `file` if it is a backup of `name`: its stamp and counter (`("", 0)` for the
/// legacy `NAME.bak`).
fn backup_key(name: &str, file: &str) -> Option<(String, u32)> {
    let rest = file.strip_prefix(name)?.strip_prefix('.')?;
    if rest == "bak" {
        return Some((String::new(), 0));
    }
    let body = rest.strip_suffix(".bak")?;
    let (date, rest) = body.split_once('-')?;
    let (time, n) = rest.split_once('-').unwrap_or((rest, "1"));
    let (stamp, n) = (format!("{date}-{time}"), n.parse::<u32>().ok()?);
    let well_formed = stamp.len() == 15 && stamp.chars().filter(char::is_ascii_digit).count() == 14;
    well_formed.then_some((stamp, n))
}

/// Removes temporary files that an interrupted save of `real` left, if they are old enough that
/// no save can still be writing them.
fn remove_stale_temps(real: &Path, now: SystemTime) {
    let name = real.file_name().unwrap_or_default().to_string_lossy();
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(directory_of(real)) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let file = entry.file_name().to_string_lossy().into_owned();
        if !(file.starts_with(&prefix) && file.ends_with(".tmp")) {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|modified| now.duration_since(modified).ok())
            .is_some_and(|age| age > STALE_TEMP_AGE);
        if old {
            // Best effort: a leftover temporary file is harmless.
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backup_names_sort_by_time_then_counter() {
        let name = "项目.json";
        assert_eq!(backup_key(name, "项目.json.bak"), Some((String::new(), 0)));
        assert_eq!(
            backup_key(name, "项目.json.20261201-191146.bak"),
            Some(("20261201-191146".into(), 1))
        );
        assert_eq!(
            backup_key(name, "项目.json.20261201-191146-2.bak"),
            Some(("20261201-191146".into(), 2))
        );
        assert_eq!(backup_key(name, "项目.json.tmp"), None);
        assert_eq!(backup_key(name, "项目.json.x.bak"), None);
        assert_eq!(backup_key(name, "项目.jsonx.20261201-191146.bak"), None);
        assert_eq!(backup_key(name, "其他.json.20261201-191146.bak"), None);
    }
}
