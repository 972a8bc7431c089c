//! Embeds the application icon and version information in the Windows executable.

fn main() {
    println!("cargo::rerun-if-changed=packaging/icons/juesuan.ico");
    println!("cargo::rerun-if-changed=build.rs");
    // A build script runs on the host: ask Cargo for the target, so that a cross build from
    // Linux (mingw-w64's windres) embeds the resources too.
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("windows") {
        windows_resources();
    }
}

/// Icon, product name and version for Explorer's properties page and the taskbar.
fn windows_resources() {
    let mut res = winresource::WindowsResource::new();
    res.set_icon("packaging/icons/juesuan.ico")
        .set("ProductName", "决算助手")
        .set("FileDescription", "决算助手：部门决算与决算公开文档编制")
        .set("LegalCopyright", "决算助手开发组；字体 SIL OFL 1.1")
        .set("OriginalFilename", "juesuan.exe");
    if let Err(e) = res.compile() {
        // A missing resource compiler should not stop a developer build; the release workflow
        // has one, so its executable always carries the icon and version.
        println!("cargo::warning=图标和版本信息未嵌入：{e}");
    }
}
