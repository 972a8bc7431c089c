//! The packaging files refer to things that exist: icons, licence, binary name, config paths.

#![allow(
    clippy::unwrap_used,
    reason = "in tests a failed unwrap is a failed test"
)]

use std::fs;
use std::path::Path;

fn exists(path: &str) {
    assert!(
        Path::new(path).is_file(),
        "{path} is referenced but missing"
    );
}

fn package_name() -> String {
    let cargo: toml::Table = fs::read_to_string("Cargo.toml").unwrap().parse().unwrap();
    cargo["package"]["name"].as_str().unwrap().to_owned()
}

/// The installer definition, and the files it names (relative to its own folder, as makensis
/// reads them), with the project root as the base.
fn nsis() -> (String, Vec<std::path::PathBuf>) {
    let script = fs::read_to_string("packaging/windows/juesuan.nsi").unwrap();
    let mut files = Vec::new();
    for line in script.lines().map(str::trim) {
        let quoted: Vec<&str> = line.split('"').skip(1).step_by(2).collect();
        let named = if line.starts_with("File ") {
            quoted.last().copied()
        } else if line.starts_with("!define MUI_ICON") || line.starts_with("!define MUI_UNICON") {
            quoted.first().copied()
        } else {
            None
        };
        if let Some(path) = named.filter(|p| !p.contains("${")) {
            files.push(Path::new("packaging/windows").join(path.replace('\\', "/")));
        }
    }
    (script, files)
}

#[test]
fn the_windows_installer_refers_to_existing_files() {
    let (script, files) = nsis();
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    assert!(
        names.iter().any(|n| n.ends_with("icons/juesuan.ico")),
        "installer icon: {names:?}"
    );
    assert!(
        names.iter().any(|n| n.ends_with("fonts/LICENSE-OFL.txt")),
        "font licence ships: {names:?}"
    );
    for file in &files {
        assert!(
            file.is_file(),
            "{} is referenced but missing",
            file.display()
        );
    }
    assert!(script.contains(&format!("!define EXE \"{}.exe\"", package_name())));
    assert!(
        script.contains("RequestExecutionLevel user"),
        "per-user install"
    );
    assert!(script.contains("WriteUninstaller"));
    assert!(script.contains("$SMPROGRAMS"), "Start-menu entry");
    assert!(
        script.contains(".json\\OpenWithProgids"),
        "offered for project files without taking over .json"
    );
}

#[test]
fn the_installer_build_takes_its_version_from_cargo() {
    let build = fs::read_to_string("packaging/windows/build-installer.sh").unwrap();
    assert!(build.contains("Cargo.toml") && build.contains("-DVERSION="));
    assert!(build.contains("packaging/windows/juesuan.nsi"));
    let (script, _) = nsis();
    assert!(script.contains("VIProductVersion \"${VERSION}.0\""));
    assert!(script.contains("DisplayVersion\" \"${VERSION}\""));
}

#[test]
fn the_build_script_and_the_window_use_existing_icons() {
    let build = fs::read_to_string("build.rs").unwrap();
    assert!(build.contains("packaging/icons/juesuan.ico"));
    exists("packaging/icons/juesuan.ico");
    let ui = fs::read_to_string("src/ui/mod.rs").unwrap();
    assert!(ui.contains("packaging/icons/juesuan-256.png"));
    exists("packaging/icons/juesuan-256.png");
}

#[test]
fn the_linux_desktop_entry_runs_the_binary_with_its_icon() {
    let desktop = fs::read_to_string("packaging/linux/juesuan.desktop").unwrap();
    assert!(desktop.contains(&format!("Exec={} %f", package_name())));
    assert!(desktop.contains("Icon=juesuan"));
    let install = fs::read_to_string("packaging/linux/install.sh").unwrap();
    for size in [16, 32, 48, 64, 128, 256] {
        assert!(install.contains("16 32 48 64 128 256"));
        exists(&format!("packaging/icons/juesuan-{size}.png"));
    }
}

/// The `--test NAME` arguments of a script, each checked to name a test file.
fn test_targets(path: &str) -> Vec<String> {
    let script = fs::read_to_string(path).unwrap();
    let names: Vec<String> = script
        .split("--test ")
        .skip(1)
        .map(|rest| rest.split_whitespace().next().unwrap().to_owned())
        .collect();
    for name in &names {
        exists(&format!("tests/{name}.rs"));
    }
    names
}

#[test]
fn the_release_workflow_uses_the_installer_config() {
    let workflow = fs::read_to_string(".github/workflows/release.yml").unwrap();
    assert!(workflow.contains("packaging\\windows\\juesuan.nsi"));
    assert!(workflow.contains("windows-latest"));
    let on_windows = test_targets(".github/workflows/release.yml");
    assert!(on_windows.contains(&"storage".to_owned()), "{on_windows:?}");
    assert_eq!(
        on_windows,
        test_targets("scripts/check-windows.sh"),
        "the Wine run and the Windows runner run the same tests"
    );
}

#[test]
fn fonts_ship_with_their_licence() {
    exists("assets/fonts/LICENSE-OFL.txt");
    for font in fs::read_dir("assets/fonts").unwrap() {
        let name = font.unwrap().file_name().into_string().unwrap();
        if name.ends_with(".otf") || name.ends_with(".ttf") {
            let licence = fs::read_to_string("assets/fonts/LICENSE-OFL.txt").unwrap();
            assert!(
                licence.contains(&name),
                "{name} not named in the licence file"
            );
        }
    }
}
