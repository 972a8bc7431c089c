//! One frame of every tab with a project 50× the example's size (budget: under 8 ms, CPU side:
//! layout, tessellation-free egui pass), one edit (checks and document rebuilt, then a frame),
//! and start-up to the first frame.

use criterion::{Criterion, criterion_group, criterion_main};
use egui::Vec2;
use egui_kittest::Harness;
use juesuan::example::scaled_example;
use juesuan::model::{FieldPath, LineField};
use juesuan::ui::Tab;
use juesuan::ui::files::AppFiles;
use juesuan::ui::{JuesuanApp, Startup};

fn harness(file: std::path::PathBuf, dir: &std::path::Path) -> Harness<'static, JuesuanApp> {
    let files = AppFiles::in_dir(dir);
    Harness::builder()
        .with_size(Vec2::new(1366.0, 768.0))
        // The app's own theme (kittest's default is dark).
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| {
            JuesuanApp::new(
                &cc.egui_ctx,
                Startup {
                    file: Some(file),
                    files,
                    native_dialogs: false,
                },
            )
        })
}

fn ui_benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("50x.json");
    let project = scaled_example(50).expect("example");
    juesuan::storage::save(
        &path,
        &project,
        juesuan::storage::SaveTime::from_local(2026, 12, 1, 0),
    )
    .expect("save");

    c.bench_function("start-up to first frame, 50x", |b| {
        b.iter(|| {
            let mut h = harness(path.clone(), dir.path());
            h.step();
            h
        })
    });

    let mut h = harness(path.clone(), dir.path());
    for tab in Tab::ALL {
        h.state_mut().set_tab(tab);
        h.step();
        c.bench_function(&format!("frame, {} tab, 50x", tab.label()), |b| {
            b.iter(|| h.step())
        });
    }

    h.state_mut().set_tab(Tab::Expenditure);
    let mut n = 0u32;
    c.bench_function("edit + checks + charts + frame, 支出 tab, 50x", |b| {
        b.iter(|| {
            n += 1;
            let session = h.state_mut().session_mut();
            session.project.expenditure.lines[0].basic =
                Some(juesuan::money::Wan::from_wan(n.into()));
            session.commit_edit(&FieldPath::expenditure_line(0, LineField::Basic));
            h.step();
        })
    });
}

criterion_group!(benches, ui_benches);
criterion_main!(benches);
