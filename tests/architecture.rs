//! The architecture invariants of ARCHITECTURE.md that a text search can check.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Files of the core: everything in `src/` but the UI and the binary's entry point.
fn core_files() -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    files.sort();
    files
        .into_iter()
        .filter(|p| !p.starts_with("src/ui") && p != Path::new("src/main.rs"))
        .map(|p| {
            let text = fs::read_to_string(&p).expect("source is UTF-8");
            (p, text)
        })
        .collect()
}

fn offenders(pattern: &str, allowed: &[&str]) -> Vec<String> {
    core_files()
        .into_iter()
        .filter(|(p, _)| !allowed.iter().any(|a| p.ends_with(a)))
        .filter(|(_, text)| text.contains(pattern))
        .map(|(p, _)| p.display().to_string())
        .collect()
}

#[test]
fn nothing_outside_the_ui_imports_egui() {
    let found = offenders("egui", &[]);
    assert!(found.is_empty(), "egui used in the core: {found:?}");
}

#[test]
fn the_core_reads_no_clock() {
    for pattern in ["SystemTime::now", "Instant::now", "Local::now", "Utc::now"] {
        let found = offenders(pattern, &[]);
        assert!(found.is_empty(), "{pattern} in the core: {found:?}");
    }
}

#[test]
fn money_is_never_f64_outside_drawing() {
    // `money.rs` converts for drawing only (`to_f64_for_drawing`) and `print/mod.rs` passes the
    // preview's pixel scale to the renderer; nothing else in the core may use floats.
    let found = offenders("f64", &["money.rs", "print/mod.rs"]);
    assert!(found.is_empty(), "f64 in the core: {found:?}");
}

#[test]
fn no_hash_map_can_reach_a_document_or_a_file() {
    let found = offenders("HashMap", &[]);
    assert!(
        found.is_empty(),
        "HashMap in the core (use BTreeMap): {found:?}"
    );
}

#[test]
fn colours_are_chosen_in_the_theme_only() {
    let mut files = Vec::new();
    rust_files(Path::new("src/ui"), &mut files);
    let found: Vec<String> = files
        .into_iter()
        .filter(|p| !p.ends_with("theme.rs"))
        .filter(|p| {
            let text = fs::read_to_string(p).expect("source is UTF-8");
            text.contains("Color32::") || text.contains("from_rgb(")
        })
        .map(|p| p.display().to_string())
        .collect();
    assert!(found.is_empty(), "colours outside theme.rs: {found:?}");
}
