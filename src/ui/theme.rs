//! Colours, spacing and fonts: the one place the look is decided.

use egui::{Color32, FontData, FontDefinitions, FontFamily};

use crate::checks::Severity;

/// Red for errors and invalid input.
pub const ERROR: Color32 = Color32::from_rgb(0xc0, 0x1c, 0x28);
/// Amber for warnings.
pub const WARNING: Color32 = Color32::from_rgb(0xc6, 0x7c, 0x00);
/// Blue for hints.
pub const HINT: Color32 = Color32::from_rgb(0x1c, 0x6d, 0xc0);
/// The frame drawn around a field reached from a finding.
pub const HIGHLIGHT: Color32 = Color32::from_rgb(0xff, 0x8c, 0x00);

/// The background of the banner that warns of 错误 above the print preview.
pub const ERROR_BANNER: Color32 = Color32::from_rgb(0xfd, 0xec, 0xea);
/// Section headings inside a tab.
pub const SECTION: Color32 = Color32::from_rgb(0x1f, 0x3a, 0x68);
/// Thin outlines: the preview's page border, a pie's circle.
pub const OUTLINE: Color32 = Color32::GRAY;
/// Secondary text: a rule's example message in the help.
pub const MUTED: Color32 = Color32::from_rgb(0x5f, 0x63, 0x68);
/// The chip behind a figure's name in the wording editor.
pub const TOKEN: Color32 = Color32::from_rgb(0x2a, 0x6f, 0xb8);
/// A figure's name on its chip.
pub const TOKEN_TEXT: Color32 = Color32::WHITE;

/// The series colours of charts, in order.
pub const SERIES: [Color32; 8] = [
    Color32::from_rgb(0x44, 0x72, 0xc4),
    Color32::from_rgb(0xed, 0x7d, 0x31),
    Color32::from_rgb(0xa5, 0xa5, 0xa5),
    Color32::from_rgb(0xff, 0xc0, 0x00),
    Color32::from_rgb(0x5b, 0x9b, 0xd5),
    Color32::from_rgb(0x70, 0xad, 0x47),
    Color32::from_rgb(0x26, 0x44, 0x78),
    Color32::from_rgb(0x9e, 0x48, 0x0e),
];

/// The colour of a severity.
pub fn severity_color(severity: Severity) -> Color32 {
    match severity {
        Severity::Error => ERROR,
        Severity::Warning => WARNING,
        Severity::Hint => HINT,
    }
}

/// The bundled CJK font (Noto Sans SC, SIL OFL 1.1; see `assets/fonts/`).
pub const CJK_FONT: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-Regular.otf");

/// Installs the bundled CJK font first in both families, so every character a clerk can type
/// renders the same on every machine; egui's own fonts stay behind it for symbols.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        "noto_sans_sc".to_owned(),
        std::sync::Arc::new(FontData::from_static(CJK_FONT)),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .insert(0, "noto_sans_sc".to_owned());
    }
    ctx.set_fonts(fonts);
}

/// A light theme (the document is black on white) with text a little larger than egui's
/// defaults, for office screens.
pub fn install_style(ctx: &egui::Context) {
    ctx.set_theme(egui::Theme::Light);
    ctx.global_style_mut(|style| {
        for (text_style, font) in style.text_styles.iter_mut() {
            font.size = match text_style {
                egui::TextStyle::Heading => 20.0,
                egui::TextStyle::Small => 11.0,
                _ => 14.0,
            };
        }
        style.spacing.item_spacing = egui::vec2(8.0, 5.0);
    });
}
