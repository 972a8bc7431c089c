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

#[test]
fn the_windows_installer_config_refers_to_existing_files() {
    let config: toml::Table = fs::read_to_string("packaging/windows/Packager.toml")
        .unwrap()
        .parse()
        .unwrap();
    for icon in config["icons"].as_array().unwrap() {
        exists(icon.as_str().unwrap());
    }
    exists(config["license-file"].as_str().unwrap());
    exists(config["nsis"]["installer-icon"].as_str().unwrap());
    assert_eq!(
        config["nsis"]["install-mode"].as_str(),
        Some("currentUser"),
        "per-user install"
    );
    let binary = &config["binaries"].as_array().unwrap()[0];
    assert_eq!(binary["path"].as_str().unwrap(), package_name());
    assert_eq!(config["name"].as_str().unwrap(), package_name());
    let cargo: toml::Table = fs::read_to_string("Cargo.toml").unwrap().parse().unwrap();
    assert_eq!(
        config["version"].as_str(),
        cargo["package"]["version"].as_str(),
        "installer and package versions agree"
    );
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

#[test]
fn the_release_workflow_uses_the_installer_config() {
    let workflow = fs::read_to_string(".github/workflows/release.yml").unwrap();
    assert!(workflow.contains("packaging/windows/Packager.toml"));
    assert!(workflow.contains("windows-latest"));
    for name in workflow.split("--test ").skip(1) {
        let test = name.split_whitespace().next().unwrap();
        exists(&format!("tests/{test}.rs"));
    }
}

#[test]
fn fonts_ship_with_their_licence() {
    exists("assets/fonts/LICENSE-OFL.txt");
    for font in fs::read_dir("assets/fonts").unwrap() {
        let name = font.unwrap().file_name().into_string().unwrap();
        if name.ends_with(".otf") {
            let licence = fs::read_to_string("assets/fonts/LICENSE-OFL.txt").unwrap();
            assert!(
                licence.contains(&name),
                "{name} not named in the licence file"
            );
        }
    }
}
